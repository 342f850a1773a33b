// The link widget's flows on real widgets, against the real sandbox (HTTPS, time scale 0.2) and the
// real keychain: the soft retry prompt on all three paths (link, reconnect, MFA relaunch), the
// environment's configurationId arriving at the sandbox, the MFA widget opening with no click,
// Reconnect offered from a job error that needs it, and the Jobs panel's connection picker.
// Every wait is bounded by a condition (waitUntil), never by time.

#include "core/api/LinkWidgetSession.h"
#include "core/connections/IdMask.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/JobsPanel.h"
#include "ui/jobs/LinkWidgetDialog.h"
#include "ui/jobs/MfaPromptDialog.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace aerodesk;
using aerodesk::api::JobType;
using aerodesk::jobs::JobOutcome;
using aerodesk::test::waitUntil;
using aerodesk::ui::JobsModel;
using aerodesk::ui::LinkWidgetDialog;

namespace {

template<class T> T *child(const QObject *root, const char *name)
{
    return test::findNamed<T>(root, QString::fromLatin1(name));
}

class LinkWidgetFlowsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start({ QStringLiteral("--seed"), QStringLiteral("11"),
                                QStringLiteral("--time-scale"), QStringLiteral("0.2") }));
    }

    /// The sandbox's environment with a configurationId, as Settings would give it.
    void setEnvironment(const QString &configurationId = {})
    {
        api::Environment env = rig.harness().environment();
        env.configurationId = configurationId;
        rig.session().setEnvironment(env);
        jobs::PollPolicy p;
        p.initialIntervalMs = 200;
        p.maxIntervalMs = 500;
        p.mfaWindowMs = 24000; // the sandbox's 120 s × 0.2
        p.mfaGraceMs = 20000;
        rig.session().jobs()->setPolicy(p);
    }

    std::unique_ptr<LinkWidgetDialog> newDialog()
    {
        return std::make_unique<LinkWidgetDialog>(*rig.session().client(),
                                                  *rig.session().widgetEvents());
    }

    /// What the sandbox's widget stand-in received (GET /sandbox/widget/state).
    QJsonArray launches()
    {
        return rig.harness()
            .sandbox.request("GET", QStringLiteral("/sandbox/widget/state"))
            .json.value(QStringLiteral("launches"))
            .toArray();
    }

    /// Clicks "Close widget" and waits for the retry prompt; checks its words and names.
    QPointer<QMessageBox> closeAndWaitRetry(LinkWidgetDialog *dialog)
    {
        EXPECT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
        QSignalSpy offered(dialog, &LinkWidgetDialog::retryOffered);
        QTest::mouseClick(child<QPushButton>(dialog, "widgetCancel"), Qt::LeftButton);
        EXPECT_TRUE(waitUntil([&] { return dialog->retryPrompt() != nullptr; }, 30000))
            << "no retry prompt after closing the widget";
        QPointer<QMessageBox> box = dialog->retryPrompt();
        if (!box)
            return box;
        EXPECT_EQ(offered.count(), 1);
        EXPECT_TRUE(box->isVisible());
        EXPECT_EQ(box->windowModality(), Qt::WindowModal) << "open(), not exec()";
        EXPECT_EQ(box->text(), QStringLiteral("The bank connection was not finished. Try again?"));
        EXPECT_TRUE(test::buttonByText(box, QStringLiteral("Try again")));
        EXPECT_TRUE(test::buttonByText(box, QStringLiteral("Not now")));
        test::expectAccessibleNames(box, test::AccessibleCheck::OwnControlsOnly);
        EXPECT_TRUE(dialog->isVisible()) << "the widget waits for the answer";
        return box;
    }

    /// Try again: a fresh session (new sessionId, a fresh token) on the same path.
    void tryAgain(LinkWidgetDialog *dialog, const QString &expectedState)
    {
        const QString before = dialog->session().sessionId();
        const int launchesBefore = dialog->launches();
        QPointer<QMessageBox> box = dialog->retryPrompt();
        ASSERT_FALSE(box.isNull());
        QTest::mouseClick(test::buttonByText(box, QStringLiteral("Try again")), Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000))
            << "the widget did not open again";
        EXPECT_EQ(dialog->state(), expectedState) << "the same path again";
        EXPECT_EQ(dialog->launches(), launchesBefore + 1);
        EXPECT_NE(dialog->session().sessionId(), before) << "a fresh widget session";
        EXPECT_FALSE(dialog->session().sessionId().isEmpty());
        EXPECT_FALSE(dialog->result().has_value());
        EXPECT_TRUE(box.isNull() || !box->isVisible());
    }

    test::SessionRig rig;
};

} // namespace

