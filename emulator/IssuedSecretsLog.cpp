#include "emulator/IssuedSecretsLog.h"

#include "core/crypto/SecureBytes.h"

#include <QByteArray>

#include <fcntl.h>
#include <unistd.h>

namespace aerodesk::emulator {

void IssuedSecretsLog::record(QByteArrayView secret)
{
    static const QByteArray path = qgetenv("AERODESK_SANDBOX_ISSUED_SECRETS");
    if (path.isEmpty() || secret.isEmpty())
        return;
    const int fd = ::open(path.constData(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return;
    QByteArray line = secret.toByteArray().toHex() + '\n';
    const ssize_t written = ::write(fd, line.constData(), std::size_t(line.size()));
    Q_UNUSED(written);
    ::close(fd);
    crypto::secureWipe(line);
}

} // namespace aerodesk::emulator
