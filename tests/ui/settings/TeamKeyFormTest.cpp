// Settings → Team key on real widgets (inside the real SettingsPanel) and the real keychain
// (Secret Service on a private D-Bus session): an agent creates an enrolment key and sees its
// public half, the lead creates the team key and exports it for that enrolment key or under a
// passphrase, and the import dialog puts the very same key back into a keychain that had lost
// it — with each bad input answered and nothing written.
#include "ui/settings/TeamKeyForm.h"

#include "core/session/Session.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Clock.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/settings/SettingsPanel.h"
#include "ui/settings/TeamKeyExportDialog.h"
#include "ui/settings/TeamKeyImportDialog.h"

#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

const QString kPassphrase = QStringLiteral("correct horse battery staple");

class TeamKeyFormTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        session = std::make_unique<session::Session>(clock, settings.get());
        panel = std::make_unique<ui::SettingsPanel>(*session, settings.get());
        panel->resize(1100, 900);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        form = panel->teamKeyForm();
        ASSERT_NE(form, nullptr);
    }
    void TearDown() override
    {
        panel.reset();
        team::TeamKeychain keychain(teamName);
        int pending = 2;
        keychain.removeTeamKey([&](auto) { --pending; });
        keychain.removeEnrolmentKey([&](auto) { --pending; });
        waitUntil([&] { return pending == 0; }, 10000);
    }

    /// The team key the keychain holds for the team: its id, "missing", or the error's kind.
    QString keychainKeyId()
    {
        team::TeamKeychain keychain(teamName);
        std::optional<QString> id;
        keychain.readTeamKey([&](Result<team::TeamKey, team::TeamError> key) {
            id = key ? key->keyId() : team::TeamError::kindName(key.error().kind);
        });
        EXPECT_TRUE(waitUntil([&] { return id.has_value(); }, 20000));
        return id.value_or(QString());
    }
    void removeTeamKey()
    {
        team::TeamKeychain keychain(teamName);
        bool done = false;
        keychain.removeTeamKey([&](auto) { done = true; });
        ASSERT_TRUE(waitUntil([&] { return done; }, 10000));
    }
    /// Types the team into the form and presses Show, as a user would.
    void showTeam()
    {
        QSignalSpy refreshed(form, &ui::TeamKeyForm::refreshed);
        ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("teamKeyTeam"), teamName));
        ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyRefresh")));
        ASSERT_TRUE(waitUntil([&] { return refreshed.count() >= 1; }, 20000));
    }
    void waitRefreshed(QSignalSpy &spy, int count)
    {
        ASSERT_TRUE(waitUntil([&] { return spy.count() >= count; }, 20000));
    }
    QString notice(const QObject *root, const char *name)
    {
        auto *line = test::findNamed<ui::NoticeLine>(root, QLatin1String(name));
        return line ? line->message() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    }
    bool enabled(const QObject *root, const char *name)
    {
        auto *w = test::findNamed<QWidget>(root, QLatin1String(name));
        return w && w->isEnabled();
    }
    ui::TeamKeyExportDialog *openExport()
    {
        EXPECT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyExport")));
        auto *dialog = form->exportDialog();
        EXPECT_NE(dialog, nullptr);
        if (dialog) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }
    ui::TeamKeyImportDialog *openImport()
    {
        EXPECT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyImport")));
        auto *dialog = form->importDialog();
        EXPECT_NE(dialog, nullptr);
        if (dialog) {
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        }
        return dialog;
    }
    /// Clicks Import and waits for its end: ok and the message shown.
    std::pair<bool, QString> runImport(ui::TeamKeyImportDialog *dialog)
    {
        QSignalSpy done(dialog, &ui::TeamKeyImportDialog::finishedImport);
        EXPECT_TRUE(test::clickNamed(dialog, QStringLiteral("importRun")));
        EXPECT_TRUE(waitUntil([&] { return done.count() == 1; }, 60000));
        if (done.count() != 1)
            return { false, QString() };
        return { done.at(0).at(0).toBool(), done.at(0).at(1).toString() };
    }
    std::pair<bool, QString> runExport(ui::TeamKeyExportDialog *dialog)
    {
        QSignalSpy done(dialog, &ui::TeamKeyExportDialog::exported);
        EXPECT_TRUE(test::clickNamed(dialog, QStringLiteral("exportRun")));
        EXPECT_TRUE(waitUntil([&] { return done.count() == 1; }, 60000));
        if (done.count() != 1)
            return { false, QString() };
        return { done.at(0).at(0).toBool(), done.at(0).at(1).toString() };
    }

    const QString teamName =
        QStringLiteral("key-form-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    SystemClock clock;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<session::Session> session;
    std::unique_ptr<ui::SettingsPanel> panel;
    ui::TeamKeyForm *form = nullptr;
};

} // namespace

