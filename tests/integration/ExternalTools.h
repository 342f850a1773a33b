#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace aerodesk::test {

/// Independent peers for the integration tests: the `openssl` CLI and plain Node.js (no npm).
class ExternalTools
{
public:
    struct Run
    {
        bool started = false;
        bool finished = false;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        QString describe() const; ///< for failure messages
    };

    /// Absolute path of `name` on $PATH, or empty. Tests FAIL (not skip) when it is empty,
    /// telling the reader to run scripts/install-deps.sh.
    static QString find(const QString &name);
    static QString missingMessage(const QString &name);

    /// Runs `program` with `args`, feeding `input` on stdin; waits (processing Qt events) up
    /// to `timeoutMs`.
    static Run run(const QString &program, const QStringList &args, const QByteArray &input = {},
                   int timeoutMs = 20000);

    /// Lowercase hex HMAC-SHA256(secret, body) computed by `openssl dgst -sha256 -hmac`
    /// over the exact bytes saved to a file; empty with `error` set on failure.
    static QByteArray opensslHmacSha256(const QByteArray &secret, const QByteArray &body,
                                        QString *error);

    /// tests/integration/eb_peer.js through node: "decrypt" (hex on stdin, private PEM file)
    /// or "encrypt" (UTF-8 text on stdin, public PEM file). Returns stdout, or empty + error.
    static QByteArray nodePeer(const QString &mode, const QByteArray &pem, const QByteArray &input,
                               QString *error);
};

} // namespace aerodesk::test
