// Each polling bound of JobRunner as the person at the desk sees it in the Jobs panel, against the
// real sandbox at its real pace (time scale 1: jobs take 5–15 s, MFA comes after 2 s) with a
// scaled PollPolicy on the session's runner (JobRunner::setPolicy): the time bound (90 s in
// production) and the attempts bound (30) end with the friendly timeout; the MFA window bound ends
// with AC-110's relaunch offer, the MFA widget dismissed.

#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/JobsPanel.h"
#include "ui/jobs/LinkWidgetDialog.h"
#include "ui/jobs/MfaPromptDialog.h"

#include <QLabel>
#include <QPointer>
#include <QPushButton>

using namespace aerodesk;
using aerodesk::api::JobType;
using aerodesk::jobs::JobOutcome;
using aerodesk::test::waitUntil;
using aerodesk::ui::JobsModel;

namespace {

class JobBoundsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start({ QStringLiteral("--seed"), QStringLiteral("5"),
                                QStringLiteral("--time-scale"), timeScale() }));
        rig.setEnvironment();
        panel = std::make_unique<ui::JobsPanel>(rig.session());
        panel->show();
    }

    void setPolicy(qint64 durationMs, int attempts, qint64 mfaWindowMs = 120000,
                   qint64 graceMs = 30000)
    {
        jobs::PollPolicy p;
        p.initialIntervalMs = 100;
        p.maxIntervalMs = 100;
        p.maxDurationMs = durationMs;
        p.maxAttempts = attempts;
        p.mfaWindowMs = mfaWindowMs;
        p.mfaGraceMs = graceMs;
        rig.session().jobs()->setPolicy(p);
    }

    std::optional<JobOutcome> waitOutcome(quint64 key)
    {
        EXPECT_TRUE(waitUntil(
            [&] { return panel->model()->outcomeAt(panel->model()->rowForKey(key)).has_value(); },
            30000));
        return panel->model()->outcomeAt(panel->model()->rowForKey(key));
    }
    QString cell(quint64 key, int column)
    {
        return panel->model()->index(panel->model()->rowForKey(key), column).data().toString();
    }

    virtual QString timeScale() const { return QStringLiteral("1"); }

    test::SessionRig rig;
    std::unique_ptr<ui::JobsPanel> panel;
};

/// The sandbox three times slower (MFA after 6 s, jobs 15–45 s), so one bound fits before MFA and
/// the fresh one after it ends before the job does.
class JobBoundsSlowTest : public JobBoundsTest
{
protected:
    QString timeScale() const override { return QStringLiteral("3"); }
};

} // namespace

TEST_F(JobBoundsTest, TimeBoundEndsWithTheFriendlyTimeout)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    setPolicy(2000, 1000); // "90 s" scaled; attempts never the limit
    const quint64 key = panel->startJob(JobType::Identity, c);
    ASSERT_EQ(waitOutcome(key), JobOutcome::TimedOut)
        << cell(key, JobsModel::ResultColumn).toStdString();
    const QString result = cell(key, JobsModel::ResultColumn);
    EXPECT_TRUE(result.contains(QLatin1String("did not finish within 2 s")))
        << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("Next step:"))) << result.toStdString();
    EXPECT_EQ(cell(key, JobsModel::StateColumn), QStringLiteral("Timed out"));
    EXPECT_LT(cell(key, JobsModel::AttemptsColumn).toInt(), 1000);
    EXPECT_FALSE(rig.session().jobs()->runningJob(c, JobType::Identity).has_value());
}

TEST_F(JobBoundsTest, AttemptsBoundEndsWithTheFriendlyTimeout)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(c.isEmpty());
    setPolicy(600000, 3); // "30 attempts" scaled; time never the limit
    const quint64 key = panel->startJob(JobType::Identity, c);
    ASSERT_EQ(waitOutcome(key), JobOutcome::TimedOut)
        << cell(key, JobsModel::ResultColumn).toStdString();
    const QString result = cell(key, JobsModel::ResultColumn);
    EXPECT_TRUE(result.contains(QLatin1String("did not finish within 3 checks")))
        << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("Next step:"))) << result.toStdString();
    EXPECT_EQ(cell(key, JobsModel::AttemptsColumn).toInt(), 3);
}

