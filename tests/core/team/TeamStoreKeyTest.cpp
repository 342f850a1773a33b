// The team key as the store's data key on a real SQLite file: what the lead writes, an agent
// enrolled through an export reads (fields and blind-index lookups); another team's key reads
// nothing and writes nothing.
#include "core/store/Store.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyWrapper.h"
#include "tests/core/team/TeamPeer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace aerodesk;
using team::TeamKey;
using team::TeamKeyWrapper;

namespace {

connections::Connection teamConnection()
{
    connections::Connection c;
    c.connectionId = QStringLiteral("7ea3c0de000000000000000000000042");
    c.aeroPassUserUuid = QStringLiteral("7d3dba48-9c44-4cce-9aea-000000000042");
    c.bankName = QStringLiteral("Aerosync Bank (MFA)");
    c.status = QStringLiteral("CONNECTED");
    return c;
}

QByteArray storeBytes(const QString &path)
{
    QByteArray all;
    for (const QString &suffix : { QString(), QStringLiteral("-wal") }) {
        QFile f(path + suffix);
        if (f.open(QIODevice::ReadOnly))
            all += f.readAll();
    }
    return all;
}

} // namespace

TEST(TeamStoreKey, AnEnrolledAgentReadsWhatTheLeadWroteAndAnotherTeamsKeyNothing)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("team.sqlite"));
    const TeamKey lead = TeamKey::create();
    {
        auto store = store::Store::open(path, lead.bytes());
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        ASSERT_TRUE((*store)->connections().upsert(teamConnection()).ok());
    }
    const QByteArray onDisk = storeBytes(path);
    EXPECT_FALSE(onDisk.contains(teamConnection().connectionId.toLatin1()));
    EXPECT_FALSE(onDisk.contains(lead.bytes().rawView())) << "the key is not in the file";

    // Enrolment: the agent gets the key only through an export.
    auto exported = TeamKeyWrapper::wrapWithPassphrase(
        lead, crypto::SecureBytes(QByteArrayView("team passphrase")),
        { QStringLiteral("Desk"), QStringLiteral("lead") }, test::cheapScrypt());
    ASSERT_TRUE(exported.ok());
    auto agent = TeamKeyWrapper::unwrap(exported.value(),
                                        crypto::SecureBytes(QByteArrayView("team passphrase")));
    ASSERT_TRUE(agent.ok()) << agent.error().message.toStdString();
    {
        auto store = store::Store::open(path, agent->bytes());
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        EXPECT_TRUE((*store)->connections().contains(teamConnection().connectionId))
            << "the blind index computed from the agent's key finds the lead's row";
        auto read = (*store)->connections().get(teamConnection().connectionId);
        ASSERT_TRUE(read.ok()) << read.error().message.toStdString();
        EXPECT_EQ(read->aeroPassUserUuid, teamConnection().aeroPassUserUuid);
    }

    // Another team's key: refused before anything is read or written.
    const QByteArray before = storeBytes(path);
    auto wrong = store::Store::open(path, TeamKey::create().bytes());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().kind, store::StoreError::Kind::WrongKey);
    EXPECT_EQ(QCryptographicHash::hash(storeBytes(path), QCryptographicHash::Sha256),
              QCryptographicHash::hash(before, QCryptographicHash::Sha256));
}
