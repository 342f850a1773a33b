// Settings → Store on real widgets (inside the real SettingsPanel), the real keychain and a real
// PostgreSQL 15 (tests/support/PgServer): the form is filled as a user would, "Test connection"
// opens the team store off the UI thread and reports the team key id, a bad CA gets its own
// error, and Apply puts the password in the environment's keychain profile — never in the
// settings file.
#include "ui/settings/TeamStoreForm.h"

#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/session/TeamStoreSettings.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Clock.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/settings/SettingsPanel.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

class TeamStoreFormTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        std::optional<bool> saved;
        teamKeychain.saveTeamKey(teamKey, [&](auto r) { saved = r.ok(); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        session = std::make_unique<session::Session>(clock, settings.get());
        panel = std::make_unique<ui::SettingsPanel>(*session, settings.get());
        panel->resize(1100, 900);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        // A custom sandbox of its own: its keychain profile is unique to this test.
        ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("addProfileButton")));
        const auto p = panel->profiles().find(panel->currentProfileId());
        ASSERT_TRUE(p.has_value());
        profileId = p->id;
        keychainProfile = p->keychainProfile;
        form = panel->teamStoreForm();
        ASSERT_NE(form, nullptr);
        ASSERT_EQ(form->profileId(), profileId);
    }
    void TearDown() override
    {
        panel.reset();
        keychain::Keychain kc(keychainProfile);
        bool removed = false;
        kc.remove(QString::fromLatin1(keychain::entries::kTeamStorePassword),
                  [&](const keychain::KeychainError &) { removed = true; });
        waitUntil([&] { return removed; }, 10000);
        bool gone = false;
        teamKeychain.removeTeamKey([&](auto) { gone = true; });
        waitUntil([&] { return gone; }, 10000);
    }

    void type(const char *name, const QString &text)
    {
        ASSERT_TRUE(test::typeInto(panel.get(), QLatin1String(name), text)) << name;
    }
    /// Fills the form for the test database, as a user types it.
    void fillForTestServer(const QString &caFile)
    {
        auto *team =
            test::findNamed<QRadioButton>(panel.get(), QStringLiteral("teamStorePostgres"));
        ASSERT_NE(team, nullptr);
        QTest::mouseClick(team, Qt::LeftButton, {}, QPoint(8, team->height() / 2));
        ASSERT_TRUE(team->isChecked());
        type("teamStoreHost", where.target().host());
        auto *port = test::findNamed<QSpinBox>(panel.get(), QStringLiteral("teamStorePort"));
        ASSERT_NE(port, nullptr);
        port->selectAll();
        QTest::keyClicks(port, QString::number(where.target().port()));
        ASSERT_EQ(port->value(), where.target().port());
        type("teamStoreDatabase", where.target().database());
        type("teamStoreUser", where.target().user());
        auto *mode = test::findNamed<QComboBox>(panel.get(), QStringLiteral("teamStoreSslMode"));
        ASSERT_NE(mode, nullptr);
        EXPECT_EQ(mode->currentText(), QStringLiteral("verify-full")) << "the default mode";
        type("teamStoreCaFile", caFile);
        type("teamStoreTeam", teamName);
        type("teamStorePassword", where.password().toUtf8String());
    }
    std::pair<bool, QString> testConnection()
    {
        QSignalSpy tested(form, &ui::TeamStoreForm::tested);
        EXPECT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamStoreTestButton")));
        EXPECT_TRUE(waitUntil([&] { return tested.count() == 1; }, 30000));
        if (tested.count() != 1)
            return { false, QString() };
        return { tested.at(0).at(0).toBool(), tested.at(0).at(1).toString() };
    }
    QString readPassword()
    {
        keychain::Keychain kc(keychainProfile);
        std::optional<QString> out;
        kc.read(QString::fromLatin1(keychain::entries::kTeamStorePassword),
                [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
                    out = e.ok() ? v.toUtf8String() : QString();
                });
        waitUntil([&] { return out.has_value(); }, 20000);
        return out.value_or(QString());
    }

    test::StoreBackend where { test::Backend::Postgres };
    const QString teamName =
        QStringLiteral("form-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    team::TeamKeychain teamKeychain { teamName };
    const team::TeamKey teamKey = team::TeamKey::create();
    SystemClock clock;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<session::Session> session;
    std::unique_ptr<ui::SettingsPanel> panel;
    ui::TeamStoreForm *form = nullptr;
    QString profileId;
    QString keychainProfile;
};

} // namespace

