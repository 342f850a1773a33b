#include "core/walkthrough/Walkthrough.h"

#include "core/api/ApiClient.h"
#include "core/api/JsonRead.h"
#include "core/api/LinkWidgetSession.h"
#include "core/connections/IdMask.h"
#include "core/crypto/Random.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QTimer>

#include <optional>

namespace aerodesk::walkthrough {

using State = WalkthroughStep::State;

namespace {
constexpr qint64 kShortIdleTimeoutMs = 2000; ///< the sandbox's disconnect period, for one step
constexpr int kExpiryPollMs = 500;
constexpr int kExpiryWaitMs = 30000;
} // namespace

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
    /// The embedded walkthrough's partner user: "walkthrough-<4 random hex>", new every run.
    QString ebUser =
        QStringLiteral("walkthrough-%1").arg(QString::fromLatin1(crypto::Random::hex(2)));
    qint64 savedIdleTimeoutMs = 0; ///< the sandbox's own period while ours is set
    std::function<void(int leftMs)> pollExpiry;
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
        return tr("Embedded banking: a partner user from connect to logout");
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
                    keys->loadPartnerKey([c, done](Result<crypto::RsaPrivateKey, QString> k) {
                        if (!k)
                            return done(false, k.error(), {});
                        c->partner = k.value();
                        done(true,
                             tr("partner key %1…, partner user %2")
                                 .arg(QString::fromLatin1(
                                          c->partner.publicKey().fingerprintSha256().left(12)),
                                      c->ebUser),
                             {});
                    });
                });
        });

    // A fresh sandbox event for the walkthrough's partner user, decrypted and handed to the
    // workflow; `then` gets the workflow's event id.
    auto receive = [this](bool connect, Done done, std::function<void(int)> then) {
        Context *c = m_ctx.get();
        embedded::EmbeddedWorkflow *workflow = m_session.embedded();
        embedded::PartnerUserDirectory *users = m_session.partnerUsers();
        auto got = [c, workflow, done,
                    then](Result<embedded::EmulatorEventSource::SampleEvent, api::ApiError> e) {
            if (!e)
                return done(false, e.error().message, e.error().info.nextStep);
            auto p = embedded::PayloadDecryptor::decrypt(c->partner, e->payloadHex);
            if (!p)
                return done(false, p.error().message, {});
            const Result<int, QString> id = workflow->receive(c->ebUser, std::move(p).value());
            if (!id)
                return done(false, id.error(), {});
            then(id.value());
        };
        auto ask = [this, c, connect, got] {
            if (connect)
                m_session.sandboxEvents()->connectEvent(c->ebUser, got);
            else
                m_session.sandboxEvents()->authEvent(c->ebUser, got);
        };
        // The session reads the partner-user list when the environment is set; wait for it.
        if (users->isLoaded())
            return ask();
        users->load([ask](const keychain::KeychainError &) { ask(); });
    };
    auto answered204 = [](const Done &done, const QString &what) {
        return [done, what](const embedded::EventOutcome &o) {
            if (o.ok() && o.httpStatus == 204)
                return done(true, QStringLiteral("%1 (%2)").arg(what, o.summary()), {});
            done(false, o.message.isEmpty() ? o.summary() : o.message, o.nextStep);
        };
    };
    auto connectStep = [this, receive, answered204](const QString &what) {
        return [this, receive, answered204, what](Done done) {
            receive(true, done, [this, done, answered204, what](int id) {
                m_session.embedded()->answerOk(id, false, answered204(done, what));
            });
        };
    };

    add(tr("Connect: decrypt the event, store the userCode, answer OK"),
        tr("RSA-OAEP (SHA-1) with the partner private key → {userCode, retUrl}; the code is "
           "stored in the keychain for the partner user first, then {\"status\": \"OK\"} is "
           "posted: the provider answers 204."),
        connectStep(tr("connected")));

    add(tr("Silent authentication with the user's stored code"),
        tr("→ {attemptId, retUrl}; the reply carries this user's stored userCode, encrypted to the "
           "provider's public key: 204."),
        [this, receive, answered204](Done done) {
            receive(false, done, [this, done, answered204](int id) {
                m_session.embedded()->answerOk(id, false,
                                               answered204(done, tr("silently authenticated")));
            });
        });

    add(tr("Automatic disconnect (time-scaled sandbox)"),
        tr("The provider disconnects an idle user after a long period (days in production). The "
           "sandbox's period is set to %1 ms for this step, then restored.")
            .arg(kShortIdleTimeoutMs),
        [this](Done done) {
            Context *c = m_ctx.get();
            embedded::EmulatorEventSource *sandbox = m_session.sandboxEvents();
            const quint64 generation = m_generation;
            QPointer<Walkthrough> self(this);
            // Every end of this step restores the sandbox's own period first.
            auto end = [self, sandbox, c, done](bool ok, const QString &result,
                                                const QString &next) {
                if (!self || c->savedIdleTimeoutMs <= 0)
                    return done(ok, result, next);
                const qint64 saved = std::exchange(c->savedIdleTimeoutMs, 0);
                sandbox->setIdleTimeout(saved, [done, ok, result, next](const QString &error) {
                    if (!error.isEmpty())
                        return done(false, error, {});
                    done(ok, result, next);
                });
            };
            c->pollExpiry = [self, sandbox, c, generation, end](int left) {
                if (!self || generation != self->m_generation)
                    return;
                sandbox->state([self, c, generation, end,
                                left](Result<QJsonObject, api::ApiError> st) {
                    if (!self || generation != self->m_generation)
                        return;
                    if (!st)
                        return end(false, st.error().message, st.error().info.nextStep);
                    const QString state =
                        embedded::EmulatorEventSource::sandboxUserState(st.value(), c->ebUser)
                            .value(QLatin1String("state"))
                            .toString();
                    if (state == QLatin1String("expired"))
                        return end(true, tr("the sandbox says %1 is expired").arg(c->ebUser), {});
                    if (left <= 0)
                        return end(false,
                                   tr("The sandbox did not disconnect %1 within %2 s (state: %3).")
                                       .arg(c->ebUser)
                                       .arg(kExpiryWaitMs / 1000)
                                       .arg(state),
                                   tr("Check the sandbox's idle timeout in /sandbox/eb/state."));
                    QTimer::singleShot(kExpiryPollMs, self, [self, c, generation, left] {
                        if (self && generation == self->m_generation)
                            c->pollExpiry(left - kExpiryPollMs);
                    });
                });
            };
            sandbox->state([self, sandbox, c, generation, end,
                            done](Result<QJsonObject, api::ApiError> st) {
                if (!self || generation != self->m_generation)
                    return;
                if (!st)
                    return done(false, st.error().message, st.error().info.nextStep);
                const qint64 saved =
                    api::JsonRead::integer(*st, QStringLiteral("idleTimeoutMs")).value_or(0);
                if (saved <= 0)
                    return done(false, tr("The sandbox's state has no idleTimeoutMs."), {});
                sandbox->setIdleTimeout(kShortIdleTimeoutMs,
                                        [self, c, generation, saved, end](const QString &error) {
                                            if (!self || generation != self->m_generation)
                                                return;
                                            if (!error.isEmpty())
                                                return end(false, error, {});
                                            c->savedIdleTimeoutMs = saved;
                                            c->pollExpiry(kExpiryWaitMs);
                                        });
            });
        });

    add(tr("The invalid code is removed"),
        tr("A silent authentication answered with the disconnected user's code gets 410: the "
           "workflow removes the stored code at once and marks the user invalid."),
        [this, receive](Done done) {
            receive(false, done, [this, done](int id) {
                m_session.embedded()->answerOk(
                    id, false, [this, done](const embedded::EventOutcome &o) {
                        const auto user = m_session.partnerUsers()->find(m_ctx->ebUser);
                        const bool invalid =
                            user && user->state == embedded::PartnerUser::State::Invalid;
                        if (o.httpStatus == 410 && o.codeRemoved && invalid)
                            return done(true,
                                        tr("%1 %2: code removed, %3 is invalid")
                                            .arg(o.httpStatus)
                                            .arg(o.code, m_ctx->ebUser),
                                        {});
                        done(false,
                             o.message.isEmpty()
                                 ? tr("Expected 410 and the code removed: %1").arg(o.summary())
                                 : o.message,
                             o.nextStep);
                    });
            });
        });

    add(tr("Connect again"),
        tr("The invalid user connects again: a new code is stored and OK answered (204)."),
        connectStep(tr("connected again")));

    add(tr("Logout"),
        tr("The environment's logout flow, then every artifact of the user's session is removed: "
           "the sandbox shows the user logged out with no userCode."),
        [this](Done done) {
            Context *c = m_ctx.get();
            embedded::EmulatorEventSource *sandbox = m_session.sandboxEvents();
            m_session.embedded()->logout(
                c->ebUser, [sandbox, c, done](const embedded::EventOutcome &o) {
                    if (!o.ok() || !o.codeRemoved)
                        return done(false, o.message.isEmpty() ? o.summary() : o.message,
                                    o.nextStep);
                    sandbox->state([c, done](Result<QJsonObject, api::ApiError> st) {
                        if (!st)
                            return done(false, st.error().message, st.error().info.nextStep);
                        const QJsonObject row =
                            embedded::EmulatorEventSource::sandboxUserState(st.value(), c->ebUser);
                        const QString state = row.value(QLatin1String("state")).toString();
                        if (state == QLatin1String("logged-out") &&
                            !row.value(QLatin1String("hasUserCode")).toBool(true))
                            return done(true,
                                        tr("the sandbox says %1 is logged out, with no userCode")
                                            .arg(c->ebUser),
                                        {});
                        done(false, tr("The sandbox still shows %1 as %2.").arg(c->ebUser, state),
                             {});
                    });
                });
        });
}

} // namespace aerodesk::walkthrough