TEST_F(LinkWidgetFlowsTest, LinkClosedOffersRetryTryAgainOpensAFreshSessionNotNowEnds)
{
    setEnvironment();
    auto dialog = newDialog();
    QSignalSpy finished(dialog.get(), &LinkWidgetDialog::sessionFinished);
    dialog->startLink();
    dialog->show();
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    ASSERT_EQ(dialog->state(), QStringLiteral("bank"));
    const int before = int(launches().size());

    ASSERT_FALSE(closeAndWaitRetry(dialog.get()).isNull());
    ASSERT_EQ(finished.count(), 1) << "each session reports its end";
    EXPECT_EQ(finished.first().first().value<api::LinkWidgetResult>().outcome,
              api::LinkWidgetResult::Outcome::Closed);
    tryAgain(dialog.get(), QStringLiteral("bank"));
    const QJsonArray after = launches();
    ASSERT_EQ(after.size(), before + 1) << "one more launch reached the sandbox";
    EXPECT_EQ(after.last().toObject().value(QStringLiteral("mode")).toString(),
              QStringLiteral("link"));
    EXPECT_EQ(after.last().toObject().value(QStringLiteral("sessionId")).toString(),
              dialog->session().sessionId());

    // Closed again: Not now ends the dialog (Rejected), with nothing more launched.
    QPointer<QMessageBox> box = closeAndWaitRetry(dialog.get());
    ASSERT_FALSE(box.isNull());
    EXPECT_EQ(finished.count(), 2);
    QSignalSpy ended(dialog.get(), &QDialog::finished);
    QTest::mouseClick(test::buttonByText(box, QStringLiteral("Not now")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return ended.count() == 1; }, 10000));
    EXPECT_EQ(ended.first().first().toInt(), int(QDialog::Rejected));
    EXPECT_EQ(finished.count(), 2);
    ASSERT_TRUE(dialog->result().has_value());
    EXPECT_EQ(dialog->result()->outcome, api::LinkWidgetResult::Outcome::Closed);
    EXPECT_FALSE(dialog->isVisible());
    EXPECT_EQ(dialog->launches(), 2);
    EXPECT_EQ(launches().size(), before + 1) << "Not now launches nothing";
}