TEST_F(TeamKeyFormTest, AnAgentEnrolsTheLeadExportsForItAndTheImportBringsBackTheSameKey)
{
    showTeam();
    EXPECT_TRUE(form->heldTeamKeyId().isEmpty());
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("teamKeyStatus")).contains(teamName));
    EXPECT_FALSE(enabled(panel.get(), "teamKeyExport")) << "no key to export yet";
    EXPECT_FALSE(enabled(panel.get(), "enrolmentKeyCopy"));

    // The agent's enrolment key: its public half is shown, parses, and names the held key.
    QSignalSpy created(form, &ui::TeamKeyForm::created);
    QSignalSpy refreshed(form, &ui::TeamKeyForm::refreshed);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("enrolmentKeyCreate")));
    ASSERT_TRUE(waitUntil([&] { return created.count() == 1; }, 20000));
    EXPECT_TRUE(created.at(0).at(0).toBool()) << created.at(0).at(1).toString().toStdString();
    waitRefreshed(refreshed, 1);
    const QString enrolmentId = form->heldEnrolmentKeyId();
    ASSERT_TRUE(enrolmentId.startsWith(QLatin1String("ek1-"))) << enrolmentId.toStdString();
    auto *publicText =
        test::findNamed<QPlainTextEdit>(panel.get(), QStringLiteral("enrolmentPublicKeyText"));
    ASSERT_NE(publicText, nullptr);
    EXPECT_TRUE(publicText->isVisible());
    const QString publicKey = publicText->toPlainText();
    auto parsed = team::EnrolmentPublicKey::parse(publicKey.toUtf8());
    ASSERT_TRUE(parsed.ok()) << parsed.error().message.toStdString();
    EXPECT_EQ(parsed->keyId(), enrolmentId);
    EXPECT_TRUE(
        test::labelText(panel.get(), QStringLiteral("enrolmentKeyStatus")).contains(enrolmentId));
    EXPECT_FALSE(enabled(panel.get(), "enrolmentKeyCreate")) << "one enrolment key per team";

    // The lead's team key, created once: the button is gone once it is held.
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyCreate")));
    ASSERT_TRUE(waitUntil([&] { return created.count() == 2; }, 20000));
    EXPECT_TRUE(created.at(1).at(0).toBool()) << created.at(1).at(1).toString().toStdString();
    waitRefreshed(refreshed, 2);
    const QString keyId = form->heldTeamKeyId();
    ASSERT_TRUE(keyId.startsWith(QLatin1String("tk1-"))) << keyId.toStdString();
    EXPECT_EQ(keychainKeyId(), keyId);
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("teamKeyStatus")).contains(keyId));
    EXPECT_FALSE(enabled(panel.get(), "teamKeyCreate")) << "a team key is never replaced";

    // Exported for the agent's enrolment key, pasted as the agent sent it.
    auto *exportDialog = openExport();
    ASSERT_NE(exportDialog, nullptr);
    EXPECT_FALSE(enabled(exportDialog, "exportRun")) << "nothing to wrap for yet";
    auto *agentKey =
        test::findNamed<QPlainTextEdit>(exportDialog, QStringLiteral("exportAgentKey"));
    ASSERT_NE(agentKey, nullptr);
    agentKey->setPlainText(QStringLiteral("not an enrolment key"));
    EXPECT_FALSE(enabled(exportDialog, "exportRun"));
    EXPECT_FALSE(test::labelText(exportDialog, QStringLiteral("exportAgentKeyInfo")).isEmpty())
        << "a pasted text that is no enrolment key says so";
    agentKey->setPlainText(publicKey);
    EXPECT_TRUE(
        test::labelText(exportDialog, QStringLiteral("exportAgentKeyInfo")).contains(enrolmentId));
    const auto [exportedOk, exportMessage] = runExport(exportDialog);
    ASSERT_TRUE(exportedOk) << exportMessage.toStdString();
    const QString exported = exportDialog->exportedText();
    auto wrapped = team::TeamKeyExport::parse(exported.toUtf8());
    ASSERT_TRUE(wrapped.ok()) << wrapped.error().message.toStdString();
    EXPECT_EQ(wrapped->header.keyId, keyId);
    EXPECT_EQ(wrapped->header.team, teamName);
    EXPECT_EQ(wrapped->header.recipientKeyId, enrolmentId);
    EXPECT_TRUE(enabled(exportDialog, "exportCopy"));
    exportDialog->close();

    // The agent's console has no team key yet: the import brings the same key in.
    removeTeamKey();
    ASSERT_EQ(keychainKeyId(), QStringLiteral("missing"));
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyRefresh")));
    waitRefreshed(refreshed, 3);
    EXPECT_TRUE(form->heldTeamKeyId().isEmpty());
    auto *importDialog = openImport();
    ASSERT_NE(importDialog, nullptr);
    importDialog->setExportText(exported);
    const QString header = test::labelText(importDialog, QStringLiteral("importHeader"));
    EXPECT_TRUE(header.contains(keyId) && header.contains(enrolmentId)) << header.toStdString();
    EXPECT_FALSE(enabled(importDialog, "importPassphrase")) << "no passphrase for this kind";
    QSignalSpy imported(importDialog, &ui::TeamKeyImportDialog::imported);
    const auto [importedOk, importMessage] = runImport(importDialog);
    ASSERT_TRUE(importedOk) << importMessage.toStdString();
    ASSERT_EQ(imported.count(), 1);
    EXPECT_EQ(imported.at(0).at(0).toString(), teamName);
    EXPECT_EQ(imported.at(0).at(1).toString(), keyId);
    EXPECT_EQ(keychainKeyId(), keyId) << "the very key the lead created";
    waitRefreshed(refreshed, 4);
    EXPECT_EQ(form->heldTeamKeyId(), keyId) << "the form shows the imported key";

    // Importing it again changes nothing and says so.
    const auto [againOk, againMessage] = runImport(importDialog);
    EXPECT_TRUE(againOk) << againMessage.toStdString();
    EXPECT_TRUE(againMessage.contains(keyId));
    EXPECT_EQ(keychainKeyId(), keyId);
}

