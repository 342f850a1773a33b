// The Jobs panel, the MFA relaunch prompt and the widget dialog on real widgets, against the real
// sandbox (HTTPS, time scale 0.2: jobs take 1–3 s, the MFA window is 24 s) and the real keychain.
// Every wait is bounded by a condition (waitUntil), never by time.

#include "ui/jobs/JobsPanel.h"

#include "core/api/LinkWidgetSession.h"
#include "core/connections/IdMask.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/LinkWidgetDialog.h"
#include "ui/jobs/MfaPromptDialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <algorithm>
#include <map>
#include <vector>

using namespace aerodesk;
using aerodesk::api::JobType;
using aerodesk::jobs::JobOutcome;
using aerodesk::test::waitUntil;
using aerodesk::ui::JobsModel;

namespace {

template<class T> T *child(QWidget *root, const char *name)
{
    return test::findNamed<T>(root, QString::fromLatin1(name));
}

/// Every button, line edit, combo box and item view of ours under `root` has an accessible name.
void expectAccessibleNames(QWidget *root)
{
    EXPECT_GE(test::expectAccessibleNames(root, test::AccessibleCheck::OwnControlsOnly), 2);
}

class JobsPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start({ QStringLiteral("--seed"), QStringLiteral("7"),
                                QStringLiteral("--time-scale"), QStringLiteral("0.2") }));
        panel = std::make_unique<ui::JobsPanel>(rig.session());
        tester = std::make_unique<QAbstractItemModelTester>(
            panel->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        panel->show();
        // No environment yet: a loading state, never an enabled button that cannot work.
        EXPECT_FALSE(startButton()->isEnabled());
        EXPECT_EQ(startButton()->toolTip(), QStringLiteral("Waiting for the environment…"));
        EXPECT_TRUE(child<QLabel>(panel.get(), "jobsLoading")->isVisible());
        EXPECT_FALSE(child<QPushButton>(panel.get(), "jobCancel")->isEnabled());

        rig.setEnvironment();
        jobs::PollPolicy p;
        p.initialIntervalMs = 200;
        p.maxIntervalMs = 500;
        p.mfaWindowMs = 24000; // the sandbox's 120 s × 0.2
        p.mfaGraceMs = 20000;
        rig.session().jobs()->setPolicy(p);
        EXPECT_FALSE(child<QLabel>(panel.get(), "jobsLoading")->isVisible());
    }
    void TearDown() override
    {
        tester.reset();
        panel.reset();
    }

    QPushButton *startButton() { return child<QPushButton>(panel.get(), "jobStart"); }
    JobsModel *model() { return panel->model(); }
    QString cell(quint64 key, int column)
    {
        return model()->index(model()->rowForKey(key), column).data().toString();
    }
    QVariant role(quint64 key, int r) { return model()->index(model()->rowForKey(key), 0).data(r); }

    /// Types the connection, picks the type and clicks Start, as a person would; returns the key.
    quint64 startFromUi(JobType type, const QString &connectionId)
    {
        auto *edit = child<QLineEdit>(panel.get(), "jobConnectionId");
        edit->clear();
        QTest::keyClicks(edit, connectionId);
        auto *combo = child<QComboBox>(panel.get(), "jobType");
        combo->setCurrentIndex(combo->findData(int(type)));
        EXPECT_TRUE(startButton()->isEnabled()) << startButton()->toolTip().toStdString();
        const int before = model()->rowCount();
        QTest::mouseClick(startButton(), Qt::LeftButton);
        EXPECT_TRUE(waitUntil([&] { return model()->rowCount() > before; }, 10000));
        return model()->index(model()->rowCount() - 1, 0).data(JobsModel::KeyRole).toULongLong();
    }
    std::optional<JobOutcome> waitOutcome(quint64 key, int timeoutMs = 60000)
    {
        EXPECT_TRUE(waitUntil(
            [&] { return model()->outcomeAt(model()->rowForKey(key)).has_value(); }, timeoutMs))
            << "job " << key << " did not end; state "
            << cell(key, JobsModel::StateColumn).toStdString();
        return model()->outcomeAt(model()->rowForKey(key));
    }
    ui::MfaPromptDialog *waitPrompt(quint64 key)
    {
        EXPECT_TRUE(waitUntil([&] { return panel->mfaPrompt(key) != nullptr; }, 30000))
            << "no MFA prompt";
        return panel->mfaPrompt(key);
    }
    /// The MFA widget the prompt opened by itself (no click), at its first page.
    QPointer<ui::LinkWidgetDialog> waitMfaWidget(ui::MfaPromptDialog *prompt)
    {
        QPointer<ui::LinkWidgetDialog> dialog = prompt->widgetDialog();
        EXPECT_FALSE(dialog.isNull()) << "the MFA widget opens at once";
        if (!dialog)
            return dialog;
        EXPECT_TRUE(waitUntil([&] { return dialog && dialog->isWaitingForInput(); }, 30000));
        return dialog;
    }
    /// Enters `code` in the MFA page of the widget the prompt opened at once (no click).
    QPointer<ui::LinkWidgetDialog> relaunchWithCode(ui::MfaPromptDialog *prompt,
                                                    const QString &code)
    {
        EXPECT_TRUE(prompt->relaunchButton()->isVisible());
        EXPECT_FALSE(prompt->relaunchButton()->isEnabled()) << "the widget is already open";
        QPointer<ui::LinkWidgetDialog> dialog = prompt->widgetDialog();
        EXPECT_FALSE(dialog.isNull());
        if (!dialog)
            return dialog;
        EXPECT_TRUE(waitUntil([&] { return dialog && dialog->isWaitingForInput(); }, 30000));
        if (!dialog)
            return dialog;
        EXPECT_EQ(dialog->state(), QStringLiteral("mfa")); // straight to the code
        EXPECT_TRUE(dialog->isVisible());
        expectAccessibleNames(dialog);
        auto *edit = child<QLineEdit>(dialog, "widgetMfaCode");
        EXPECT_TRUE(edit->isVisible());
        QTest::keyClicks(edit, code);
        QTest::mouseClick(child<QPushButton>(dialog, "widgetContinue"), Qt::LeftButton);
        return dialog;
    }

    test::SessionRig rig;
    std::unique_ptr<ui::JobsPanel> panel;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

} // namespace

