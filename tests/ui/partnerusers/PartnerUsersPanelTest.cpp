// The partner-users panel on real widgets against the real sandbox and keychain. Users are
// connected through the payload inspector (sample event, decrypt, Answer OK), as a person would;
// the panel shows their state, reveals a stored code only after a confirmation, rehearses the
// FI's automatic disconnect in the sandbox and logs a user out.

#include "ui/partnerusers/PartnerUsersPanel.h"

#include "core/bundle/BundleRedactor.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "tests/support/EmbeddedState.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/bundle/BundlePreviewDialog.h"
#include "ui/common/MaskedSecretLabel.h"
#include "ui/common/NoticeLine.h"
#include "ui/inspector/PayloadInspectorPanel.h"
#include "ui/partnerusers/PartnerUserTableModel.h"

#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <iostream>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = aerodesk::keychain::KeychainError::Kind;

namespace {

class PartnerUsers : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                          QString::fromLatin1(keychain::entries::kProviderPublicKey) });
        rig.setEnvironment();
        inspector = std::make_unique<ui::PayloadInspectorPanel>(rig.session());
        panel = std::make_unique<ui::PartnerUsersPanel>(rig.session());
        panel->resize(1000, 700);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        ASSERT_TRUE(waitUntil(
            [&] {
                return test::labelText(inspector.get(), QStringLiteral("keyLabel"))
                    .contains(QLatin1String("No partner private key"));
            },
            20000));
        inspector->installSandboxKeys();
        ASSERT_TRUE(waitUntil(
            [&] {
                return test::labelText(inspector.get(), QStringLiteral("keyLabel"))
                    .contains(QLatin1String("fingerprint"));
            },
            30000));
    }

    /// Through the inspector: a sample event for `user`, decrypted and received.
    void event(bool connect, const QString &user)
    {
        inspector->setPartnerUser(user);
        QSignalSpy loaded(inspector.get(), &ui::PayloadInspectorPanel::sampleLoaded);
        inspector->fetchSample(connect);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() == 1; }, 20000))
            << test::labelText(inspector.get(), QStringLiteral("errorLabel")).toStdString();
        inspector->decrypt();
        ASSERT_NE(inspector->pendingEventId(), 0)
            << test::labelText(inspector.get(), QStringLiteral("userNotice")).toStdString();
    }
    /// Through the inspector: Answer OK; the provider's HTTP status.
    int answerOk()
    {
        QSignalSpy answered(inspector.get(), &ui::PayloadInspectorPanel::answered);
        inspector->answerOk();
        EXPECT_TRUE(waitUntil([&] { return answered.count() == 1; }, 30000));
        return answered.isEmpty() ? -1 : answered.first().at(0).toInt();
    }
    void connectUser(const QString &user)
    {
        event(true, user);
        ASSERT_EQ(answerOk(), 204)
            << test::labelText(inspector.get(), QStringLiteral("answerResult")).toStdString();
    }

    QTableView *table() const
    {
        return test::findNamed<QTableView>(panel.get(), QStringLiteral("partnerUsersTable"));
    }
    /// The shown text of `user`'s `column`; "" when the user has no row.
    QString cell(const QString &user, int column) const
    {
        auto *model = static_cast<ui::PartnerUserTableModel *>(table()->model());
        const int row = model->rowOf(user);
        return row < 0 ? QString() : model->index(row, column).data().toString();
    }
    QString state(const QString &user) const
    {
        return cell(user, ui::PartnerUserTableModel::State);
    }
    bool clickAndWait(const char *name, const char *box = nullptr)
    {
        QSignalSpy finished(panel.get(), &ui::PartnerUsersPanel::actionFinished);
        if (!test::clickNamed(panel.get(), QLatin1String(name)))
            return false;
        if (box)
            lastBoxText = test::answerMessageBox(panel.get(), QLatin1String(box), QMessageBox::Yes);
        return waitUntil([&] { return finished.count() == 1; }, 30000);
    }
    QString notice() const
    {
        return test::labelText(panel.get(), QStringLiteral("partnerUsersNotice"));
    }
    QString newestOutcome() const
    {
        auto *list = test::findNamed<QListWidget>(panel.get(), QStringLiteral("outcomeList"));
        return list && list->count() ? list->item(0)->text() : QString();
    }

    test::SessionRig rig;
    std::unique_ptr<ui::PayloadInspectorPanel> inspector;
    std::unique_ptr<ui::PartnerUsersPanel> panel;
    QString lastBoxText;
};

} // namespace

