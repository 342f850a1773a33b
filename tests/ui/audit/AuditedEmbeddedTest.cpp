// "Each listed action writes one record", embedded banking: decrypt, the userCode reveal and
// the retUrl answer in the Payload Inspector, the stored userCode's reveal and the logout in the
// Partner Users panel — real widgets, store, keychain and sandbox.
#include "AuditUi.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "tests/support/EmbeddedState.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/MaskedSecretLabel.h"
#include "ui/inspector/PayloadInspectorPanel.h"
#include "ui/partnerusers/PartnerUsersPanel.h"

#include <QSignalSpy>

using namespace aerodesk;
using audit::AuditAction;
using audit::AuditOutcome;
using test::waitUntil;

namespace {
class AuditedEmbeddedTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        ASSERT_TRUE(rig.openStore());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                          QString::fromLatin1(keychain::entries::kProviderPublicKey) });
        rig.setEnvironment();
        trail = rig.session().audit();
        ASSERT_NE(trail, nullptr);
        inspector = std::make_unique<ui::PayloadInspectorPanel>(rig.session());
        inspector->resize(900, 900);
        inspector->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(inspector.get()));
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("No partner private key")); },
            20000));
        inspector->installSandboxKeys();
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("fingerprint")); }, 30000));
    }
    void TearDown() override
    {
        bool idle = false;
        if (trail)
            trail->whenIdle([&] { idle = true; });
        waitUntil([&] { return idle; }, 20000);
    }
    QString label(const char *name) const
    {
        return test::labelText(inspector.get(), QLatin1String(name));
    }
    QPushButton *byName(const char *name) const
    {
        return test::findNamed<QPushButton>(inspector.get(), QLatin1String(name));
    }
    audit::AuditRecord exactlyOne(AuditAction action, const std::function<void()> &act)
    {
        const qint64 before = test::recordCount(*trail);
        act();
        EXPECT_TRUE(waitUntil([&] { return test::recordCount(*trail) > before; }, 30000))
            << "no record for " << audit::AuditActions::name(action).toStdString();
        QTest::qWait(50);
        const auto all = trail->log().read();
        EXPECT_EQ(all->size(), before + 1) << audit::AuditActions::name(action).toStdString();
        if (all->isEmpty())
            return {};
        EXPECT_EQ(all->last().action, action) << audit::AuditActions::name(action).toStdString();
        return all->last();
    }

    test::SessionRig rig;
    audit::AuditTrail *trail = nullptr;
    std::unique_ptr<ui::PayloadInspectorPanel> inspector;
};
} // namespace

TEST_F(AuditedEmbeddedTest, InspectorAndPartnerUsersActionsEachWriteOneRecord)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("audit"));
    ASSERT_TRUE(test::typeInto(inspector.get(), QStringLiteral("partnerUserEdit"), user));
    QSignalSpy loaded(inspector.get(), &ui::PayloadInspectorPanel::sampleLoaded);
    inspector->fetchSample(true);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() == 1; }, 20000));

    const auto decrypted = exactlyOne(
        AuditAction::Decrypt, [&] { QTest::mouseClick(byName("decryptButton"), Qt::LeftButton); });
    EXPECT_EQ(decrypted.outcome, AuditOutcome::Ok);
    ASSERT_NE(inspector->payload(), nullptr);
    const QString code = inspector->payload()->userCode().toUtf8String();

    const auto revealed = exactlyOne(AuditAction::RevealUserCode, [&] {
        QTest::mouseClick(byName("revealButton"), Qt::LeftButton);
        EXPECT_FALSE(label("userCodeLabel").contains(code)) << "shown before a reason";
        test::answerReason(QStringLiteral("partner support call"));
    });
    EXPECT_TRUE(label("userCodeLabel").contains(code));
    EXPECT_EQ(revealed.reason, QStringLiteral("partner support call"));
    EXPECT_FALSE(revealed.object.contains(user)) << "the partner user id is masked";
    EXPECT_FALSE(revealed.object.contains(code));

    QSignalSpy answered(inspector.get(), &ui::PayloadInspectorPanel::answered);
    const auto answer = exactlyOne(AuditAction::RetUrlAnswer, [&] {
        QTest::mouseClick(byName("answerOkButton"), Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return answered.count() == 1; }, 30000));
    });
    EXPECT_EQ(answer.outcome, AuditOutcome::Ok) << answer.object.toStdString();
    EXPECT_TRUE(answer.object.contains(QStringLiteral("OK")));

    ui::PartnerUsersPanel users(rig.session());
    users.resize(1000, 700);
    users.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&users));
    ASSERT_TRUE(waitUntil([&] { return users.selectUser(user); }, 20000));
    {
        // Loading the stored code into the masked label shows nothing yet: no record.
        const qint64 before = test::recordCount(*trail);
        QSignalSpy finished(&users, &ui::PartnerUsersPanel::actionFinished);
        ASSERT_TRUE(test::clickNamed(&users, QStringLiteral("revealUserCodeButton")));
        test::answerMessageBox(&users, QStringLiteral("revealConfirm"), QMessageBox::Yes);
        ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
        EXPECT_EQ(test::recordCount(*trail), before);
    }
    auto *stored = test::findNamed<ui::MaskedSecretLabel>(&users, QStringLiteral("userCodeSecret"));
    ASSERT_NE(stored, nullptr);
    const auto shown = exactlyOne(AuditAction::RevealUserCode, [&] {
        QTest::mouseClick(stored->revealButton(), Qt::LeftButton);
        test::answerReason(QStringLiteral("verify the stored code"));
    });
    EXPECT_TRUE(stored->isRevealed());
    EXPECT_EQ(stored->shownText(), code);
    EXPECT_EQ(shown.outcome, AuditOutcome::Ok);

    QSignalSpy finished(&users, &ui::PartnerUsersPanel::actionFinished);
    const auto logout = exactlyOne(AuditAction::Logout, [&] {
        ASSERT_TRUE(test::clickNamed(&users, QStringLiteral("logoutButton")));
        test::answerMessageBox(&users, QStringLiteral("logoutConfirm"), QMessageBox::Yes);
        ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
    });
    EXPECT_FALSE(logout.object.contains(user));
}