TEST_F(JobsPanelTest, BalanceJobProgressReachesCompletion)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    QList<int> seen;
    QObject ctx;
    QObject::connect(model(), &QAbstractItemModel::dataChanged, &ctx, [&](const QModelIndex &tl) {
        seen << tl.siblingAtColumn(JobsModel::ProgressColumn).data(JobsModel::ProgressRole).toInt();
    });
    const quint64 key = startFromUi(JobType::Balance, c);
    ASSERT_NE(key, 0u);
    EXPECT_EQ(cell(key, JobsModel::TypeColumn), QStringLiteral("Balance"));
    EXPECT_EQ(cell(key, JobsModel::ConnectionColumn), connections::IdMask::mask(c));
    EXPECT_FALSE(cell(key, JobsModel::ConnectionColumn).contains(c));
    EXPECT_TRUE(child<QPushButton>(panel.get(), "jobCancel")->isEnabled())
        << "the new job is selected and running";

    ASSERT_EQ(waitOutcome(key), JobOutcome::Completed)
        << cell(key, JobsModel::ResultColumn).toStdString();
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Completed"));
    EXPECT_EQ(role(key, JobsModel::ProgressRole).toInt(), 100);
    EXPECT_EQ(cell(key, JobsModel::ProgressColumn), QStringLiteral("100"));
    EXPECT_GE(cell(key, JobsModel::AttemptsColumn).toInt(), 1);
    EXPECT_TRUE(cell(key, JobsModel::ResultColumn).contains(QLatin1String("completed")));
    EXPECT_TRUE(role(key, JobsModel::JobIdRole).toString().startsWith(QLatin1String("REF-")));
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end())) << "the bar never goes back";
    EXPECT_GE(seen.size(), 2);
    // The row stays, the bar is painted, and Cancel says why it is off.
    EXPECT_EQ(model()->rowCount(), 1);
    EXPECT_FALSE(panel->table()->grab().isNull());
    auto *cancel = child<QPushButton>(panel.get(), "jobCancel");
    EXPECT_FALSE(cancel->isEnabled());
    EXPECT_TRUE(cancel->toolTip().contains(QLatin1String("ended")))
        << cancel->toolTip().toStdString();
}

