#include "tests/integration/ExternalTools.h"

#include "tests/support/TestPaths.h"
#include "tests/support/Wait.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace aerodesk::test {

QString ExternalTools::Run::describe() const
{
    return QStringLiteral("started=%1 finished=%2 exit=%3 stdout=[%4] stderr=[%5]")
        .arg(started)
        .arg(finished)
        .arg(exitCode)
        .arg(QString::fromUtf8(out.left(400)), QString::fromUtf8(err.left(800)));
}

QString ExternalTools::find(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

QString ExternalTools::missingMessage(const QString &name)
{
    return QStringLiteral("'%1' was not found on PATH: it is an independent peer these tests need. "
                          "Run scripts/install-deps.sh.")
        .arg(name);
}

ExternalTools::Run ExternalTools::run(const QString &program, const QStringList &args,
                                      const QByteArray &input, int timeoutMs)
{
    Run result;
    QProcess process;
    process.start(program, args);
    result.started = process.waitForStarted(10000);
    if (!result.started) {
        result.err = process.errorString().toUtf8();
        return result;
    }
    process.write(input);
    process.closeWriteChannel();
    result.finished =
        waitUntil([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(3000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err += process.readAllStandardError();
    return result;
}

QByteArray ExternalTools::opensslHmacSha256(const QByteArray &secret, const QByteArray &body,
                                            QString *error)
{
    const QString openssl = find(QStringLiteral("openssl"));
    if (openssl.isEmpty()) {
        *error = missingMessage(QStringLiteral("openssl"));
        return {};
    }
    QTemporaryFile file(QDir::tempPath() + QStringLiteral("/aerodesk-webhook-body-XXXXXX"));
    if (!file.open() || file.write(body) != body.size() || !file.flush()) {
        *error = QStringLiteral("cannot write the body file");
        return {};
    }
    file.close();
    const Run r = run(openssl,
                      { QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-hmac"),
                        QString::fromUtf8(secret), QStringLiteral("-r"), file.fileName() });
    static const QRegularExpression hex(QStringLiteral("^([0-9a-f]{64})\\b"));
    const QRegularExpressionMatch m = hex.match(QString::fromLatin1(r.out.trimmed()));
    if (r.exitCode != 0 || !m.hasMatch()) {
        *error = QStringLiteral("openssl dgst failed: ") + r.describe();
        return {};
    }
    return m.captured(1).toLatin1();
}

QByteArray ExternalTools::nodePeer(const QString &mode, const QByteArray &pem,
                                   const QByteArray &input, QString *error)
{
    const QString node = find(QStringLiteral("node"));
    if (node.isEmpty()) {
        *error = missingMessage(QStringLiteral("node"));
        return {};
    }
    QTemporaryFile keyFile(QDir::tempPath() + QStringLiteral("/aerodesk-eb-key-XXXXXX.pem"));
    if (!keyFile.open() || keyFile.write(pem) != pem.size() || !keyFile.flush()) {
        *error = QStringLiteral("cannot write the key file");
        return {};
    }
    keyFile.close();
    // The environment ctest sets, else the source tree this test was built from.
    const QString root =
        sourceDir().isEmpty() ? QStringLiteral(AERODESK_INTEGRATION_SOURCE_DIR) : sourceDir();
    const QString script = root + QStringLiteral("/tests/integration/eb_peer.js");
    const Run r = run(node, { script, mode, keyFile.fileName() }, input);
    if (r.exitCode != 0) {
        *error = QStringLiteral("node eb_peer.js %1 failed: %2").arg(mode, r.describe());
        return {};
    }
    return r.out;
}

} // namespace aerodesk::test
