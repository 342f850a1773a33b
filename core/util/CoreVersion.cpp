#include "core/util/CoreVersion.h"

#include <QCoreApplication>
#include <QtGlobal>

#include <openssl/crypto.h>

namespace aerodesk {

QString CoreVersion::application()
{
    return QStringLiteral(AERODESK_VERSION);
}

QString CoreVersion::qtRuntime()
{
    return QString::fromLatin1(qVersion());
}

QString CoreVersion::openSslRuntime()
{
    return QString::fromLatin1(OpenSSL_version(OPENSSL_VERSION));
}

} // namespace aerodesk