TEST_F(JobsPanelTest, MfaBankRaisesThePromptAndCompletesAfterRelaunch)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    QSignalSpy opened(panel.get(), &ui::JobsPanel::mfaPromptOpened);
    const quint64 key = startFromUi(JobType::Balance, c);
    QPointer<ui::MfaPromptDialog> prompt = waitPrompt(key);
    ASSERT_FALSE(prompt.isNull());
    EXPECT_EQ(opened.count(), 1);
    EXPECT_TRUE(prompt->isVisible()) << "shown at once";
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Waiting for MFA"));
    const QString text = child<QLabel>(prompt.data(), "mfaPromptMessage")->text();
    EXPECT_TRUE(text.contains(connections::IdMask::mask(c))) << text.toStdString();
    EXPECT_FALSE(text.contains(c)) << "the connectionId is masked";
    EXPECT_TRUE(text.contains(QLatin1String("the bank"))) << "no store: the bank is not named";
    const QString countdown = child<QLabel>(prompt.data(), "mfaCountdown")->text();
    EXPECT_TRUE(
        QRegularExpression(QStringLiteral("^\\d+:\\d\\d left$")).match(countdown).hasMatch())
        << countdown.toStdString();
    expectAccessibleNames(prompt);

    QPointer<ui::LinkWidgetDialog> dialog = relaunchWithCode(prompt, QStringLiteral("1234"));
    ASSERT_TRUE(waitUntil([&] { return !dialog || dialog->result().has_value(); }, 30000));
    ASSERT_EQ(waitOutcome(key), JobOutcome::Completed)
        << cell(key, JobsModel::ResultColumn).toStdString();
    EXPECT_EQ(role(key, JobsModel::ProgressRole).toInt(), 100);
    EXPECT_TRUE(waitUntil([&] { return !prompt || !prompt->isVisible(); }, 5000))
        << "the prompt goes away once done";
}

TEST_F(JobsPanelTest, MfaCode0002LocksOutWithoutRelaunch)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    const quint64 key = panel->startJob(JobType::Balance, c);
    QPointer<ui::MfaPromptDialog> prompt = waitPrompt(key);
    ASSERT_FALSE(prompt.isNull());
    relaunchWithCode(prompt, QStringLiteral("0002"));
    ASSERT_TRUE(waitUntil([&] { return prompt && prompt->isLockedOut(); }, 30000));
    EXPECT_FALSE(prompt->relaunchButton()->isVisible()) << "no relaunch after a lockout";
    const QString status = child<QLabel>(prompt.data(), "mfaStatus")->text();
    EXPECT_TRUE(status.contains(QLatin1String("AC-108"))) << status.toStdString();
    EXPECT_TRUE(status.contains(QLatin1String("locked"))) << status.toStdString();

    ASSERT_EQ(waitOutcome(key), JobOutcome::MfaLocked)
        << cell(key, JobsModel::ResultColumn).toStdString();
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("MFA locked"));
    EXPECT_EQ(role(key, JobsModel::SeverityRole).toInt(), int(JobsModel::Severity::Error));
    ASSERT_FALSE(prompt.isNull());
    EXPECT_TRUE(prompt->isVisible());
    EXPECT_FALSE(prompt->relaunchButton()->isVisible());
    EXPECT_FALSE(rig.session().jobs()->runningJob(c, JobType::Balance).has_value())
        << "nothing retried";
    EXPECT_EQ(model()->rowCount(), 1);
}

