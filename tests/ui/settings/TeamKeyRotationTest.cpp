// Settings → Team key → Key rotation on real widgets, the real keychain and a real PostgreSQL 15
// (tests/support/PgServer): the lead rotates the team key of the console's open team store —
// propose (the next key into this keychain first), start, re-encrypt in the background, and the
// new key made current — and after it the new key alone reads every row while the old one opens
// nothing. An agent's console, read-only mid-rotation, writes again once it imports the next
// key through the import dialog.
#include "core/session/Session.h"
#include "core/store/ConnectionRepository.h"
#include "core/store/KeyRotation.h"
#include "core/store/RotationControl.h"
#include "core/store/Store.h"
#include "core/team/TeamKey.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Clock.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/settings/KeyRotationBox.h"
#include "ui/settings/SettingsPanel.h"
#include "ui/settings/TeamKeyExportDialog.h"
#include "ui/settings/TeamKeyForm.h"
#include "ui/settings/TeamKeyImportDialog.h"

#include <QDateTime>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

connections::Connection rotationRow(int i)
{
    connections::Connection c;
    c.connectionId = QStringLiteral("40ab%1").arg(i, 28, 16, QLatin1Char('0'));
    c.bankName = QStringLiteral("Rotation Bank %1").arg(i);
    c.status = QStringLiteral("CONNECTED");
    c.connectionExpiry = QDateTime::currentDateTimeUtc().addDays(20 + i % 50);
    return c;
}

class TeamKeyRotationTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        std::optional<bool> saved;
        keychain.saveTeamKey(teamKey, [&](auto r) { saved = r.ok(); });
        ASSERT_TRUE(waitUntil([&] { return saved.has_value(); }, 20000) && *saved);
        target = where.target().withTeam(teamName);
        auto opened =
            store::Store::open(target, teamKey.bytes(), {}, where.password(), teamKey.keyId());
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        db = std::shared_ptr<store::Store>(std::move(opened).value());
        QList<connections::Connection> rows;
        for (int i = 0; i < kRows; ++i)
            rows << rotationRow(i);
        ASSERT_TRUE(db->connections().upsertMany(rows).ok());

        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        session = std::make_unique<session::Session>(clock, settings.get());
        session->setStore(db);
        panel = std::make_unique<ui::SettingsPanel>(*session, settings.get());
        panel->resize(1100, 900);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        form = panel->teamKeyForm();
        ASSERT_NE(form, nullptr);
        QSignalSpy refreshed(form, &ui::TeamKeyForm::refreshed);
        ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("teamKeyTeam"), teamName));
        ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyRefresh")));
        ASSERT_TRUE(waitUntil([&] { return refreshed.count() >= 1; }, 20000));
        box = form->rotationBox();
        ASSERT_NE(box, nullptr);
        ASSERT_NE(box->control(), nullptr) << "the console's open store is this team's";
    }
    void TearDown() override
    {
        panel.reset();
        session.reset();
        db.reset();
        for (const QString &id : { teamKey.keyId(), nextKeyId }) {
            if (id.isEmpty())
                continue;
            bool gone = false;
            keychain::Keychain kc(team::TeamKeychain::profileFor(teamName));
            kc.remove(team::TeamKeychain::otherKeyName(id), [&](auto) { gone = true; });
            waitUntil([&] { return gone; }, 10000);
        }
        bool gone = false;
        keychain.removeTeamKey([&](auto) { gone = true; });
        waitUntil([&] { return gone; }, 10000);
    }

    QString status() { return test::labelText(panel.get(), QStringLiteral("rotationStatus")); }
    bool enabled(const char *name)
    {
        auto *b = test::findNamed<QPushButton>(panel.get(), QLatin1String(name));
        return b && b->isEnabled();
    }
    /// Clicks `button` (answering `confirmation` with Yes when given) and waits for the step.
    std::pair<bool, QString> step(const char *button, const char *confirmation = nullptr,
                                  int timeoutMs = 30000)
    {
        QSignalSpy done(box, &ui::KeyRotationBox::stepDone);
        EXPECT_TRUE(test::clickNamed(panel.get(), QLatin1String(button)));
        if (confirmation) {
            EXPECT_FALSE(
                test::answerMessageBox(panel.get(), QLatin1String(confirmation), QMessageBox::Yes)
                    .isEmpty());
        }
        EXPECT_TRUE(waitUntil([&] { return done.count() >= 1; }, timeoutMs)) << button;
        if (done.isEmpty())
            return { false, QString() };
        return { done.at(0).at(0).toBool(), done.at(0).at(1).toString() };
    }
    Result<team::TeamKey, team::TeamError> held(const QString &keyId)
    {
        std::optional<Result<team::TeamKey, team::TeamError>> out;
        keychain.readKeyById(keyId, [&](auto r) { out.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        if (!out)
            return team::TeamError::make(team::TeamError::Kind::Internal,
                                         QStringLiteral("timeout"));
        return std::move(*out);
    }

    static constexpr int kRows = 300;
    test::StoreBackend where { test::Backend::Postgres };
    const QString teamName =
        QStringLiteral("rotation-team-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    team::TeamKeychain keychain { teamName };
    const team::TeamKey teamKey = team::TeamKey::create();
    QString nextKeyId;
    store::StoreTarget target;
    std::shared_ptr<store::Store> db;
    SystemClock clock;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<session::Session> session;
    std::unique_ptr<ui::SettingsPanel> panel;
    ui::TeamKeyForm *form = nullptr;
    ui::KeyRotationBox *box = nullptr;
};

} // namespace

TEST_F(TeamKeyRotationTest, TheLeadRotatesTheKeyInTheConsoleAndOnlyTheNewKeyOpensTheStoreAfter)
{
    EXPECT_TRUE(status().contains(teamKey.keyId())) << status().toStdString();
    EXPECT_TRUE(enabled("rotationPropose"));
    EXPECT_FALSE(enabled("rotationStart")) << "nothing proposed yet";
    EXPECT_FALSE(enabled("rotationResume"));

    // Propose: the next key is in this keychain first, then named by the store.
    const auto [proposed, proposeMessage] = step("rotationPropose", "rotationProposeConfirm");
    ASSERT_TRUE(proposed) << proposeMessage.toStdString();
    nextKeyId = box->control()->plan().next().keyId;
    ASSERT_TRUE(team::TeamKey::isKeyId(nextKeyId));
    EXPECT_NE(nextKeyId, teamKey.keyId());
    EXPECT_TRUE(status().contains(nextKeyId)) << status().toStdString();
    auto next = held(nextKeyId);
    ASSERT_TRUE(next.ok()) << "the next key is in the keychain: "
                           << next.error().message.toStdString();
    EXPECT_TRUE(enabled("rotationStart"));
    EXPECT_TRUE(enabled("rotationAbort"));
    EXPECT_FALSE(enabled("rotationPropose")) << "one rotation at a time";

    // The next key can be exported for the agents from here.
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("rotationExportNext")));
    ASSERT_NE(form->exportDialog(), nullptr);
    EXPECT_TRUE(form->exportDialog()->windowTitle().contains(nextKeyId));
    form->exportDialog()->close();

    // Start: writes move to the next epoch; this console holds its key, so it still writes.
    const auto [started, startMessage] = step("rotationStart", "rotationStartConfirm");
    ASSERT_TRUE(started) << startMessage.toStdString();
    EXPECT_EQ(box->control()->plan().phase(), team::RotationPlan::Phase::ReEncrypting);
    EXPECT_TRUE(db->writable()) << "the lead's console took the next key";
    EXPECT_FALSE(enabled("rotationAbort")) << "no way back once rows move";
    ASSERT_TRUE(enabled("rotationResume"));

    // Re-encrypt in the background: the UI thread keeps turning while rows move.
    QSignalSpy progress(box->control(), &store::RotationControl::progress);
    const auto [finished, finishMessage] = step("rotationResume", nullptr, 120000);
    ASSERT_TRUE(finished) << finishMessage.toStdString();
    EXPECT_GE(progress.count(), 1);
    EXPECT_EQ(box->control()->plan().phase(), team::RotationPlan::Phase::Finished);
    EXPECT_TRUE(waitUntil([&] { return status().contains(QStringLiteral("Finished")); }, 10000))
        << status().toStdString();

    // The keychain's current key is the new one; the new key alone opens every row.
    std::optional<QString> current;
    keychain.readTeamKey([&](auto r) { current = r ? r->keyId() : QString(); });
    ASSERT_TRUE(waitUntil([&] { return current.has_value(); }, 20000));
    EXPECT_EQ(*current, nextKeyId);
    auto fresh = store::Store::open(target, next->bytes(), {}, where.password());
    ASSERT_TRUE(fresh.ok()) << fresh.error().message.toStdString();
    EXPECT_EQ((*fresh)->connections().count(), kRows);
    auto one = (*fresh)->connections().get(rotationRow(7).connectionId);
    ASSERT_TRUE(one.ok()) << one.error().message.toStdString();
    EXPECT_EQ(one->bankName, rotationRow(7).bankName);
    auto old = store::Store::open(target, teamKey.bytes(), {}, where.password());
    ASSERT_FALSE(old.ok()) << "the old key opens nothing after the rotation";
    EXPECT_EQ(old.error().kind, store::StoreError::Kind::WrongKey);
}

