#include "tests/core/team/TeamPeer.h"

#include "core/team/Armour.h"
#include "tests/support/TestPaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QUuid>

#include <gtest/gtest.h>

namespace aerodesk::test {

QByteArray runTeamPeer(const QStringList &args, bool *ok, bool expectFailure)
{
    *ok = false;
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        ADD_FAILURE() << "Node.js is missing: run scripts/install-deps.sh (package nodejs)";
        return {};
    }
    const QString script =
        QDir(sourceDir()).filePath(QStringLiteral("tests/core/team/team-peer.js"));
    QProcess p;
    p.start(node, QStringList { script } + args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        ADD_FAILURE() << "node hung";
        return {};
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (!expectFailure)
            ADD_FAILURE() << "node " << args.value(0).toStdString()
                          << " failed: " << p.readAllStandardError().toStdString();
        return {};
    }
    *ok = true;
    return p.readAllStandardOutput();
}

team::ScryptParams cheapScrypt()
{
    team::ScryptParams p;
    p.logN = 10;
    return p.withMaxmem();
}

QByteArray withEditedHeader(const team::TeamKeyExport &exported,
                            const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject header = QJsonDocument::fromJson(exported.headerBytes).object();
    edit(header);
    team::TeamKeyExport copy = exported;
    copy.headerBytes = QJsonDocument(header).toJson(QJsonDocument::Compact);
    return copy.toArmoured();
}

QByteArray armouredExport(const QJsonObject &outer)
{
    return team::Armour::encode(team::Armour::kTeamKeyLabel,
                                QJsonDocument(outer).toJson(QJsonDocument::Compact));
}

QString uniqueTeam()
{
    return QStringLiteral("test-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace aerodesk::test