TEST_F(JobsPanelTest, ManualLinkIsRefusedWithItsReason)
{
    // Link by routing/account number through the widget dialog (canFetchBalance false).
    ui::LinkWidgetDialog link(*rig.session().client(), *rig.session().widgetEvents());
    expectAccessibleNames(&link);
    link.startLink(true);
    link.show();
    ASSERT_TRUE(waitUntil([&] { return link.isWaitingForInput(); }, 30000));
    ASSERT_EQ(link.state(), QStringLiteral("manual"));
    QTest::keyClicks(child<QLineEdit>(&link, "widgetRouting"), QStringLiteral("12"));
    QTest::keyClicks(child<QLineEdit>(&link, "widgetAccount"), QStringLiteral("12345678"));
    QTest::mouseClick(child<QPushButton>(&link, "widgetContinue"), Qt::LeftButton);
    // A short routing number is not accepted: the step's error shows and the form stays.
    ASSERT_TRUE(waitUntil([&] { return link.isWaitingForInput(); }, 30000));
    EXPECT_FALSE(child<QLabel>(&link, "widgetError")->text().isEmpty());
    child<QLineEdit>(&link, "widgetRouting")->setText(QStringLiteral("021000021"));
    QTest::mouseClick(child<QPushButton>(&link, "widgetContinue"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return link.result().has_value(); }, 30000));
    ASSERT_TRUE(link.result()->linked()) << link.result()->message.toStdString();
    EXPECT_FALSE(link.isVisible());
    const QString c = link.result()->success.connectionId;
    ASSERT_FALSE(c.isEmpty());

    const quint64 key = startFromUi(JobType::Balance, c);
    ASSERT_EQ(waitOutcome(key), JobOutcome::Skipped);
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Skipped"));
    const QString result = cell(key, JobsModel::ResultColumn);
    EXPECT_TRUE(result.contains(QLatin1String("canFetchBalance is false"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("Next step"))) << result.toStdString();
    EXPECT_EQ(role(key, JobsModel::SeverityRole).toInt(), int(JobsModel::Severity::Warning));
    EXPECT_TRUE(child<QLabel>(panel.get(), "jobsSummary")
                    ->text()
                    .contains(QLatin1String("canFetchBalance")));
}

TEST_F(JobsPanelTest, SecondBalanceJobShowsAlreadyRunningAsInformation)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    const quint64 first = panel->startJob(JobType::Balance, c);
    // Once the server has named the job, and while it still runs, a second one is refused.
    ASSERT_TRUE(waitUntil(
        [&] {
            return !role(first, JobsModel::JobIdRole).toString().isEmpty() || model()->outcomeAt(0);
        },
        30000));
    ASSERT_TRUE(role(first, JobsModel::RunningRole).toBool())
        << cell(first, JobsModel::ResultColumn).toStdString();
    const QString jobId = role(first, JobsModel::JobIdRole).toString();
    const quint64 second = startFromUi(JobType::Balance, c);
    ASSERT_NE(second, first);
    ASSERT_EQ(waitOutcome(second), JobOutcome::AlreadyRunning);
    EXPECT_EQ(cell(second, JobsModel::ResultColumn),
              QStringLiteral("already running: %1").arg(jobId));
    EXPECT_EQ(role(second, JobsModel::SeverityRole).toInt(), int(JobsModel::Severity::Information));
    const QModelIndex result = model()->index(model()->rowForKey(second), JobsModel::ResultColumn);
    EXPECT_TRUE(
        result.data(Qt::AccessibleTextRole).toString().startsWith(QLatin1String("Information")))
        << "not an error";
    EXPECT_EQ(waitOutcome(first), JobOutcome::Completed)
        << cell(first, JobsModel::ResultColumn).toStdString();
    EXPECT_EQ(model()->rowCount(), 2);
}

TEST_F(JobsPanelTest, CancelStopsTheSelectedRunningJob)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    const quint64 key = startFromUi(JobType::Identity, c);
    auto *cancel = child<QPushButton>(panel.get(), "jobCancel");
    ASSERT_TRUE(role(key, JobsModel::RunningRole).toBool());
    ASSERT_TRUE(cancel->isEnabled()) << cancel->toolTip().toStdString();
    QTest::mouseClick(cancel, Qt::LeftButton);
    ASSERT_EQ(waitOutcome(key), JobOutcome::Cancelled);
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Cancelled"));
    EXPECT_FALSE(cancel->isEnabled());
    EXPECT_FALSE(rig.session().jobs()->runningJob(c, JobType::Identity).has_value());
}

TEST_F(JobsPanelTest, RebindsOnEnvironmentChangeAndNamesEveryControl)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    const quint64 key = panel->startJob(JobType::Transactions, c);
    ASSERT_TRUE(role(key, JobsModel::RunningRole).toBool());
    rig.setEnvironment(); // a new runner
    const QModelIndex old = model()->index(0, JobsModel::StateColumn);
    EXPECT_EQ(old.data().toString(), QStringLiteral("Not watched"));
    EXPECT_FALSE(old.data(JobsModel::RunningRole).toBool());
    EXPECT_EQ(model()->runner(), rig.session().jobs());
    const quint64 next = panel->startJob(JobType::Identity, c);
    ASSERT_NE(next, 0u);
    EXPECT_EQ(waitOutcome(next), JobOutcome::Completed)
        << cell(next, JobsModel::ResultColumn).toStdString();
    EXPECT_EQ(model()->rowCount(), 2);
    expectAccessibleNames(panel.get());
}