TEST_F(TeamKeyRotationTest, AnAgentsConsoleWritesAgainOnceItImportsTheNextKey)
{
    // The lead's steps, on the lead's own connection: this console holds only the old key.
    const team::TeamKey nextKey = team::TeamKey::create();
    nextKeyId = nextKey.keyId();
    {
        auto lead = store::Store::open(target, teamKey.bytes(), {}, where.password());
        ASSERT_TRUE(lead.ok());
        ASSERT_TRUE(store::KeyRotation::propose(**lead, nextKey.bytes()).ok());
        ASSERT_TRUE(store::KeyRotation::start(**lead).ok());
    }
    // What the console's live channel does on the lead's announcement.
    ASSERT_TRUE(db->refreshKeys().ok());
    ASSERT_FALSE(db->writable()) << "mid-rotation without the next key: read-only";
    box->control()->refresh();
    ASSERT_TRUE(waitUntil(
        [&] { return box->control()->plan().phase() == team::RotationPlan::Phase::ReEncrypting; },
        20000));
    EXPECT_FALSE(enabled("rotationResume")) << "re-encryption needs the next key";
    EXPECT_TRUE(status().contains(QStringLiteral("import it"))) << status().toStdString();

    // The lead's export of the next key, imported in the dialog: beside the current key.
    auto wrapped = team::TeamKeyWrapper::wrapWithPassphrase(
        nextKey, crypto::SecureBytes(QByteArrayView("next key passphrase")),
        { teamName, QStringLiteral("lead") });
    ASSERT_TRUE(wrapped.ok());
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("teamKeyImport")));
    auto *dialog = form->importDialog();
    ASSERT_NE(dialog, nullptr);
    dialog->setExportText(QString::fromLatin1(wrapped->toArmoured()));
    ASSERT_TRUE(test::typeInto(dialog, QStringLiteral("importPassphrase"),
                               QStringLiteral("next key passphrase")));
    QSignalSpy imported(dialog, &ui::TeamKeyImportDialog::imported);
    ASSERT_TRUE(test::clickNamed(dialog, QStringLiteral("importRun")));
    ASSERT_TRUE(waitUntil([&] { return imported.count() == 1; }, 60000))
        << test::findNamed<ui::NoticeLine>(dialog, QStringLiteral("importNotice"))
               ->message()
               .toStdString();
    EXPECT_TRUE(imported.at(0).at(2).toBool()) << "kept beside the current key";
    auto current = held(teamKey.keyId());
    ASSERT_TRUE(current.ok()) << "the current key is untouched";

    // The console's store takes it: it writes again, under the next epoch.
    ASSERT_TRUE(waitUntil([&] { return db->writable(); }, 20000));
    connections::Connection edited = rotationRow(3);
    edited.status = QStringLiteral("EDITED_MID_ROTATION");
    ASSERT_TRUE(db->connections().upsert(edited).ok());
    auto byNext = store::Store::open(target, nextKey.bytes(), {}, where.password());
    ASSERT_TRUE(byNext.ok()) << byNext.error().message.toStdString();
    auto read = (*byNext)->connections().get(edited.connectionId);
    ASSERT_TRUE(read.ok()) << "written under the next epoch: "
                           << read.error().message.toStdString();
    EXPECT_EQ(read->status, QStringLiteral("EDITED_MID_ROTATION"));
    EXPECT_TRUE(waitUntil([&] { return enabled("rotationResume"); }, 10000));
}
