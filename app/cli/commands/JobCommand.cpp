#include "JobCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../ConnectionIdInput.h"
#include "core/connections/IdMask.h"
#include "core/jobs/JobRunner.h"

#include <QJsonArray>

#include <memory>

namespace aerodesk::cli {

namespace {

QJsonObject dataOf(const jobs::JobResult &r)
{
    if (r.balance) {
        QJsonObject b { { QStringLiteral("currency"), r.balance->currency } };
        if (r.balance->availableBalance)
            b.insert(QStringLiteral("availableBalance"), *r.balance->availableBalance);
        if (r.balance->currentBalance)
            b.insert(QStringLiteral("currentBalance"), *r.balance->currentBalance);
        if (r.balance->lastRefresh.isValid())
            b.insert(QStringLiteral("lastRefresh"), r.balance->lastRefresh.toString(Qt::ISODate));
        return { { QStringLiteral("balance"), b } };
    }
    if (r.transactions)
        return { { QStringLiteral("transactions"),
                   QJsonObject {
                       { QStringLiteral("count"), r.transactions->transactions.size() } } } };
    if (r.identity)
        return { { QStringLiteral("identity"),
                   QJsonObject {
                       { QStringLiteral("accountHolderName"), r.identity->accountHolderName },
                       { QStringLiteral("email"), r.identity->email } } } };
    return {};
}

} // namespace

void JobCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("max-seconds"),
                  QStringLiteral("Polling bound in seconds (default 90)."), QStringLiteral("s") });
    p.addOption({ QStringLiteral("max-attempts"),
                  QStringLiteral("Polling bound in attempts (default 30)."), QStringLiteral("n") });
    ConnectionIdInput::addOptions(p);
}

void JobCommand::run(CliContext &ctx, Finish finish)
{
    if (ctx.args.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Usage: aerodesk-cli job <balance|transactions|identity> "
                                     "--ids-file <file|->"));
        return finish(Usage);
    }
    const auto type = api::jobTypeFromName(ctx.args.at(0).toLower());
    if (!type) {
        ctx.out.error(
            QStringLiteral("usage"),
            QStringLiteral("Unknown job type \"%1\": use balance, transactions or identity.")
                .arg(ctx.args.at(0)));
        return finish(Usage);
    }
    const std::optional<QString> id = ConnectionIdInput::read(ctx, 1, finish);
    if (!id)
        return;
    jobs::PollPolicy policy;
    bool ok = true;
    if (ctx.options->isSet(QStringLiteral("max-seconds")))
        policy.maxDurationMs =
            qint64(ctx.options->value(QStringLiteral("max-seconds")).toDouble(&ok) * 1000);
    if (ok && ctx.options->isSet(QStringLiteral("max-attempts")))
        policy.maxAttempts = ctx.options->value(QStringLiteral("max-attempts")).toInt(&ok);
    if (!ok || policy.maxDurationMs <= 0 || policy.maxAttempts <= 0) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("--max-seconds and --max-attempts must be positive numbers."));
        return finish(Usage);
    }

    auto runner = std::make_shared<jobs::JobRunner>(*ctx.client, ctx.clock, policy);
    const QString masked = connections::IdMask::mask(id.value());
    QObject::connect(
        runner.get(), &jobs::JobRunner::progress, runner.get(),
        [&ctx](quint64, api::JobState state, int attempt, qint64 elapsedMs, qint64 remainingMs) {
            ctx.out.progress(QStringLiteral("  %1 · poll %2 · %3 s elapsed · ~%4 s left")
                                 .arg(api::jobStateName(state))
                                 .arg(attempt)
                                 .arg(elapsedMs / 1000.0, 0, 'f', 1)
                                 .arg(qMax<qint64>(0, remainingMs) / 1000));
        });
    QObject::connect(
        runner.get(), &jobs::JobRunner::mfaRequired, runner.get(),
        [&ctx, runner](quint64 key, const QString &jobId, const QString &,
                       const QDateTime &endsAt) {
            // A script cannot play the widget's part: report what a person must do.
            ctx.out.progress(
                QStringLiteral("  MFA required for %1: relaunch the widget with handleMFA "
                               "before %2 (the console does this for you).")
                    .arg(jobId, endsAt.toLocalTime().toString(Qt::ISODate)));
            runner->cancel(key);
        });
    QObject::connect(
        runner.get(), &jobs::JobRunner::finished, runner.get(),
        [&ctx, runner, masked, finish](const jobs::JobResult &r) {
            QJsonObject o { { QStringLiteral("ok"), r.outcome == jobs::JobOutcome::Completed },
                            { QStringLiteral("type"), api::jobTypeName(r.type) },
                            { QStringLiteral("connectionId"), masked },
                            { QStringLiteral("jobId"), r.jobId },
                            { QStringLiteral("outcome"), jobs::jobOutcomeName(r.outcome) },
                            { QStringLiteral("message"), r.message },
                            { QStringLiteral("attempts"), r.attempts },
                            { QStringLiteral("elapsedMs"), r.elapsedMs } };
            if (!r.nextStep.isEmpty())
                o.insert(QStringLiteral("nextStep"), r.nextStep);
            if (!r.error.code.isEmpty())
                o.insert(QStringLiteral("errorCode"), r.error.code);
            if (!r.runningJobId.isEmpty())
                o.insert(QStringLiteral("runningJobId"), r.runningJobId);
            const QJsonObject data = dataOf(r);
            for (auto it = data.begin(); it != data.end(); ++it)
                o.insert(it.key(), it.value());
            ctx.out.result(o);
            if (r.outcome != jobs::JobOutcome::Completed)
                ctx.out.progress(QStringLiteral("aerodesk-cli: %1").arg(r.message));
            int code = r.outcome == jobs::JobOutcome::Completed ? Ok : Negative;
            if (r.apiError && r.outcome == jobs::JobOutcome::Error)
                code = exitFor(*r.apiError);
            finish(code);
        });
    ctx.out.progress(QStringLiteral("%1 job on %2…").arg(api::jobTypeName(*type), masked));
    runner->start(*type, id.value());
}

} // namespace aerodesk::cli