TEST_F(JobsPanelTest, MfaCode0001ExplainsAc110AndOffersRelaunch)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    const quint64 key = panel->startJob(JobType::Balance, c);
    QPointer<ui::MfaPromptDialog> prompt = waitPrompt(key);
    ASSERT_FALSE(prompt.isNull());
    relaunchWithCode(prompt, QStringLiteral("0001"));
    ASSERT_TRUE(waitUntil(
        [&] {
            return prompt &&
                child<QLabel>(prompt.data(), "mfaStatus")->text().contains(QLatin1String("AC-110"));
        },
        30000))
        << (prompt ? child<QLabel>(prompt.data(), "mfaStatus")->text().toStdString()
                   : std::string("prompt gone"));
    EXPECT_TRUE(prompt->relaunchButton()->isVisible());
    EXPECT_TRUE(prompt->relaunchButton()->isEnabled());
    EXPECT_FALSE(prompt->isLockedOut());

    // The job ends with AC-110; Relaunch then starts it again (a person's click, never automatic).
    ASSERT_EQ(waitOutcome(key), JobOutcome::MfaTimedOut)
        << cell(key, JobsModel::ResultColumn).toStdString();
    EXPECT_TRUE(cell(key, JobsModel::ResultColumn).contains(QLatin1String("Next step")))
        << cell(key, JobsModel::ResultColumn).toStdString();
    ASSERT_FALSE(prompt.isNull());
    EXPECT_EQ(child<QLabel>(prompt.data(), "mfaCountdown")->text(),
              QStringLiteral("The MFA window has closed."));
    EXPECT_FALSE(rig.session().jobs()->runningJob(c, JobType::Balance).has_value())
        << "not started again by itself";
    ASSERT_TRUE(prompt->relaunchButton()->isEnabled());
    QSignalSpy opened(panel.get(), &ui::JobsPanel::mfaPromptOpened);
    QTest::mouseClick(prompt->relaunchButton(), Qt::LeftButton);
    EXPECT_EQ(model()->rowCount(), 2);
    ASSERT_TRUE(waitUntil([&] { return opened.count() == 1; }, 30000))
        << "the new job asks for MFA again";
}

TEST_F(JobsPanelTest, TimedOutShowsTheFriendlyMessageAndNextStep)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    jobs::PollPolicy tiny = rig.session().jobs()->policy();
    tiny.initialIntervalMs = 1;
    tiny.maxIntervalMs = 1;
    tiny.maxAttempts = 1;
    rig.session().jobs()->setPolicy(tiny);
    const quint64 key = startFromUi(JobType::Identity, c);
    ASSERT_EQ(waitOutcome(key), JobOutcome::TimedOut);
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Timed out"));
    const QString result = cell(key, JobsModel::ResultColumn);
    EXPECT_TRUE(result.contains(QLatin1String("did not finish"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("Next step:"))) << result.toStdString();
    EXPECT_EQ(role(key, JobsModel::SeverityRole).toInt(), int(JobsModel::Severity::Warning));
}