TEST_F(LinkWidgetFlowsTest, OAuthDeniedIsAClosedWidgetAndOffersRetryToo)
{
    setEnvironment();
    auto dialog = newDialog();
    dialog->startLink();
    dialog->show();
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    auto *banks = child<QListWidget>(dialog.get(), "widgetBankList");
    banks->setCurrentRow(1); // OAuth
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetContinue"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    ASSERT_EQ(dialog->state(), QStringLiteral("credentials"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "widgetUsername"), QStringLiteral("mxuser"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "widgetPassword"), QStringLiteral("x"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetContinue"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    ASSERT_EQ(dialog->state(), QStringLiteral("oauth"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetDeny"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->retryPrompt() != nullptr; }, 30000));
    tryAgain(dialog.get(), QStringLiteral("bank"));
}

TEST_F(LinkWidgetFlowsTest, ReconnectClosedOffersRetryAndTryAgainKeepsTheSameConnection)
{
    setEnvironment();
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    auto dialog = newDialog();
    dialog->startReconnect(c);
    dialog->show();
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    ASSERT_EQ(dialog->state(), QStringLiteral("credentials")) << "no bank picker on a reconnect";
    ASSERT_FALSE(closeAndWaitRetry(dialog.get()).isNull());
    tryAgain(dialog.get(), QStringLiteral("credentials"));
    EXPECT_EQ(launches().last().toObject().value(QStringLiteral("mode")).toString(),
              QStringLiteral("reconnect"));

    QTest::keyClicks(child<QLineEdit>(dialog.get(), "widgetUsername"), QStringLiteral("mxuser"));
    QTest::keyClicks(child<QLineEdit>(dialog.get(), "widgetPassword"), QStringLiteral("x"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetContinue"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    ASSERT_EQ(dialog->state(), QStringLiteral("oauth"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetApprove"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->result().has_value(); }, 30000));
    ASSERT_TRUE(dialog->result()->linked()) << dialog->result()->message.toStdString();
    EXPECT_EQ(dialog->result()->success.connectionId, c) << "the same connection, renewed";
}

TEST_F(LinkWidgetFlowsTest, MfaWidgetOpensWithNoClickAndItsCloseOffersRetry)
{
    setEnvironment();
    ui::JobsPanel panel(rig.session());
    panel.show();
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    QSignalSpy opened(&panel, &ui::JobsPanel::mfaPromptOpened);
    const quint64 key = panel.startJob(JobType::Balance, c);
    ASSERT_TRUE(waitUntil([&] { return panel.mfaPrompt(key) != nullptr; }, 30000));
    QPointer<ui::MfaPromptDialog> prompt = panel.mfaPrompt(key);
    // No click anywhere: the MFA widget is already open, at the code, with the bank's countdown.
    QPointer<LinkWidgetDialog> widget = prompt->widgetDialog();
    ASSERT_FALSE(widget.isNull()) << "the MFA widget opens at once";
    ASSERT_TRUE(waitUntil([&] { return widget && widget->isWaitingForInput(); }, 30000));
    EXPECT_TRUE(widget->isVisible());
    EXPECT_EQ(widget->state(), QStringLiteral("mfa"));
    EXPECT_EQ(widget->session().mode(), api::LinkWidgetSession::Mode::MfaRelaunch);
    ASSERT_TRUE(waitUntil(
        [&] { return child<QLabel>(widget.data(), "widgetCountdown")->isVisible(); }, 5000));
    const QString countdown = child<QLabel>(widget.data(), "widgetCountdown")->text();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d+:\\d\\d left in the bank's MFA window$"))
                    .match(countdown)
                    .hasMatch())
        << countdown.toStdString();
    EXPECT_FALSE(prompt->relaunchButton()->isEnabled()) << "nothing to click: it is open";

    // Closed without the code: the same retry prompt; Try again relaunches MFA afresh.
    ASSERT_FALSE(closeAndWaitRetry(widget.data()).isNull());
    tryAgain(widget.data(), QStringLiteral("mfa"));
    EXPECT_EQ(launches().last().toObject().value(QStringLiteral("mode")).toString(),
              QStringLiteral("mfaRelaunch"));
    QTest::keyClicks(child<QLineEdit>(widget.data(), "widgetMfaCode"), QStringLiteral("1234"));
    QTest::mouseClick(child<QPushButton>(widget.data(), "widgetContinue"), Qt::LeftButton);
    const int row = [&] {
        waitUntil(
            [&] { return panel.model()->outcomeAt(panel.model()->rowForKey(key)).has_value(); },
            60000);
        return panel.model()->rowForKey(key);
    }();
    ASSERT_EQ(panel.model()->outcomeAt(row), JobOutcome::Completed);
    EXPECT_EQ(opened.count(), 1);
}

TEST_F(LinkWidgetFlowsTest, MfaWidgetNotNowLeavesRelaunchOnOffer)
{
    setEnvironment();
    ui::JobsPanel panel(rig.session());
    panel.show();
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    const quint64 key = panel.startJob(JobType::Identity, c);
    ASSERT_TRUE(waitUntil([&] { return panel.mfaPrompt(key) != nullptr; }, 30000));
    QPointer<ui::MfaPromptDialog> prompt = panel.mfaPrompt(key);
    QPointer<LinkWidgetDialog> widget = prompt->widgetDialog();
    ASSERT_FALSE(widget.isNull());
    QPointer<QMessageBox> box = closeAndWaitRetry(widget.data());
    ASSERT_FALSE(box.isNull());
    QTest::mouseClick(test::buttonByText(box, QStringLiteral("Not now")), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return prompt && prompt->relaunchButton()->isEnabled(); }, 10000));
    EXPECT_TRUE(child<QLabel>(prompt.data(), "mfaStatus")->text().contains(QLatin1String("closed")))
        << child<QLabel>(prompt.data(), "mfaStatus")->text().toStdString();
    EXPECT_TRUE(rig.session().jobs()->runningJob(c, JobType::Identity).has_value())
        << "the job still waits for MFA";
    // Relaunch by hand opens a fresh widget.
    QTest::mouseClick(prompt->relaunchButton(), Qt::LeftButton);
    QPointer<LinkWidgetDialog> again = prompt->widgetDialog();
    ASSERT_FALSE(again.isNull());
    ASSERT_TRUE(waitUntil([&] { return again && again->isWaitingForInput(); }, 30000));
    EXPECT_EQ(again->state(), QStringLiteral("mfa"));
}