TEST_F(TeamKeyFormTest, APassphraseExportIsCheckedTwiceAndOnlyTheRightPassphraseImportsIt)
{
    const team::TeamKey key = team::TeamKey::create();
    {
        team::TeamKeychain keychain(teamName);
        std::optional<bool> saved;
        keychain.saveTeamKey(key, [&](auto r) { saved = r.ok(); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
    }
    showTeam();
    ASSERT_EQ(form->heldTeamKeyId(), key.keyId());

    auto *dialog = openExport();
    ASSERT_NE(dialog, nullptr);
    auto *underPassphrase =
        test::findNamed<QRadioButton>(dialog, QStringLiteral("exportUnderPassphrase"));
    ASSERT_NE(underPassphrase, nullptr);
    QTest::mouseClick(underPassphrase, Qt::LeftButton, {},
                      QPoint(8, underPassphrase->height() / 2));
    ASSERT_TRUE(underPassphrase->isChecked());
    EXPECT_FALSE(enabled(dialog, "exportAgentKey"));
    // Two different passphrases: Export stays off.
    ASSERT_TRUE(test::typeInto(dialog, QStringLiteral("exportPassphrase"), kPassphrase));
    ASSERT_TRUE(test::typeInto(dialog, QStringLiteral("exportPassphraseAgain"),
                               kPassphrase + QLatin1Char('!')));
    EXPECT_FALSE(enabled(dialog, "exportRun")) << "the two fields differ";
    // A short one, twice: refused with its reason, nothing exported.
    ASSERT_TRUE(
        test::typeInto(dialog, QStringLiteral("exportPassphrase"), QStringLiteral("short")));
    ASSERT_TRUE(
        test::typeInto(dialog, QStringLiteral("exportPassphraseAgain"), QStringLiteral("short")));
    ASSERT_TRUE(test::clickNamed(dialog, QStringLiteral("exportRun")));
    EXPECT_TRUE(notice(dialog, "exportNotice").contains(QLatin1String("12")))
        << notice(dialog, "exportNotice").toStdString();
    EXPECT_TRUE(dialog->exportedText().isEmpty());
    // The real one: exported, and the fields no longer hold it.
    ASSERT_TRUE(test::typeInto(dialog, QStringLiteral("exportPassphrase"), kPassphrase));
    ASSERT_TRUE(test::typeInto(dialog, QStringLiteral("exportPassphraseAgain"), kPassphrase));
    const auto [ok, message] = runExport(dialog);
    ASSERT_TRUE(ok) << message.toStdString();
    const QString exported = dialog->exportedText();
    auto wrapped = team::TeamKeyExport::parse(exported.toUtf8());
    ASSERT_TRUE(wrapped.ok());
    EXPECT_EQ(wrapped->header.kind, team::ExportHeader::Kind::Passphrase);
    EXPECT_EQ(wrapped->header.keyId, key.keyId());
    EXPECT_TRUE(
        test::findNamed<QLineEdit>(dialog, QStringLiteral("exportPassphrase"))->text().isEmpty());
    EXPECT_FALSE(exported.contains(kPassphrase));
    dialog->close();

    removeTeamKey();
    auto *importDialog = openImport();
    ASSERT_NE(importDialog, nullptr);
    // Not an export: said at once, Import off.
    importDialog->setExportText(QStringLiteral("hello there"));
    EXPECT_FALSE(test::labelText(importDialog, QStringLiteral("importHeader")).isEmpty());
    EXPECT_FALSE(enabled(importDialog, "importRun"));
    // A cut-short export: its own answer, Import off.
    importDialog->setExportText(exported.left(exported.size() - 40));
    EXPECT_FALSE(test::labelText(importDialog, QStringLiteral("importHeader")).isEmpty());
    EXPECT_FALSE(enabled(importDialog, "importRun"));
    // The export: the passphrase is asked for.
    importDialog->setExportText(exported);
    EXPECT_TRUE(
        test::labelText(importDialog, QStringLiteral("importHeader")).contains(key.keyId()));
    EXPECT_TRUE(enabled(importDialog, "importPassphrase"));
    EXPECT_FALSE(enabled(importDialog, "importRun")) << "no passphrase typed yet";
    ASSERT_TRUE(test::typeInto(importDialog, QStringLiteral("importPassphrase"),
                               QStringLiteral("a wrong passphrase")));
    const auto [wrongOk, wrongMessage] = runImport(importDialog);
    EXPECT_FALSE(wrongOk);
    EXPECT_EQ(wrongMessage, team::TeamKeyWrapper::couldNotUnwrap().message);
    EXPECT_EQ(keychainKeyId(), QStringLiteral("missing")) << "a failed import writes nothing";
    ASSERT_TRUE(test::typeInto(importDialog, QStringLiteral("importPassphrase"), kPassphrase));
    const auto [rightOk, rightMessage] = runImport(importDialog);
    ASSERT_TRUE(rightOk) << rightMessage.toStdString();
    EXPECT_EQ(keychainKeyId(), key.keyId());
    EXPECT_TRUE(test::findNamed<QLineEdit>(importDialog, QStringLiteral("importPassphrase"))
                    ->text()
                    .isEmpty());

    // Nothing of it in the settings file.
    settings->sync();
    QFile ini(dir.filePath(QStringLiteral("settings.ini")));
    if (ini.open(QIODevice::ReadOnly)) {
        const QByteArray bytes = ini.readAll();
        EXPECT_FALSE(bytes.contains(kPassphrase.toUtf8()));
        EXPECT_FALSE(bytes.contains(exported.toUtf8().mid(60, 40)));
    }
}

TEST_F(TeamKeyFormTest, EveryControlHasAnAccessibleName)
{
    showTeam();
    EXPECT_GE(test::expectAccessibleNames(form), 8);
    auto *importDialog = openImport();
    ASSERT_NE(importDialog, nullptr);
    EXPECT_GE(test::expectAccessibleNames(importDialog, test::AccessibleCheck::OwnControlsOnly), 3);
}