TEST_F(JobsPanelTest, WidgetDialogLinksThroughTheBankPicker)
{
    ui::LinkWidgetDialog link(*rig.session().client(), *rig.session().widgetEvents());
    link.startLink();
    link.show();
    ASSERT_TRUE(waitUntil([&] { return link.isWaitingForInput(); }, 30000));
    ASSERT_EQ(link.state(), QStringLiteral("bank"));
    auto *banks = child<QListWidget>(&link, "widgetBankList");
    QStringList names;
    for (int i = 0; i < banks->count(); ++i)
        names << banks->item(i)->text();
    EXPECT_EQ(names,
              (QStringList { QStringLiteral("Aerosync Bank (MFA)"),
                             QStringLiteral("Aerosync Bank (OAuth)"),
                             QStringLiteral("Aerosync Bank (Security Question)") }));
    banks->setCurrentRow(2);
    QTest::mouseClick(child<QPushButton>(&link, "widgetContinue"), Qt::LeftButton);
    QStringList states;
    bool wrongTried = false;
    while (!link.result()) {
        ASSERT_TRUE(
            waitUntil([&] { return link.isWaitingForInput() || link.result().has_value(); }, 30000))
            << link.state().toStdString();
        if (link.result())
            break;
        states << link.state();
        if (link.state() == QLatin1String("credentials")) {
            QTest::keyClicks(child<QLineEdit>(&link, "widgetUsername"), QStringLiteral("mxuser"));
            QTest::keyClicks(child<QLineEdit>(&link, "widgetPassword"),
                             QStringLiteral("challenge"));
        } else if (link.state() == QLatin1String("question")) {
            if (wrongTried) {
                EXPECT_FALSE(child<QLabel>(&link, "widgetError")->text().isEmpty())
                    << "the wrong answer is explained";
            }
            QTest::keyClicks(child<QLineEdit>(&link, "widgetAnswer"),
                             wrongTried ? QStringLiteral("correct") : QStringLiteral("rex"));
            wrongTried = true;
        } else {
            FAIL() << "unexpected state " << link.state().toStdString();
        }
        QTest::mouseClick(child<QPushButton>(&link, "widgetContinue"), Qt::LeftButton);
    }
    EXPECT_TRUE(states.contains(QStringLiteral("credentials")));
    EXPECT_EQ(states.count(QStringLiteral("question")), 2);
    ASSERT_TRUE(link.result()->linked()) << link.result()->message.toStdString();
    EXPECT_FALSE(link.result()->success.connectionId.isEmpty());
    EXPECT_TRUE(child<QLineEdit>(&link, "widgetPassword")->text().isEmpty())
        << "the password is not kept in the field";
}

TEST_F(JobsPanelTest, PollProgressIsReadableAtOnceAndAnnouncedWithinAFrame)
{
    // Poll progress is announced (dataChanged) at most once per frame over the rows polled
    // meanwhile; the model's data must still be current at once, and no poll may go unannounced.
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    std::map<int, int> unannounced; // row -> polls not yet covered by a dataChanged
    int polls = 0;
    int readableAtOnce = 0;
    int announcements = 0;
    QObject ctx;
    QObject::connect(rig.session().jobs(), &jobs::JobRunner::progress, &ctx,
                     [&](quint64 key, api::JobState, int attempt, qint64, qint64) {
                         ++polls;
                         const int row = model()->rowForKey(key);
                         // The model's own slot ran first: the row already shows this poll.
                         if (model()->index(row, JobsModel::AttemptsColumn).data().toInt() ==
                             attempt)
                             ++readableAtOnce;
                         ++unannounced[row];
                     });
    QObject::connect(model(), &QAbstractItemModel::dataChanged, &ctx,
                     [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                         ++announcements;
                         for (auto it = unannounced.begin(); it != unannounced.end();) {
                             const bool covered =
                                 it->first >= topLeft.row() && it->first <= bottomRight.row();
                             it = covered ? unannounced.erase(it) : std::next(it);
                         }
                     });
    std::vector<quint64> keys;
    for (const JobType type : { JobType::Balance, JobType::Transactions, JobType::Identity })
        keys.push_back(panel->startJob(type, c));
    for (const quint64 key : keys)
        ASSERT_TRUE(waitOutcome(key).has_value());
    QTest::qWait(3 * JobsModel::kProgressCoalesceMs);
    EXPECT_GE(polls, 3);
    EXPECT_EQ(readableAtOnce, polls) << "a poll's attempts are in the model before it is announced";
    EXPECT_TRUE(unannounced.empty()) << "every polled row was announced";
    EXPECT_LE(announcements, polls + int(keys.size())) << "at most one per poll and per outcome";
}