TEST_F(TeamStoreFormTest, TestConnectionReportsTheKeyIdAndApplyKeepsThePasswordInTheKeychain)
{
    auto *local = test::findNamed<QRadioButton>(panel.get(), QStringLiteral("teamStoreLocal"));
    ASSERT_NE(local, nullptr);
    EXPECT_TRUE(local->isChecked()) << "the local store is the default";
    fillForTestServer(where.target().caFile());
    const QString password = where.password().toUtf8String();

    const auto [ok, message] = testConnection();
    EXPECT_TRUE(ok) << message.toStdString();
    EXPECT_TRUE(message.contains(teamKey.keyId())) << message.toStdString();
    EXPECT_TRUE(
        test::labelText(panel.get(), QStringLiteral("teamStoreNotice")).contains(teamKey.keyId()));
    EXPECT_EQ(readPassword(), QString()) << "Test connection saves nothing";

    QSignalSpy applied(panel.get(), &ui::SettingsPanel::teamStoreApplied);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamStoreApplyButton")));
    ASSERT_TRUE(waitUntil([&] { return applied.count() == 1; }, 20000));
    EXPECT_EQ(applied.at(0).at(0).toString(), profileId);
    EXPECT_EQ(readPassword(), password) << "the password is in the environment's keychain profile";
    EXPECT_TRUE(test::findNamed<QLineEdit>(panel.get(), QStringLiteral("teamStorePassword"))
                    ->text()
                    .isEmpty());
    EXPECT_TRUE(waitUntil(
        [&] {
            return test::labelText(panel.get(), QStringLiteral("teamStorePasswordStatus")) ==
                ui::TeamStoreForm::tr("saved ✓");
        },
        20000));

    const session::TeamStoreChoice saved = session::TeamStoreSettings(*settings).read(profileId);
    EXPECT_TRUE(saved.teamStore);
    EXPECT_EQ(saved.host, where.target().host());
    EXPECT_EQ(saved.port, where.target().port());
    EXPECT_EQ(saved.database, where.target().database());
    EXPECT_EQ(saved.user, where.target().user());
    EXPECT_EQ(saved.caFile, where.target().caFile());
    EXPECT_EQ(saved.team, teamName);
    settings->sync();
    QFile ini(dir.filePath(QStringLiteral("settings.ini")));
    ASSERT_TRUE(ini.open(QIODevice::ReadOnly));
    const QByteArray bytes = ini.readAll();
    EXPECT_TRUE(bytes.contains(where.target().database().toUtf8())) << "the file is the one";
    EXPECT_FALSE(bytes.contains(password.toUtf8())) << "the password is in the settings file";
    EXPECT_FALSE(bytes.toLower().contains("password"));

    // Showing the profile again reads the saved choice back into the form, never the password.
    panel->selectProfile(QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    EXPECT_TRUE(local->isChecked());
    panel->selectProfile(profileId);
    EXPECT_TRUE(test::findNamed<QRadioButton>(panel.get(), QStringLiteral("teamStorePostgres"))
                    ->isChecked());
    EXPECT_EQ(test::findNamed<QLineEdit>(panel.get(), QStringLiteral("teamStoreHost"))->text(),
              where.target().host());
    EXPECT_TRUE(test::findNamed<QLineEdit>(panel.get(), QStringLiteral("teamStorePassword"))
                    ->text()
                    .isEmpty());
}

TEST_F(TeamStoreFormTest, ABadCaFileGetsItsOwnErrorAndAnotherCaFailsTheConnection)
{
    const QString notPem = dir.filePath(QStringLiteral("not-a-cert.pem"));
    {
        QFile f(notPem);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("this is not a certificate\n");
    }
    fillForTestServer(notPem);
    auto [ok, message] = testConnection();
    EXPECT_FALSE(ok);
    EXPECT_TRUE(message.contains(QStringLiteral("holds no PEM certificate")))
        << message.toStdString();
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("teamStoreNotice")).contains(message));

    // A real certificate of another CA: the server is not verified and nothing opens.
    const QString otherCa = dir.filePath(QStringLiteral("other-ca.crt"));
    ASSERT_EQ(QProcess::execute(QStringLiteral("openssl"),
                                { QStringLiteral("req"), QStringLiteral("-x509"),
                                  QStringLiteral("-newkey"), QStringLiteral("ec"),
                                  QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:prime256v1"),
                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                                  dir.filePath(QStringLiteral("other.key")), QStringLiteral("-out"),
                                  otherCa, QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                                  QStringLiteral("-days"), QStringLiteral("1") }),
              0);
    auto *ca = test::findNamed<QLineEdit>(panel.get(), QStringLiteral("teamStoreCaFile"));
    ca->clear();
    type("teamStoreCaFile", otherCa);
    std::tie(ok, message) = testConnection();
    EXPECT_FALSE(ok);
    EXPECT_TRUE(message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive))
        << message.toStdString();
    EXPECT_FALSE(message.contains(where.password().toUtf8String()));

    // A mode that does not verify the server shows its warning.
    auto *mode = test::findNamed<QComboBox>(panel.get(), QStringLiteral("teamStoreSslMode"));
    mode->setCurrentText(QStringLiteral("require"));
    EXPECT_FALSE(test::labelText(panel.get(), QStringLiteral("teamStoreTlsWarning")).isEmpty());
    mode->setCurrentText(QStringLiteral("verify-full"));
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("teamStoreTlsWarning")).isEmpty());

    // Apply refuses an unusable form and writes nothing.
    ca->clear();
    type("teamStoreCaFile", notPem);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamStoreApplyButton")));
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("teamStoreNotice"))
                    .contains(QStringLiteral("holds no PEM certificate")));
    EXPECT_FALSE(session::TeamStoreSettings(*settings).read(profileId).teamStore);
    EXPECT_EQ(readPassword(), QString());
}

TEST_F(TeamStoreFormTest, EveryControlOfTheStoreSectionHasAnAccessibleName)
{
    EXPECT_GE(test::expectAccessibleNames(form, test::AccessibleCheck::AllControls, true), 14);
}
