// `aerodesk-cli connections` on a team store (docs/team.md, docs/cli.md): the built binary, a real
// PostgreSQL 15 and the real keychain. The store is found through a --store postgresql:// URL and
// through the environment's choice in the console's settings; another team's key lists nothing.
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/EnvironmentProfiles.h"
#include "core/session/TeamStoreSettings.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/Store.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"
#include "tests/app/CliRunner.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using aerodesk::test::cli;
using aerodesk::test::CliRun;
using aerodesk::test::errorField;
using aerodesk::test::waitUntil;

namespace {

class CliTeamStore : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        for (auto *kc : { &lead, &other }) {
            std::optional<bool> saved;
            kc->saveTeamKey(kc == &lead ? leadKey : otherKey, [&](auto r) { saved = r.ok(); });
            ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
        }
        std::optional<bool> written;
        envKeychain.write(QString::fromLatin1(keychain::entries::kTeamStorePassword),
                          where.password(),
                          [&](const keychain::KeychainError &e) { written = e.ok(); });
        ASSERT_TRUE(waitUntil([&] { return written.has_value(); }, 20000) && *written);
        // The lead's console made the store with the team key and tracked one connection.
        auto store = store::Store::open(where.target().withTeam(lead.team()), leadKey.bytes(), {},
                                        where.password(), leadKey.keyId());
        ASSERT_TRUE(store.ok()) << store.error().message.toStdString();
        connections::Connection c;
        c.connectionId = QStringLiteral("7ea3c0de000000000000000000000042");
        c.bankName = QStringLiteral("Aerosync Bank (team)");
        c.status = QStringLiteral("CONNECTED");
        ASSERT_TRUE((*store)->connections().upsert(c).ok());
    }
    void TearDown() override
    {
        for (auto *kc : { &lead, &other }) {
            bool gone = false;
            kc->removeTeamKey([&](auto) { gone = true; });
            waitUntil([&] { return gone; }, 10000);
        }
        bool removed = false;
        envKeychain.remove(QString::fromLatin1(keychain::entries::kTeamStorePassword),
                           [&](const keychain::KeychainError &) { removed = true; });
        waitUntil([&] { return removed; }, 10000);
    }

    QString url(const QString &team) const
    {
        const store::StoreTarget &t = where.target();
        QUrl u;
        u.setScheme(QStringLiteral("postgresql"));
        u.setUserName(t.user());
        u.setHost(t.host());
        u.setPort(t.port());
        u.setPath(QLatin1Char('/') + t.database());
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("sslmode"), QStringLiteral("verify-full"));
        q.addQueryItem(QStringLiteral("sslrootcert"), t.caFile());
        q.addQueryItem(QStringLiteral("team"), team);
        u.setQuery(q);
        return u.toString();
    }
    QStringList connectionsArgs(const QStringList &extra) const
    {
        return QStringList { QStringLiteral("--compact"), QStringLiteral("--profile"), envProfile,
                             QStringLiteral("connections") } +
            extra;
    }

    test::StoreBackend where { test::Backend::Postgres };
    const QString envProfile =
        QStringLiteral("cli-team-env-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    keychain::Keychain envKeychain { envProfile };
    team::TeamKeychain lead { QStringLiteral("cli-lead-") +
                              QUuid::createUuid().toString(QUuid::WithoutBraces) };
    team::TeamKeychain other { QStringLiteral("cli-other-") +
                               QUuid::createUuid().toString(QUuid::WithoutBraces) };
    const team::TeamKey leadKey = team::TeamKey::create();
    const team::TeamKey otherKey = team::TeamKey::create();
};

} // namespace