TEST_F(LinkWidgetFlowsTest, ConfigurationIdOfTheEnvironmentReachesTheSandboxOnEveryPath)
{
    const QString brand = QStringLiteral("aerodesk-brand-7f3");
    setEnvironment(brand);
    // Link: the branding reaches the sandbox and the widget stand-in shows it.
    auto link = newDialog();
    link->startLink();
    link->show();
    ASSERT_TRUE(waitUntil([&] { return link->isWaitingForInput(); }, 30000));
    EXPECT_EQ(link->session().lastStep().brandingConfigurationId, brand);
    const QString shown = child<QLabel>(link.get(), "widgetBranding")->text();
    EXPECT_TRUE(shown.contains(brand)) << shown.toStdString();
    const QJsonObject state =
        rig.harness().sandbox.request("GET", QStringLiteral("/sandbox/widget/state")).json;
    EXPECT_EQ(state.value(QStringLiteral("lastConfigurationId")).toString(), brand);
    EXPECT_EQ(launches().last().toObject().value(QStringLiteral("mode")).toString(),
              QStringLiteral("link"));

    // Reconnect and the MFA relaunch carry it as well.
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    auto reconnect = newDialog();
    reconnect->startReconnect(c);
    ASSERT_TRUE(waitUntil([&] { return reconnect->isWaitingForInput(); }, 30000));
    QJsonObject last = launches().last().toObject();
    EXPECT_EQ(last.value(QStringLiteral("mode")).toString(), QStringLiteral("reconnect"));
    EXPECT_EQ(last.value(QStringLiteral("configurationId")).toString(), brand);

    ui::JobsPanel panel(rig.session());
    const quint64 key = panel.startJob(JobType::Balance, c);
    ASSERT_TRUE(waitUntil([&] { return panel.mfaPrompt(key) != nullptr; }, 30000));
    QPointer<LinkWidgetDialog> widget = panel.mfaPrompt(key)->widgetDialog();
    ASSERT_TRUE(waitUntil([&] { return widget && widget->isWaitingForInput(); }, 30000));
    last = launches().last().toObject();
    EXPECT_EQ(last.value(QStringLiteral("mode")).toString(), QStringLiteral("mfaRelaunch"));
    EXPECT_EQ(last.value(QStringLiteral("configurationId")).toString(), brand);
    EXPECT_TRUE(child<QLabel>(widget.data(), "widgetBranding")->text().contains(brand));

    // Without one, the stand-in says it wears Aerosync's default branding.
    setEnvironment();
    auto plain = newDialog();
    plain->startLink();
    plain->show();
    ASSERT_TRUE(waitUntil([&] { return plain->isWaitingForInput(); }, 30000));
    EXPECT_TRUE(
        launches().last().toObject().value(QStringLiteral("configurationId")).toString().isEmpty());
    EXPECT_TRUE(
        child<QLabel>(plain.get(), "widgetBranding")->text().contains(QLatin1String("default")));
}