TEST_F(PartnerUsers, EmptyStateThenAConnectedRow)
{
    ASSERT_TRUE(waitUntil([&] { return rig.session().partnerUsers() != nullptr; }));
    EXPECT_TRUE(test::findNamed<QWidget>(panel.get(), QStringLiteral("emptyState"))->isVisible());
    EXPECT_TRUE(test::labelText(panel.get(), QStringLiteral("emptyState"))
                    .contains(QLatin1String("connect event")));
    EXPECT_FALSE(
        test::findNamed<QPushButton>(panel.get(), QStringLiteral("logoutButton"))->isEnabled());

    const QString user = test::uniquePartnerUser(rig, QStringLiteral("row"));
    connectUser(user);
    EXPECT_EQ(state(user), QStringLiteral("Connected"));
    EXPECT_FALSE(cell(user, ui::PartnerUserTableModel::ConnectedSince).isEmpty());
    EXPECT_EQ(cell(user, ui::PartnerUserTableModel::Pending), QStringLiteral("0"));
    EXPECT_FALSE(test::findNamed<QWidget>(panel.get(), QStringLiteral("emptyState"))->isVisible());
    EXPECT_TRUE(newestOutcome().startsWith(QStringLiteral("connect · ") + user))
        << newestOutcome().toStdString();

    // A received, unanswered event is counted.
    event(false, user);
    EXPECT_EQ(cell(user, ui::PartnerUserTableModel::Pending), QStringLiteral("1"));
}

TEST_F(PartnerUsers, ExpireThenSilentAuthMakesTheRowInvalidAndRemovesTheCode)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("expire"));
    connectUser(user);
    ASSERT_EQ(test::storedUserCode(rig, user), Kind::None);
    ASSERT_TRUE(panel->selectUser(user));
    ASSERT_TRUE(clickAndWait("expireButton")) << notice().toStdString();
    EXPECT_TRUE(notice().contains(user)) << notice().toStdString();
    EXPECT_EQ(state(user), QStringLiteral("Connected")) << "AeroDesk learns it at the next answer";

    event(false, user);
    EXPECT_EQ(answerOk(), 410);
    EXPECT_TRUE(state(user).startsWith(QLatin1String("Invalid"))) << state(user).toStdString();
    EXPECT_FALSE(cell(user, ui::PartnerUserTableModel::Note).isEmpty());
    EXPECT_EQ(test::storedUserCode(rig, user), Kind::NotFound);
    EXPECT_TRUE(newestOutcome().contains(QLatin1String("code removed")))
        << newestOutcome().toStdString();
    EXPECT_TRUE(test::labelText(inspector.get(), QStringLiteral("answerResult"))
                    .contains(QLatin1String("must connect again")));
}

TEST_F(PartnerUsers, LogOutAfterConfirmationRemovesTheCodeAndPendingEvents)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("logout"));
    connectUser(user);
    event(false, user); // an open silent-authentication attempt, not answered
    ASSERT_EQ(cell(user, ui::PartnerUserTableModel::Pending), QStringLiteral("1"));
    ASSERT_TRUE(panel->selectUser(user));

    // Cancel changes nothing.
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("logoutButton")));
    test::answerMessageBox(panel.get(), QStringLiteral("logoutConfirm"), QMessageBox::Cancel);
    QTest::qWait(200);
    EXPECT_EQ(state(user), QStringLiteral("Connected"));

    ASSERT_TRUE(clickAndWait("logoutButton", "logoutConfirm"));
    EXPECT_TRUE(lastBoxText.contains(user)) << lastBoxText.toStdString();
    EXPECT_TRUE(lastBoxText.contains(QLatin1String("userCode"))) << lastBoxText.toStdString();
    EXPECT_TRUE(lastBoxText.contains(QLatin1String("1 pending event")))
        << lastBoxText.toStdString();
    EXPECT_EQ(state(user), QStringLiteral("Logged out"));
    EXPECT_EQ(cell(user, ui::PartnerUserTableModel::Pending), QStringLiteral("0"));
    EXPECT_EQ(test::storedUserCode(rig, user), Kind::NotFound);
    EXPECT_EQ(inspector->pendingEventId(), 0) << "the inspector's event was dropped with it";
    EXPECT_TRUE(newestOutcome().startsWith(QStringLiteral("logout · ") + user));

    const QJsonObject sandbox = test::sandboxEbUser(rig, user);
    if (sandbox.contains(QLatin1String("hasUserCode"))) {
        EXPECT_TRUE(notice().contains(QLatin1String("logged"))) << notice().toStdString();
        EXPECT_EQ(sandbox.value(QStringLiteral("state")).toString(), QStringLiteral("logged-out"));
        EXPECT_FALSE(sandbox.value(QStringLiteral("hasUserCode")).toBool());
        EXPECT_EQ(sandbox.value(QStringLiteral("openAttempts")).toInt(-1), 0);
    } else {
        // This tree's sandbox has no /sandbox/eb/logout (the emulator branch adds it): the
        // local side is done and the notice says the sandbox's part failed.
        std::cout << "[ NOTE ] sandbox without the logout route: asserted the local side only\n";
        EXPECT_TRUE(notice().contains(QLatin1String("logout failed"))) << notice().toStdString();
    }
}