TEST_F(CliTeamStore, ListsATeamStoreFromAUrlAndFromTheEnvironmentsSettings)
{
    const CliRun byUrl = cli(connectionsArgs({ QStringLiteral("--store"), url(lead.team()) }));
    ASSERT_EQ(byUrl.exitCode, 0) << byUrl.out.toStdString() << byUrl.err.toStdString();
    EXPECT_EQ(byUrl.json.value(QLatin1String("total")).toInt(), 1);
    const QJsonObject row =
        byUrl.json.value(QLatin1String("connections")).toArray().at(0).toObject();
    EXPECT_EQ(row.value(QLatin1String("bankName")).toString(),
              QStringLiteral("Aerosync Bank (team)"));
    EXPECT_FALSE(byUrl.out.contains("7ea3c0de000000000000000000000042")) << "ids stay masked";
    EXPECT_TRUE(byUrl.json.value(QLatin1String("store"))
                    .toString()
                    .startsWith(QStringLiteral("postgresql://")));

    // Without --store: the team store Settings chose for the environment of --profile (the
    // console's QSettings, here in a private XDG_CONFIG_HOME).
    QTemporaryDir config;
    {
        QSettings settings(config.filePath(QStringLiteral("AeroDesk/aerodesk.conf")),
                           QSettings::IniFormat);
        session::EnvironmentProfiles profiles(settings);
        session::EnvironmentProfile p =
            profiles.addCustom(QStringLiteral("Desk"), QUrl(QStringLiteral("https://127.0.0.1:9")));
        p.keychainProfile = envProfile;
        settings.setValue(QStringLiteral("environments/profiles/%1/keychainProfile").arg(p.id),
                          envProfile);
        session::TeamStoreChoice c;
        c.teamStore = true;
        c.host = where.target().host();
        c.port = where.target().port();
        c.database = where.target().database();
        c.user = where.target().user();
        c.caFile = where.target().caFile();
        c.team = lead.team();
        session::TeamStoreSettings(settings).save(p.id, c);
        settings.sync();
        ASSERT_TRUE(profiles.findByKeychainProfile(envProfile).has_value());
    }
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    const CliRun bySettings = cli(connectionsArgs({}), {}, 90000, env);
    ASSERT_EQ(bySettings.exitCode, 0)
        << bySettings.out.toStdString() << bySettings.err.toStdString();
    EXPECT_EQ(bySettings.json.value(QLatin1String("total")).toInt(), 1);
    EXPECT_EQ(bySettings.json.value(QLatin1String("store")).toString(), where.target().describe());
}

TEST_F(CliTeamStore, AnotherTeamsKeyListsNothingAndAPasswordInTheUrlIsRefused)
{
    const QByteArray before = where.rawBytes();
    const CliRun wrong = cli(connectionsArgs({ QStringLiteral("--store"), url(other.team()) }));
    EXPECT_EQ(wrong.exitCode, 3) << wrong.out.toStdString(); // WrongKey: not a keychain problem
    const QString message = errorField(wrong, "message");
    EXPECT_TRUE(message.contains(leadKey.keyId())) << message.toStdString();
    EXPECT_TRUE(message.contains(otherKey.keyId())) << message.toStdString();
    EXPECT_FALSE(wrong.out.contains("Aerosync Bank"));
    EXPECT_EQ(where.rawBytes(), before) << "nothing written";

    const CliRun missing =
        cli(connectionsArgs({ QStringLiteral("--store"),
                              url(QStringLiteral("no-such-team-") +
                                  QUuid::createUuid().toString(QUuid::WithoutBraces)) }));
    EXPECT_EQ(missing.exitCode, 4);
    EXPECT_TRUE(
        errorField(missing, "message").contains(QStringLiteral("aerodesk-cli team import")));

    QString withPassword = url(lead.team());
    withPassword.replace(QStringLiteral("postgresql://") + where.target().user() + QLatin1Char('@'),
                         QStringLiteral("postgresql://") + where.target().user() +
                             QStringLiteral(":hunter2@"));
    const CliRun refused = cli(connectionsArgs({ QStringLiteral("--store"), withPassword }));
    EXPECT_EQ(refused.exitCode, 3);
    EXPECT_TRUE(errorField(refused, "message").contains(QStringLiteral("keychain")));
    EXPECT_FALSE(refused.out.contains("hunter2"));
}

