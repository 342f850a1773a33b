#include "tests/core/crypto/OpenSslCli.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace aerodesk::test {

OpenSslCli::OpenSslCli()
    : m_openssl(QStandardPaths::findExecutable(QStringLiteral("openssl")))
{
    if (m_openssl.isEmpty())
        ADD_FAILURE() << "the openssl CLI is missing: run scripts/install-deps.sh";
}

QByteArray OpenSslCli::run(const QStringList &args, const QByteArray &input, int *exitCode)
{
    QProcess p;
    p.setWorkingDirectory(m_dir.path());
    p.start(m_openssl, args);
    if (!p.waitForStarted(10000)) {
        ADD_FAILURE() << "cannot start openssl";
        return {};
    }
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        ADD_FAILURE() << "openssl " << args.join(' ').toStdString() << " hung";
        return {};
    }
    if (exitCode)
        *exitCode = p.exitCode();
    else if (p.exitCode() != 0)
        ADD_FAILURE() << "openssl " << args.join(' ').toStdString()
                      << " failed: " << p.readAllStandardError().toStdString();
    return p.readAllStandardOutput();
}

QByteArray OpenSslCli::readFile(const QString &name) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << name.toStdString();
        return {};
    }
    return f.readAll();
}

void OpenSslCli::writeFile(const QString &name, const QByteArray &bytes) const
{
    QFile f(path(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
        ADD_FAILURE() << "cannot write " << name.toStdString();
}

void OpenSslCli::makeRsaKey(const QString &name, int bits)
{
    const QString p8 = name + QStringLiteral(".pkcs8.pem");
    run({ QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
          QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:%1").arg(bits),
          QStringLiteral("-out"), p8 });
    run({ QStringLiteral("pkey"), QStringLiteral("-in"), p8, QStringLiteral("-traditional"),
          QStringLiteral("-out"), name + QStringLiteral(".pkcs1.pem") });
    run({ QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-v2"),
          QStringLiteral("aes-256-cbc"), QStringLiteral("-in"), p8, QStringLiteral("-passout"),
          QStringLiteral("pass:correct horse"), QStringLiteral("-out"),
          name + QStringLiteral(".enc.pem") });
    run({ QStringLiteral("pkey"), QStringLiteral("-in"), p8, QStringLiteral("-pubout"),
          QStringLiteral("-out"), name + QStringLiteral(".spki.pem") });
    run({ QStringLiteral("rsa"), QStringLiteral("-in"), p8, QStringLiteral("-RSAPublicKey_out"),
          QStringLiteral("-out"), name + QStringLiteral(".rsapub.pem") });
}

} // namespace aerodesk::test