TEST_F(PartnerUsers, RevealNeedsAConfirmationAndHidesOnAnotherRow)
{
    const QString a = test::uniquePartnerUser(rig, QStringLiteral("reveal-a"));
    const QString b = test::uniquePartnerUser(rig, QStringLiteral("reveal-b"));
    event(true, a);
    const QString code = inspector->payload()->userCode().toUtf8String();
    ASSERT_EQ(answerOk(), 204);
    connectUser(b);

    // Never in the table.
    auto *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            for (int role :
                 { int(Qt::DisplayRole), int(Qt::ToolTipRole), ui::PartnerUserTableModel::RawRole })
                EXPECT_FALSE(model->index(row, column).data(role).toString().contains(code));
        }
    }

    auto *secret =
        test::findNamed<ui::MaskedSecretLabel>(panel.get(), QStringLiteral("userCodeSecret"));
    ASSERT_TRUE(panel->selectUser(a));
    // Cancelled: nothing shown.
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("revealUserCodeButton")));
    test::answerMessageBox(panel.get(), QStringLiteral("revealConfirm"), QMessageBox::Cancel);
    QTest::qWait(200);
    EXPECT_FALSE(secret->isVisible());

    ASSERT_TRUE(clickAndWait("revealUserCodeButton", "revealConfirm"));
    EXPECT_TRUE(lastBoxText.contains(a));
    ASSERT_TRUE(secret->isVisible()) << notice().toStdString();
    EXPECT_FALSE(secret->shownText().contains(code)) << "masked by default";
    QTest::mouseClick(secret->revealButton(), Qt::LeftButton);
    EXPECT_EQ(secret->shownText(), code) << "A's code, as decrypted from A's connect event";

    ASSERT_TRUE(panel->selectUser(b));
    EXPECT_FALSE(secret->isVisible());
    EXPECT_FALSE(secret->shownText().contains(code));
}

TEST_F(PartnerUsers, EveryControlHasAnAccessibleName)
{
    EXPECT_GE(test::expectAccessibleNames(panel.get()), 8);
}

// Issue 15: the partner user's escalation bundle, from the panel. The user's real userCode
// (read back from the keychain) is in none of the previewed files, raw or hex; the masked form
// hides the user's id and the provider-facing form keeps it.
TEST_F(PartnerUsers, EscalationBundleNeverHoldsTheUserCode)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("bundle"));
    connectUser(user);
    ASSERT_TRUE(waitUntil([&] { return state(user) == QLatin1String("Connected"); }));
    std::optional<QByteArray> code;
    rig.keychain().read(QString::fromLatin1(keychain::entries::kUserCodePrefix) + user,
                        [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
                            code = e.ok() ? QByteArray(v.constChar(), qsizetype(v.size()))
                                          : QByteArray();
                        });
    ASSERT_TRUE(waitUntil([&] { return code.has_value(); }, 20000));
    ASSERT_EQ(code->size(), 32) << "the userCode was not stored";

    ASSERT_TRUE(panel->selectUser(user));
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("partnerBundleButton")));
    auto *dialog = panel->findChild<ui::BundlePreviewDialog *>();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy ready(dialog, &ui::BundlePreviewDialog::previewReady);
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 1; }, 20000));
    auto all = [&] {
        QByteArray bytes;
        for (const bundle::BundlePart &p : dialog->parts())
            bytes += p.bytes;
        return bytes;
    };
    QStringList names;
    for (const bundle::BundlePart &p : dialog->parts())
        names << p.name;
    EXPECT_TRUE(names.contains(QStringLiteral("partner-user.json")))
        << names.join(' ').toStdString();
    EXPECT_FALSE(all().contains(*code));
    EXPECT_FALSE(all().contains(code->toHex()));
    EXPECT_FALSE(all().contains("\"" + user.toUtf8() + "\"")) << "masked: the user's id is masked";
    EXPECT_TRUE(all().contains("connect")) << "the connect outcome is in the timeline";

    dialog->setForm(bundle::BundleRedactor::Form::Provider);
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 2; }, 20000));
    EXPECT_TRUE(all().contains("\"" + user.toUtf8() + "\""));
    EXPECT_FALSE(all().contains(*code));
    dialog->close();
}