// `team rotate-key` / `team rotation …` on a team store through its URL (CliStore): the
// re-encryption runs against PostgreSQL, partner users and their userCodes included, and the
// old key opens nothing after.
TEST_F(CliTeamStore, RotatesATeamStoreFoundByItsUrl)
{
    const store::StoreTarget target = where.target().withTeam(lead.team());
    const QString scope = QStringLiteral("cli-desk-scope");
    const QString userId = QStringLiteral("pu-cli-Numbat");
    {
        auto s = store::Store::open(target, leadKey.bytes(), {}, where.password());
        ASSERT_TRUE(s.ok()) << s.error().message.toStdString();
        store::PartnerUserRepository partners((*s)->database(), (*s)->cipher(), (*s)->blindIndex());
        ASSERT_TRUE(partners.put(scope, userId, R"({"state":"ACTIVE"})").ok());
        ASSERT_TRUE(partners
                        .saveUserCode(scope, userId,
                                      crypto::SecureBytes::fromUtf8(QStringLiteral("uc-cli-Bilby")))
                        .ok());
    }
    const auto rotation = [&](const QStringList &sub) {
        return cli(QStringList { QStringLiteral("--compact"), QStringLiteral("--profile"),
                                 envProfile, QStringLiteral("team") } +
                   sub +
                   QStringList { QStringLiteral("--team"), lead.team(), QStringLiteral("--store"),
                                 url(lead.team()) });
    };
    const CliRun rotated = rotation({ QStringLiteral("rotate-key") });
    ASSERT_EQ(rotated.exitCode, 0) << rotated.out.toStdString() << rotated.err.toStdString();
    const QString newId = rotated.json.value(QStringLiteral("plan"))
                              .toObject()
                              .value(QStringLiteral("next"))
                              .toObject()
                              .value(QStringLiteral("keyId"))
                              .toString();
    ASSERT_TRUE(newId.startsWith(QStringLiteral("tk1-")));
    EXPECT_TRUE(rotated.json.value(QStringLiteral("store"))
                    .toString()
                    .startsWith(QStringLiteral("postgresql://")));
    const CliRun started = rotation({ QStringLiteral("rotation"), QStringLiteral("start") });
    ASSERT_EQ(started.exitCode, 0) << started.err.toStdString();
    const CliRun resumed = rotation({ QStringLiteral("rotation"), QStringLiteral("resume"),
                                      QStringLiteral("--holder"), QStringLiteral("lead") });
    ASSERT_EQ(resumed.exitCode, 0) << resumed.out.toStdString() << resumed.err.toStdString();
    EXPECT_EQ(resumed.json.value(QStringLiteral("phase")).toString(), QStringLiteral("finished"));
    const CliRun status = rotation({ QStringLiteral("rotation"), QStringLiteral("status") });
    ASSERT_EQ(status.exitCode, 0) << status.err.toStdString();
    const QJsonObject rows = status.json.value(QStringLiteral("rows")).toObject();
    for (const char *table : { "connections", "partner_users" }) {
        const QJsonObject perEpoch = rows.value(QLatin1String(table)).toObject();
        EXPECT_EQ(perEpoch.value(QStringLiteral("2")).toInteger(), 1) << table;
        EXPECT_FALSE(perEpoch.contains(QStringLiteral("1"))) << table;
    }

    // The old key opens nothing; the promoted new key reads the user and its code.
    auto old = store::Store::open(target, leadKey.bytes(), {}, where.password());
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().kind, store::StoreError::Kind::WrongKey);
    std::optional<Result<team::TeamKey, team::TeamError>> current;
    lead.readTeamKey([&current](auto r) { current.emplace(std::move(r)); });
    ASSERT_TRUE(waitUntil([&] { return current.has_value(); }, 20000));
    ASSERT_TRUE(current->ok());
    EXPECT_EQ((*current)->keyId(), newId) << "resume promoted the new key";
    auto fresh = store::Store::open(target, (*current)->bytes(), {}, where.password());
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    store::PartnerUserRepository partners((*fresh)->database(), (*fresh)->cipher(),
                                          (*fresh)->blindIndex());
    auto code = partners.userCode(scope, userId);
    ASSERT_TRUE(code.ok()) << code.error().message.toStdString();
    EXPECT_TRUE(code->view() == QByteArrayView("uc-cli-Bilby"));
    EXPECT_EQ((*fresh)->connections().count(), 1);

    keychain::Keychain raw(team::TeamKeychain::profileFor(lead.team()));
    for (const QString &id : { leadKey.keyId(), newId }) {
        bool removed = false;
        raw.remove(team::TeamKeychain::otherKeyName(id),
                   [&removed](const keychain::KeychainError &) { removed = true; });
        waitUntil([&] { return removed; }, 10000);
    }
}
