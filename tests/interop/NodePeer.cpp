#include "tests/interop/NodePeer.h"

#include "core/crypto/Hex.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>

#include <cstdio>
#include <gtest/gtest.h>

namespace aerodesk::test {

QByteArray runNodeOaep(const QString &mode, const QString &keyFile, const QByteArray &data,
                       const QString &hash, bool *ok)
{
    *ok = false;
    const NodeRun run =
        runNodeScript(QStringLiteral("oaep-peer.js"),
                      { mode, keyFile, QString::fromLatin1(crypto::Hex::encode(data)), hash });
    if (run.exitCode < 0)
        return {}; // runNodeScript recorded why
    if (run.exitCode != 0) {
        ADD_FAILURE() << "node " << mode.toStdString() << " failed with exit code " << run.exitCode;
        return {};
    }
    auto bytes = crypto::Hex::decode(run.out);
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
    if (p.exitCode() != 0)
        std::fprintf(stderr, "node %s: %s\n", qPrintable(script),
                     p.readAllStandardError().constData());
    return { p.readAllStandardOutput(), p.exitCode() };
}

} // namespace aerodesk::test