// Many jobs started in one turn (issue 14): the runner paces sends and answers and the panel
// refreshes its actions only for the selected row, yet every row ends showing its job's final
// state, and the selected (newest) row's actions and summary follow it to the end.
TEST_F(JobsPanelTest, ManyJobsAtOnceAllShowTheirFinalState)
{
    const JobType types[] = { JobType::Balance, JobType::Transactions, JobType::Identity };
    QStringList ids;
    for (int i = 0; i < 8; ++i) {
        ids << rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
        ASSERT_FALSE(ids.last().isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    }
    QList<quint64> keys;
    for (int i = 0; i < ids.size() * 3; ++i)
        keys << panel->startJob(types[i % 3], ids.at(i / 3));
    ASSERT_EQ(model()->rowCount(), keys.size()) << "a row per job at once";
    EXPECT_EQ(panel->table()->currentIndex().row(), 0) << "the turn's first new row at once";
    EXPECT_TRUE(
        waitUntil([&] { return panel->table()->currentIndex().row() == keys.size() - 1; }, 5000))
        << "the newest row selected on the next turn";
    auto *cancel = child<QPushButton>(panel.get(), "jobCancel");
    EXPECT_TRUE(cancel->isEnabled()) << "the selected job is running";
    for (quint64 key : std::as_const(keys))
        ASSERT_EQ(waitOutcome(key), JobOutcome::Completed)
            << cell(key, JobsModel::ResultColumn).toStdString();
    for (quint64 key : std::as_const(keys)) {
        EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Completed")) << key;
        EXPECT_EQ(role(key, JobsModel::ProgressRole).toInt(), 100) << key;
        EXPECT_FALSE(role(key, JobsModel::RunningRole).toBool()) << key;
        EXPECT_GE(cell(key, JobsModel::AttemptsColumn).toInt(), 1) << key;
    }
    EXPECT_FALSE(cancel->isEnabled()) << "the selected job has ended";
    EXPECT_TRUE(cancel->toolTip().contains(QLatin1String("ended")))
        << cancel->toolTip().toStdString();
    const QString lastJobId = role(keys.last(), JobsModel::JobIdRole).toString();
    ASSERT_FALSE(lastJobId.isEmpty());
    EXPECT_TRUE(child<QLabel>(panel.get(), "jobsSummary")->text().contains(lastJobId));
    EXPECT_EQ(rig.session().jobs()->activeCount(), 0);
}

// The console creates the Jobs panel only when it is first needed (ConsoleWiring: first shown,
// or when a job starts): a panel created while a job already runs and waits for MFA shows that
// job, and its MFA prompt opens at once (JobRunner::running()).
TEST(JobsPanelLate, APanelCreatedWhileAJobWaitsForMfaShowsItAndOpensThePrompt)
{
    test::SessionRig rig;
    ASSERT_TRUE(rig.start({ QStringLiteral("--seed"), QStringLiteral("7"),
                            QStringLiteral("--time-scale"), QStringLiteral("0.2") }));
    rig.setEnvironment();
    jobs::PollPolicy p;
    p.initialIntervalMs = 200;
    p.maxIntervalMs = 500;
    p.mfaWindowMs = 24000;
    p.mfaGraceMs = 20000;
    jobs::JobRunner *runner = rig.session().jobs();
    ASSERT_NE(runner, nullptr);
    runner->setPolicy(p);
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    const quint64 key = runner->start(JobType::Balance, c);
    ASSERT_TRUE(waitUntil(
        [&] {
            const auto running = runner->running();
            return running.size() == 1 && running.first().mfaPending;
        },
        30000))
        << "the job did not reach MFA";
    EXPECT_EQ(runner->running().first().key, key);
    EXPECT_FALSE(runner->running().first().jobId.isEmpty());

    ui::JobsPanel panel(rig.session());
    panel.show();
    JobsModel *model = panel.model();
    ASSERT_EQ(model->rowCount(), 1) << "the running job is shown";
    const int row = model->rowForKey(key);
    ASSERT_EQ(row, 0);
    EXPECT_EQ(model->index(row, JobsModel::StateColumn).data().toString(),
              QStringLiteral("Waiting for MFA"));
    EXPECT_EQ(model->index(row, 0).data(JobsModel::KeyRole).toULongLong(), key);
    ui::MfaPromptDialog *prompt = panel.mfaPrompt(key);
    ASSERT_NE(prompt, nullptr) << "the prompt opens as if the panel had been there";
    EXPECT_TRUE(prompt->isVisible());

    // The job's later life reaches the late panel as well.
    runner->cancel(key);
    ASSERT_TRUE(waitUntil([&] { return model->outcomeAt(row).has_value(); }, 10000));
    EXPECT_EQ(model->outcomeAt(row), JobOutcome::Cancelled);
    EXPECT_EQ(model->rowCount(), 1) << "no second row for the same job";
}
