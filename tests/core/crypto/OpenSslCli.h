#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace aerodesk::test {

/// Runs the `openssl` command-line tool (an independent peer) and makes test keys with it in a
/// temporary folder, so no private key is ever committed.
class OpenSslCli
{
public:
    OpenSslCli();
    bool ok() const { return m_dir.isValid() && !m_openssl.isEmpty(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// Runs openssl with `args` (stdin from `input`); fails the current test on error.
    QByteArray run(const QStringList &args, const QByteArray &input = {}, int *exitCode = nullptr);
    QByteArray readFile(const QString &name) const;
    void writeFile(const QString &name, const QByteArray &bytes) const;

    /// Generates a 2048-bit (or `bits`) RSA key; writes <name>.pkcs8.pem, <name>.pkcs1.pem,
    /// <name>.enc.pem (passphrase "correct horse"), <name>.spki.pem and <name>.rsapub.pem.
    void makeRsaKey(const QString &name, int bits = 2048);

private:
    QTemporaryDir m_dir;
    QString m_openssl;
};

} // namespace aerodesk::test
