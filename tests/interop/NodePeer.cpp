#include "tests/interop/NodePeer.h"

#include "core/crypto/Hex.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>

#include <gtest/gtest.h>

namespace aerodesk::test {

QByteArray runNodeOaep(const QString &mode, const QString &keyFile, const QByteArray &data,
                       const QString &hash, bool *ok)
{
    *ok = false;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        ADD_FAILURE() << "Node.js is missing: run scripts/install-deps.sh (package nodejs)";
        return {};
    }
    const QString script = QDir(sourceDir()).filePath(QStringLiteral("tests/interop/oaep-peer.js"));
    QProcess p;
    p.start(node, { script, mode, keyFile, QString::fromLatin1(crypto::Hex::encode(data)), hash });
    if (!p.waitForFinished(30000)) {
        p.kill();
        ADD_FAILURE() << "node hung";
        return {};
    }
    if (p.exitCode() != 0) {
        ADD_FAILURE() << "node " << mode.toStdString()
                      << " failed: " << p.readAllStandardError().toStdString();
        return {};
    }
    auto bytes = crypto::Hex::decode(p.readAllStandardOutput());
    if (!bytes.ok()) {
        ADD_FAILURE() << "node printed bad hex: " << bytes.error().message.toStdString();
        return {};
    }
    *ok = true;
    return *bytes;
}

NodeRun runNodeScript(const QString &script, const QStringList &arguments)
{
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        ADD_FAILURE() << "Node.js is missing: run scripts/install-deps.sh (package nodejs)";
        return {};
    }
    QProcess p;
    p.start(node,
            QStringList { QDir(sourceDir()).filePath(QStringLiteral("tests/interop/") + script) } +
                arguments);
    if (!p.waitForFinished(30000)) {
        p.kill();
        ADD_FAILURE() << "node hung";
        return {};
    }
    return { p.readAllStandardOutput(), p.exitCode() };
}

} // namespace aerodesk::test