TEST_F(JobBoundsTest, MfaWindowBoundEndsWithTheAc110RelaunchOffer)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    // The bank's window (120 s) scaled to 1.5 s plus 0.5 s grace; nobody answers.
    setPolicy(20000, 1000, 1500, 500);
    const quint64 key = panel->startJob(JobType::Balance, c);
    ASSERT_TRUE(waitUntil([&] { return panel->mfaPrompt(key) != nullptr; }, 20000));
    QPointer<ui::MfaPromptDialog> prompt = panel->mfaPrompt(key);
    QPointer<ui::LinkWidgetDialog> widget = prompt->widgetDialog();
    ASSERT_FALSE(widget.isNull()) << "the MFA widget opened at once";
    ASSERT_EQ(waitOutcome(key), JobOutcome::MfaTimedOut)
        << cell(key, JobsModel::ResultColumn).toStdString();
    ASSERT_FALSE(prompt.isNull());
    EXPECT_EQ(test::labelText(prompt, QStringLiteral("mfaCountdown")),
              QStringLiteral("The MFA window has closed."));
    const QString status = test::labelText(prompt, QStringLiteral("mfaStatus"));
    EXPECT_TRUE(status.contains(QLatin1String("AC-110"))) << status.toStdString();
    EXPECT_TRUE(prompt->relaunchButton()->isVisible());
    EXPECT_TRUE(prompt->relaunchButton()->isEnabled()) << "AC-110: relaunch offered";
    EXPECT_FALSE(prompt->isLockedOut());
    EXPECT_TRUE(waitUntil([&] { return !widget || !widget->isVisible(); }, 10000))
        << "the widget of an ended job is dismissed";
    EXPECT_TRUE(!widget || !widget->retryPrompt()) << "and no retry prompt for it";
    EXPECT_FALSE(rig.session().jobs()->runningJob(c, JobType::Balance).has_value())
        << "not started again by itself";
}

TEST_F(JobBoundsSlowTest, AFreshTimeBoundAfterMfaEndsWithTheFriendlyTimeout)
{
    const QString c = rig.harness().sandbox.linkConnection(QStringLiteral("mfa"));
    ASSERT_FALSE(c.isEmpty());
    // 7 s before MFA (MFA comes at 6 s), then a fresh 7 s after it (the job needs 9 s or more).
    setPolicy(7000, 1000, 360000, 30000);
    std::optional<jobs::JobResult> ended;
    QObject ctx;
    QObject::connect(rig.session().jobs(), &jobs::JobRunner::finished, &ctx,
                     [&](const jobs::JobResult &r) { ended = r; });
    const quint64 key = panel->startJob(JobType::Balance, c);
    ASSERT_TRUE(waitUntil([&] { return panel->mfaPrompt(key) != nullptr; }, 20000));
    QPointer<ui::LinkWidgetDialog> widget = panel->mfaPrompt(key)->widgetDialog();
    ASSERT_TRUE(waitUntil([&] { return widget && widget->isWaitingForInput(); }, 20000));
    ASSERT_TRUE(test::typeInto(widget, QStringLiteral("widgetMfaCode"), QStringLiteral("1234")));
    ASSERT_TRUE(test::clickNamed(widget, QStringLiteral("widgetContinue")));
    ASSERT_EQ(waitOutcome(key), JobOutcome::TimedOut)
        << cell(key, JobsModel::ResultColumn).toStdString();
    const QString result = cell(key, JobsModel::ResultColumn);
    EXPECT_TRUE(result.contains(QLatin1String("did not finish within 7 s")))
        << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("Next step:"))) << result.toStdString();
    ASSERT_TRUE(ended.has_value());
    EXPECT_GT(ended->elapsedMs, 7000 + 5000) << "the bound started afresh after MFA";
    EXPECT_LT(ended->elapsedMs, rig.session().jobs()->policy().totalBoundMs());
}