TEST_F(LinkWidgetFlowsTest, JobErrorThatNeedsTheUserOffersReconnect)
{
    setEnvironment();
    ui::JobsPanel panel(rig.session());
    panel.show();
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    auto *reconnect = child<QPushButton>(&panel, "jobReconnect");
    EXPECT_FALSE(reconnect->isEnabled());

    // A job that completes offers no Reconnect.
    const quint64 ok = panel.startJob(JobType::Identity, c);
    ASSERT_TRUE(waitUntil(
        [&] { return panel.model()->outcomeAt(panel.model()->rowForKey(ok)).has_value(); }, 60000));
    EXPECT_FALSE(reconnect->isEnabled());

    // The bank needs the user again (AC-104, catalogue: Reconnect).
    const auto set = rig.harness().sandbox.request(
        "POST", QStringLiteral("/sandbox/connections/%1/next-job-failure").arg(c),
        QJsonObject { { QStringLiteral("code"), QStringLiteral("AC-104") } });
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    const quint64 key = panel.startJob(JobType::Identity, c);
    ASSERT_TRUE(waitUntil(
        [&] { return panel.model()->outcomeAt(panel.model()->rowForKey(key)).has_value(); },
        60000));
    const int row = panel.model()->rowForKey(key);
    ASSERT_EQ(panel.model()->outcomeAt(row), JobOutcome::Failed);
    EXPECT_TRUE(panel.model()->index(row, 0).data(JobsModel::NeedsReconnectRole).toBool());
    panel.table()->selectRow(row);
    ASSERT_TRUE(reconnect->isEnabled()) << reconnect->toolTip().toStdString();
    QSignalSpy opened(&panel, &ui::JobsPanel::reconnectOpened);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    ASSERT_EQ(opened.count(), 1);
    QPointer<LinkWidgetDialog> dialog = panel.reconnectDialog();
    ASSERT_FALSE(dialog.isNull());
    ASSERT_TRUE(waitUntil([&] { return dialog && dialog->isWaitingForInput(); }, 30000));
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_EQ(dialog->session().mode(), api::LinkWidgetSession::Mode::Reconnect);
    EXPECT_EQ(dialog->state(), QStringLiteral("credentials"));
    EXPECT_EQ(launches().last().toObject().value(QStringLiteral("mode")).toString(),
              QStringLiteral("reconnect"));

    // The completed row offers nothing.
    panel.table()->selectRow(panel.model()->rowForKey(ok));
    EXPECT_FALSE(reconnect->isEnabled());
}

TEST_F(LinkWidgetFlowsTest, JobsPanelPicksItsConnectionFromTheTrackedList)
{
    ASSERT_TRUE(rig.openStore());
    setEnvironment();
    ui::JobsPanel panel(rig.session());
    panel.show();
    auto *combo = child<QComboBox>(&panel, "jobConnection");
    auto *empty = child<QLabel>(&panel, "jobsEmptyState");
    EXPECT_EQ(combo->count(), 0);
    EXPECT_TRUE(empty->isVisible());
    EXPECT_TRUE(empty->text().contains(QLatin1String("track or link a connection")))
        << empty->text().toStdString();
    EXPECT_FALSE(child<QPushButton>(&panel, "jobStart")->isEnabled());

    // A link through the widget is recorded in the store and appears in the picker at once.
    auto dialog = newDialog();
    dialog->startLink(true);
    ASSERT_TRUE(waitUntil([&] { return dialog->isWaitingForInput(); }, 30000));
    child<QLineEdit>(dialog.get(), "widgetRouting")->setText(QStringLiteral("021000021"));
    child<QLineEdit>(dialog.get(), "widgetAccount")->setText(QStringLiteral("12345678"));
    QTest::mouseClick(child<QPushButton>(dialog.get(), "widgetContinue"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return dialog->result().has_value(); }, 30000));
    ASSERT_TRUE(dialog->result()->linked());
    const QString c = dialog->result()->success.connectionId;
    ASSERT_TRUE(waitUntil([&] { return combo->findData(c) >= 0; }, 10000))
        << "the new connection is listed";
    const QString text = combo->itemText(combo->findData(c));
    EXPECT_TRUE(text.contains(connections::IdMask::mask(c))) << text.toStdString();
    EXPECT_FALSE(text.contains(c)) << "masked";
    EXPECT_TRUE(empty->text().contains(QLatin1String("Pick a tracked connection")));

    combo->setCurrentIndex(combo->findData(c));
    EXPECT_EQ(panel.chosenConnectionId(), c);
    ASSERT_TRUE(child<QPushButton>(&panel, "jobStart")->isEnabled());
    QTest::mouseClick(child<QPushButton>(&panel, "jobStart"), Qt::LeftButton);
    ASSERT_EQ(panel.model()->rowCount(), 1);
    EXPECT_EQ(panel.model()->index(0, 0).data(JobsModel::ConnectionIdRole).toString(), c);
    EXPECT_FALSE(empty->isVisible());

    // Typing a raw id still works.
    test::typeInto(&panel, QStringLiteral("jobConnectionId"), QStringLiteral("typed-id-123"));
    EXPECT_EQ(panel.chosenConnectionId(), QStringLiteral("typed-id-123"));
    test::expectAccessibleNames(&panel, test::AccessibleCheck::OwnControlsOnly);
}
