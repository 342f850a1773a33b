#include "EmbeddedContext.h"

#include "CliContext.h"
#include "CliExit.h"
#include "PayloadInput.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/ReplyStatus.h"
#include "core/embedded/RetUrlClient.h"

#include <cstdio>

namespace aerodesk::cli {

using embedded::EventOutcome;

EmbeddedContext::EmbeddedContext(CliContext &ctx, QObject *parent)
    : QObject(parent)
{
    Q_ASSERT(ctx.client);
    const api::Environment &env = ctx.client->environment();
    m_keys = std::make_unique<embedded::EmbeddedKeyStore>(*ctx.keychain);
    m_retUrls = std::make_unique<embedded::RetUrlClient>(
        ctx.client->transport(), embedded::RetUrlAllowList::forEnvironment(env));
    if (env.kind != api::Environment::Kind::Production)
        m_sandbox = std::make_unique<embedded::EmulatorEventSource>(*ctx.client);
    m_users = std::make_unique<embedded::PartnerUserDirectory>(*ctx.keychain);
    m_workflow = std::make_unique<embedded::EmbeddedWorkflow>(*ctx.keychain, *m_keys, *m_retUrls,
                                                              *m_users, m_sandbox.get());
}

EmbeddedContext::~EmbeddedContext()
{
    // Members that refer to others go first.
    m_workflow.reset();
    m_users.reset();
    m_sandbox.reset();
    m_retUrls.reset();
}

void EmbeddedContext::load(std::function<void()> ready)
{
    m_users->load([ready](const keychain::KeychainError &) { ready(); });
}

QJsonObject EmbeddedContext::toJson(const EventOutcome &o, const embedded::HexInput *input)
{
    QJsonObject j { { QStringLiteral("ok"), o.ok() },
                    { QStringLiteral("action"), o.action },
                    { QStringLiteral("user"), o.user },
                    { QStringLiteral("result"), EventOutcome::resultName(o.result) },
                    { QStringLiteral("statusSent"), o.statusSent },
                    { QStringLiteral("httpStatus"), o.httpStatus },
                    { QStringLiteral("code"), o.code },
                    { QStringLiteral("message"), o.message },
                    { QStringLiteral("codeStored"), o.codeStored },
                    { QStringLiteral("codeRemoved"), o.codeRemoved },
                    { QStringLiteral("summary"), o.summary() } };
    if (!o.nextStep.isEmpty())
        j.insert(QStringLiteral("nextStep"), o.nextStep);
    if (o.canSendNotOk) {
        j.insert(QStringLiteral("canSendNotOk"), true);
        j.insert(QStringLiteral("suggestedStatus"), o.suggestedStatus);
    }
    if (input)
        j.insert(QStringLiteral("hexInput"), PayloadInput::hexNote(*input));
    return j;
}

int EmbeddedContext::exitFor(const EventOutcome &o, bool okRequested)
{
    if (o.ok())
        return Ok;
    if (okRequested && o.action == QLatin1String("connect") &&
        o.statusSent == QLatin1String(embedded::ReplyStatus::kDataStoreUnavailable) &&
        !o.codeStored)
        return Keychain;
    if (o.result == EventOutcome::Result::ProviderRefused && o.httpStatus == 0 &&
        !o.statusSent.isEmpty())
        return Unreachable;
    return Negative;
}

void EmbeddedContext::report(CliContext &ctx, const EventOutcome &outcome,
                             std::shared_ptr<embedded::HexInput> input, bool okRequested,
                             CliCommand::Finish finish)
{
    m_users->whenWritten(
        [&ctx, outcome, input, okRequested, finish](const keychain::KeychainError &e) {
            EventOutcome o = outcome;
            if (!e.ok())
                o.message += QLatin1Char(' ') +
                    QStringLiteral("The partner-user list could not be written: %1").arg(e.message);
            ctx.out.result(toJson(o, input.get()));
            if (!o.ok() && !o.message.isEmpty()) {
                const QByteArray line = "aerodesk-cli: " + o.message.toUtf8() + '\n';
                std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
            }
            finish(exitFor(o, okRequested));
        });
}

} // namespace aerodesk::cli
