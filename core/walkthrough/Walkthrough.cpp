#include "core/walkthrough/Walkthrough.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/IdMask.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/RetUrlClient.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QTimer>

#include <optional>

namespace aerodesk::walkthrough {

using State = WalkthroughStep::State;

struct Walkthrough::Context
{
    std::unique_ptr<api::LinkWidgetSession> widget;
    QString bank;
    bool bankChosen = false;
    Done launchDone; ///< waiting for the bank picker
    Done linkDone; ///< waiting for the widget to finish
    QString connectionId;
    quint64 jobKey = 0;
    QString jobId;
    bool mfaSeen = false;
    std::optional<jobs::JobResult> result;
    std::function<void()> jobEvent; ///< re-checks the waiting step when the job moves
    QList<QMetaObject::Connection> links;
    crypto::RsaPrivateKey partner;
    crypto::RsaPublicKey provider;
    crypto::SecureBytes userCode;
    std::optional<embedded::EventPayload> payload;
    ~Context()
    {
        for (const auto &c : links)
            QObject::disconnect(c);
    }
};

QString Walkthrough::title(Kind kind)
{
    switch (kind) {
    case Kind::MfaBank:
        return tr("Aerosync Bank (MFA)");
    case Kind::OAuthBank:
        return tr("Aerosync Bank (OAuth)");
    case Kind::SecurityQuestionBank:
        return tr("Aerosync Bank (Security Question)");
    case Kind::EmbeddedBanking:
        return tr("Embedded banking: connect + silent authentication");
    }
    return {};
}

Walkthrough::Walkthrough(Kind kind, session::Session &session, QObject *parent)
    : QObject(parent)
    , m_kind(kind)
    , m_session(session)
{
    switch (kind) {
    case Kind::MfaBank:
        buildBank(QStringLiteral("mfa"), QStringLiteral("balance"), true);
        break;
    case Kind::OAuthBank:
        buildBank(QStringLiteral("oauth"), QStringLiteral("balance"), false);
        break;
    case Kind::SecurityQuestionBank:
        buildBank(QStringLiteral("security-question"), QStringLiteral("transactions"), true);
        break;
    case Kind::EmbeddedBanking:
        buildEmbedded();
        break;
    }
}

Walkthrough::~Walkthrough() = default;

void Walkthrough::add(const QString &title, const QString &explanation, Action action)
{
    m_steps.append({ title, explanation, State::Pending, {}, {} });
    m_actions.append(std::move(action));
}

void Walkthrough::run()
{
    if (m_running)
        return;
    m_running = true;
    ++m_generation;
    m_ctx = std::make_unique<Context>();
    for (int i = 0; i < m_steps.size(); ++i) {
        m_steps[i].state = State::Pending;
        m_steps[i].result.clear();
        m_steps[i].nextStep.clear();
        Q_EMIT stepChanged(i);
    }
    QTimer::singleShot(0, this, [this, g = m_generation] {
        if (g == m_generation)
            runStep(0);
    });
}

void Walkthrough::runStep(int index)
{
    if (index >= m_steps.size()) {
        qCInfo(aerodesk::log::walkthrough).noquote()
            << title(m_kind) << "finished: every step done";
        m_running = false;
        Q_EMIT finished(true);
        return;
    }
    if (!m_session.isReady()) {
        qCWarning(aerodesk::log::walkthrough).noquote()
            << title(m_kind) << "stopped: the sandbox is not ready";
        m_steps[index].state = State::Failed;
        m_steps[index].result = tr("The sandbox is not ready yet.");
        m_steps[index].nextStep =
            tr("Wait for the banner to show the sandbox's address, then run again.");
        Q_EMIT stepChanged(index);
        for (int i = index + 1; i < m_steps.size(); ++i) {
            m_steps[i].state = State::Skipped;
            Q_EMIT stepChanged(i);
        }
        m_running = false;
        Q_EMIT finished(false);
        return;
    }
    m_steps[index].state = State::Running;
    Q_EMIT stepChanged(index);
    QPointer<Walkthrough> self(this);
    const quint64 generation = m_generation;
    auto called = std::make_shared<bool>(false);
    m_actions[index](
        [self, index, generation, called](bool ok, const QString &result, const QString &nextStep) {
            if (!self || generation != self->m_generation || *called)
                return;
            *called = true;
            // Leave the caller's stack before the next step starts.
            QTimer::singleShot(0, self, [self, index, generation, ok, result, nextStep] {
                if (!self || generation != self->m_generation)
                    return;
                WalkthroughStep &step = self->m_steps[index];
                step.state = ok ? State::Done : State::Failed;
                step.result = result;
                step.nextStep = nextStep;
                // Step results are written to be shown: ids in them are already masked.
                if (ok)
                    qCInfo(aerodesk::log::walkthrough).noquote()
                        << Walkthrough::title(self->m_kind) << "step" << index + 1
                        << "done:" << step.title << "-" << result;
                else
                    qCWarning(aerodesk::log::walkthrough).noquote()
                        << Walkthrough::title(self->m_kind) << "step" << index + 1
                        << "failed:" << step.title << "-" << result;
                Q_EMIT self->stepChanged(index);
                if (ok)
                    return self->runStep(index + 1);
                for (int i = index + 1; i < self->m_steps.size(); ++i) {
                    self->m_steps[i].state = State::Skipped;
                    Q_EMIT self->stepChanged(i);
                }
                self->m_running = false;
                Q_EMIT self->finished(false);
            });
        });
}

void Walkthrough::buildBank(const QString &bank, const QString &jobType, bool jobAsksMfa)
{
    const QString values = bank == QLatin1String("mfa")
        ? tr("username mxuser, password challenge, then the code 1234")
        : bank == QLatin1String("oauth")
        ? tr("username mxuser, password challenge, then approve the bank's consent page")
        : tr("username mxuser, password challenge, then the answer \"correct\"");

    add(tr("Launch the widget with a fresh widget token"),
        tr("Every widget session gets its own token from POST /v2/token_widget; the sandbox, like "
           "Aerosync, accepts it once."),
        [this, bank](Done done) {
            Context &ctx = *m_ctx;
            ctx.bank = bank;
            ctx.launchDone = done;
            ctx.widget = std::make_unique<api::LinkWidgetSession>(*m_session.client(),
                                                                  *m_session.widgetEvents());
            Context *c = &ctx;
            connect(ctx.widget.get(), &api::LinkWidgetSession::stepReady, this,
                    [c](const api::LinkWidgetStep &step) {
                        // Plays the widget's part with the sandbox's documented test values.
                        if (step.state == QLatin1String("bank")) {
                            if (!c->bankChosen && c->launchDone)
                                return std::exchange(c->launchDone, nullptr)(
                                    true, tr("the widget opened on the bank picker"), {});
                            return c->widget->chooseBank(c->bank);
                        }
                        if (step.state == QLatin1String("credentials"))
                            return c->widget->signIn(QStringLiteral("mxuser"),
                                                     QStringLiteral("challenge"));
                        if (step.state == QLatin1String("mfa"))
                            return c->widget->submitMfaCode(QStringLiteral("1234"));
                        if (step.state == QLatin1String("question"))
                            return c->widget->answerQuestion(QStringLiteral("correct"));
                        if (step.state == QLatin1String("oauth"))
                            return c->widget->answerOAuth(true);
                        c->widget->close();
                    });
            connect(ctx.widget.get(), &api::LinkWidgetSession::finished, this,
                    [c](const api::LinkWidgetResult &r) {
                        Done waiting = c->launchDone ? std::exchange(c->launchDone, nullptr)
                                                     : std::exchange(c->linkDone, nullptr);
                        if (!waiting)
                            return;
                        if (r.linked()) {
                            c->connectionId = r.success.connectionId;
                            return waiting(true,
                                           tr("pageSuccess for connection %1")
                                               .arg(connections::IdMask::mask(c->connectionId)),
                                           {});
                        }
                        waiting(false, r.error.cause.isEmpty() ? r.message : r.error.cause,
                                r.error.nextStep);
                    });
            ctx.widget->startLink();
        });

    add(tr("Sign in on %1").arg(title(m_kind)), tr("Test values: %1.").arg(values),
        [this](Done done) {
            m_ctx->linkDone = done;
            m_ctx->bankChosen = true;
            m_ctx->widget->chooseBank(m_ctx->bank);
        });

    add(tr("Connection persisted before anything else"),
        tr("The console writes the pageSuccess connection to its encrypted store before it makes "
           "any other call."),
        [this](Done done) {
            store::Store *s = m_session.store();
            if (!s)
                return done(false, tr("The encrypted store is not open."), m_session.lastError());
            if (!s->connections().contains(m_ctx->connectionId))
                return done(false, tr("The connection is not in the store."),
                            tr("Check the store's error in the Connections panel."));
            done(true,
                 tr("connection %1 is in the encrypted store")
                     .arg(connections::IdMask::mask(m_ctx->connectionId)),
                 {});
        });

    add(tr("Start a %1 job").arg(jobType),
        tr("POST the job, then poll it (bounded at 90 s or 30 attempts)."),
        [this, jobType](Done done) {
            Context *c = m_ctx.get();
            jobs::JobRunner *runner = m_session.jobs();
            // One pending "job created" answer, shared by the progress and finished handlers.
            auto created = std::make_shared<Done>(std::move(done));
            c->links << connect(
                runner, &jobs::JobRunner::progress, this,
                [c, runner, created](quint64 key, api::JobState, int, qint64, qint64) {
                    if (key != c->jobKey || !*created)
                        return;
                    c->jobId = runner->jobId(key);
                    if (!c->jobId.isEmpty())
                        std::exchange(*created, nullptr)(true, tr("job %1 created").arg(c->jobId),
                                                         {});
                });
            c->links << connect(
                runner, &jobs::JobRunner::mfaRequired, this,
                [c](quint64 key, const QString &, const QString &, const QDateTime &) {
                    if (key == c->jobKey) {
                        c->mfaSeen = true;
                        if (c->jobEvent)
                            c->jobEvent();
                    }
                });
            c->links << connect(
                runner, &jobs::JobRunner::finished, this, [c, created](const jobs::JobResult &r) {
                    if (r.key != c->jobKey)
                        return;
                    c->result = r;
                    if (*created)
                        return std::exchange(*created, nullptr)(false, r.message, r.nextStep);
                    if (c->jobEvent)
                        c->jobEvent();
                });
            c->jobKey =
                runner->start(jobType == QLatin1String("balance") ? api::JobType::Balance
                                                                  : api::JobType::Transactions,
                              c->connectionId);
        });

    if (jobAsksMfa) {
        add(tr("The bank asks for MFA during the job"),
            tr("The job's status shows mfaTriggered: the console prompts at once and tracks the "
               "MFA window."),
            [this](Done done) {
                Context *c = m_ctx.get();
                auto check = [c, done]() mutable {
                    if (!done)
                        return;
                    if (c->mfaSeen)
                        return std::exchange(done, nullptr)(
                            true, tr("MFA requested for job %1").arg(c->jobId), {});
                    if (c->result)
                        return std::exchange(done, nullptr)(false, c->result->message,
                                                            c->result->nextStep);
                };
                c->jobEvent = check;
                check();
            });
        add(tr("Relaunch the widget with handleMFA"),
            tr("A fresh widget token, launched with handleMFA, jobId and connectionId; the same "
               "answer as at sign-in."),
            [this](Done done) {
                Context *c = m_ctx.get();
                c->linkDone = done;
                c->bankChosen = true;
                c->widget->startMfaRelaunch(c->jobId, c->connectionId);
            });
    }

    add(tr("The job completes"), tr("Polling resumes after the relaunch and the data is fetched."),
        [this](Done done) {
            Context *c = m_ctx.get();
            if (c->mfaSeen)
                m_session.jobs()->mfaCompleted(c->jobKey);
            auto check = [c, done]() mutable {
                if (!done || !c->result)
                    return;
                const jobs::JobResult &r = *c->result;
                if (r.outcome == jobs::JobOutcome::Completed)
                    return std::exchange(done, nullptr)(
                        true, tr("job %1 completed after %2 polls").arg(r.jobId).arg(r.attempts),
                        {});
                std::exchange(done, nullptr)(false, r.message, r.nextStep);
            };
            c->jobEvent = check;
            check();
        });
}

void Walkthrough::buildEmbedded()
{
    add(tr("Partner and provider keys in the keychain"),
        tr("The sandbox hands out its key pair; a real partner imports its PEM once. Keys live "
           "only in the keychain."),
        [this](Done done) {
            embedded::EmbeddedKeyStore *keys = m_session.embeddedKeys();
            Context *c = m_ctx.get();
            m_session.sandboxEvents()->installSandboxKeys(
                *keys, [keys, c, done](const QString &error) {
                    if (!error.isEmpty())
                        return done(false, error, {});
                    keys->loadPartnerKey([keys, c, done](Result<crypto::RsaPrivateKey, QString> k) {
                        if (!k)
                            return done(false, k.error(), {});
                        c->partner = k.value();
                        keys->loadProviderKey([c, done](Result<crypto::RsaPublicKey, QString> p) {
                            if (!p)
                                return done(false, p.error(), {});
                            c->provider = p.value();
                            done(true,
                                 tr("partner key %1…")
                                     .arg(QString::fromLatin1(
                                         c->partner.publicKey().fingerprintSha256().left(12))),
                                 {});
                        });
                    });
                });
        });

    auto decryptEvent = [this](bool connect) {
        return [this, connect](Done done) {
            Context *c = m_ctx.get();
            auto got = [c, done, connect](
                           Result<embedded::EmulatorEventSource::SampleEvent, api::ApiError> e) {
                if (!e)
                    return done(false, e.error().message, e.error().info.nextStep);
                auto p = embedded::PayloadDecryptor::decrypt(c->partner, e->payloadHex);
                if (!p)
                    return done(false, p.error().message, {});
                if (connect)
                    c->userCode = p->userCode().clone();
                const QString what = connect
                    ? tr("connect event: retUrl and userCode (masked)")
                    : tr("silent-auth event: attemptId %1").arg(p->attemptId());
                c->payload.emplace(std::move(p).value());
                done(true, what, {});
            };
            if (connect)
                m_session.sandboxEvents()->connectEvent(QStringLiteral("walkthrough"), got);
            else
                m_session.sandboxEvents()->authEvent(QStringLiteral("walkthrough"), got);
        };
    };
    auto answer = [this](bool connect) {
        return [this, connect](Done done) {
            Context *c = m_ctx.get();
            if (!c->payload)
                return done(false, tr("No event to answer."), {});
            std::optional<embedded::RetUrlReply> reply;
            if (connect) {
                reply = embedded::RetUrlReply::connect();
            } else {
                auto r = embedded::RetUrlReply::silentAuth(c->provider, c->payload->attemptId(),
                                                           c->userCode);
                if (!r)
                    return done(false, r.error().message, {});
                reply = r.value();
            }
            m_session.retUrls()->answer(
                c->payload->retUrl(), *reply, [done](Result<api::HttpResponse, api::ApiError> r) {
                    if (!r)
                        return done(false,
                                    QStringLiteral("%1 %2").arg(r.error().code, r.error().message),
                                    r.error().info.nextStep);
                    done(true, tr("retUrl answered %1").arg(r->status), {});
                });
        };
    };
    add(tr("Decrypt a connect event"),
        tr("RSA-OAEP (SHA-1) with the partner private key → {userCode, retUrl}."),
        decryptEvent(true));
    add(tr("Answer the connect retUrl"), tr("POST {\"status\": \"OK\"}: the provider answers 204."),
        answer(true));
    add(tr("Decrypt a silent-authentication event"), tr("→ {attemptId, retUrl}."),
        decryptEvent(false));
    add(tr("Answer with the encrypted {attemptId, userCode}"),
        tr("Encrypted to the provider's public key, hex, posted as {payload, status}: 204."),
        answer(false));
}

} // namespace aerodesk::walkthrough
