// The console re-opens its store on what Settings → Store applied (ConsoleWiring::reopenStore):
// real widgets, the real keychain, a real PostgreSQL 15 and a real store file. Filling the form
// of the built-in sandbox's environment and pressing Apply makes the session's store the team
// store; choosing Local again brings the local file back.
#include "app/console/ConsoleWiring.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeychain.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/settings/SettingsPanel.h"
#include "ui/settings/TeamStoreForm.h"
#include "ui/shell/MainWindow.h"

#include <QLoggingCategory>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

class ConsoleTeamStoreTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.info=false"));
        ASSERT_TRUE(home.isValid());
        qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           home.filePath(QStringLiteral("config")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           home.filePath(QStringLiteral("config")));
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        std::optional<bool> saved;
        teamKeychain.saveTeamKey(teamKey, [&](auto r) { saved = r.ok(); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
    }
    void TearDown() override
    {
        bool gone = false;
        teamKeychain.removeTeamKey([&](auto) { gone = true; });
        waitUntil([&] { return gone; }, 10000);
        keychain::Keychain builtIn(QString::fromLatin1(keychain::entries::kBuiltInProfile));
        bool removed = false;
        builtIn.remove(QString::fromLatin1(keychain::entries::kTeamStorePassword),
                       [&](const keychain::KeychainError &) { removed = true; });
        waitUntil([&] { return removed; }, 10000);
    }

    QTemporaryDir home;
    test::StoreBackend where { test::Backend::Postgres };
    const QString teamName =
        QStringLiteral("console-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    team::TeamKeychain teamKeychain { teamName };
    const team::TeamKey teamKey = team::TeamKey::create();
};

} // namespace

TEST_F(ConsoleTeamStoreTest, ApplyingATeamStoreInSettingsReopensTheConsolesStoreOnIt)
{
    ui::MainWindow window;
    ConsoleWiring wiring(window);
    wiring.installPanels();
    auto *settings = qobject_cast<ui::SettingsPanel *>(window.panel(QStringLiteral("settings")));
    ASSERT_NE(settings, nullptr);
    window.resize(ui::MainWindow::defaultSize());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(window.showPanel(QStringLiteral("settings")));
    ASSERT_EQ(settings->teamStoreForm()->profileId(),
              QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    session::Session &session = wiring.session();
    EXPECT_EQ(session.store(), nullptr) << "nothing opened before start()";

    auto *team = test::findNamed<QRadioButton>(settings, QStringLiteral("teamStorePostgres"));
    ASSERT_NE(team, nullptr);
    team->setChecked(true);
    const store::StoreTarget &t = where.target();
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStoreHost"), t.host()));
    test::findNamed<QSpinBox>(settings, QStringLiteral("teamStorePort"))->setValue(t.port());
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStoreDatabase"), t.database()));
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStoreUser"), t.user()));
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStoreCaFile"), t.caFile()));
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStoreTeam"), teamName));
    ASSERT_TRUE(test::typeInto(settings, QStringLiteral("teamStorePassword"),
                               where.password().toUtf8String()));

    QSignalSpy changed(&session, &session::Session::storeChanged);
    QSignalSpy failed(&session, &session::Session::storeFailed);
    ASSERT_TRUE(test::clickNamed(settings, QStringLiteral("teamStoreApplyButton")));
    ASSERT_TRUE(waitUntil([&] { return !changed.isEmpty() || !failed.isEmpty(); }, 30000));
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).toString().toStdString();
    ASSERT_NE(session.store(), nullptr);
    EXPECT_TRUE(session.store()->target().isPostgres());
    EXPECT_EQ(session.store()->target().database(), t.database());
    EXPECT_EQ(session.store()->target().team(), teamName);
    EXPECT_NE(session.audit(), nullptr) << "the audit trail follows the store";
    EXPECT_EQ(where
                  .rawScalar(QStringLiteral("SELECT convert_from(value, 'UTF8') FROM store_meta "
                                            "WHERE key = 'team_key_id'"))
                  .toString(),
              teamKey.keyId());

    // The same target again (e.g. the environment set once more) is not re-opened.
    wiring.reopenStore();
    QTest::qWait(200);
    EXPECT_EQ(changed.count(), 1);

    // Local again: the console's store is the local file.
    test::findNamed<QRadioButton>(settings, QStringLiteral("teamStoreLocal"))->setChecked(true);
    ASSERT_TRUE(test::clickNamed(settings, QStringLiteral("teamStoreApplyButton")));
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 2 || !failed.isEmpty(); }, 30000));
    ASSERT_TRUE(failed.isEmpty()) << failed.at(0).at(0).toString().toStdString();
    ASSERT_NE(session.store(), nullptr);
    EXPECT_TRUE(session.store()->target().isSqlite());
    EXPECT_EQ(session.store()->target().path(), store::Store::defaultPath());
}
