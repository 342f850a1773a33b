#include "core/webhooks/SecretRotation.h"

#include "core/api/ApiClient.h"
#include "core/keychain/KeychainError.h"
#include "core/util/LogCategories.h"
#include "core/webhooks/WebhookSecrets.h"
#include "core/webhooks/WebhookSubscriptionClient.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace aerodesk::webhooks {

using api::ApiError;

struct SecretRotation::Run
{
    crypto::SecureBytes next;
    crypto::SecureBytes old;
    QStringList ids; ///< to patch, in order
    QStringList patched; ///< patched so far
    Done done;
};

namespace {

QString patchCall(const QString &id)
{
    return QStringLiteral("PATCH /webhooks/%1").arg(id);
}

/// "HTTP 404, WH-404: There is no subscription with that id." / "network: connection refused".
QString why(const ApiError &e)
{
    QString out;
    if (e.httpStatus)
        out = QStringLiteral("HTTP %1").arg(e.httpStatus);
    else
        out = apiErrorKindName(e.kind);
    if (!e.code.isEmpty())
        out += QStringLiteral(", ") + e.code;
    return out + QStringLiteral(": ") + e.message;
}

} // namespace

SecretRotation::SecretRotation(api::ApiClient *client, WebhookSecrets &secrets, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_secrets(secrets)
{
}

SecretRotation::~SecretRotation() = default;

void SecretRotation::rotate(Done done)
{
    if (m_running)
        return;
    m_running = true;
    using Fresh = std::shared_ptr<crypto::SecureBytes>;
    auto *watcher = new QFutureWatcher<Fresh>(this);
    connect(watcher, &QFutureWatcher<Fresh>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        auto run = std::make_shared<Run>();
        run->next = std::move(*watcher->result());
        run->done = done;
        start(run);
    });
    watcher->setFuture(QtConcurrent::run(
        [] { return std::make_shared<crypto::SecureBytes>(WebhookSecrets::generateSecret()); }));
}

void SecretRotation::rotateTo(crypto::SecureBytes next, Done done)
{
    if (m_running)
        return;
    m_running = true;
    auto run = std::make_shared<Run>();
    run->next = std::move(next);
    run->done = std::move(done);
    start(run);
}

void SecretRotation::start(std::shared_ptr<Run> run)
{
    if (!m_client) {
        Outcome o;
        o.failedCall = QStringLiteral("POST /webhooks/list");
        o.message = tr("The secret was not rotated: there is no environment to reach Aerosync "
                       "with. Nothing was changed.");
        return finish(run, o);
    }
    if (!m_secrets.isLoaded()) {
        // The old secret is needed to put subscriptions back: read the ring first.
        QPointer<SecretRotation> self(this);
        m_secrets.reload([self, run](const keychain::KeychainError &e) {
            if (!self)
                return;
            if (!self->m_secrets.isLoaded()) {
                Outcome o;
                o.failedCall = QStringLiteral("keychain");
                o.message = tr("The secret was not rotated: the current secret could not be read "
                               "from the keychain (%1). Nothing was changed.")
                                .arg(e.message);
                return self->finish(run, o);
            }
            self->start(run);
        });
        return;
    }
    run->old = m_secrets.ring().current().clone();
    qCInfo(aerodesk::log::webhooks).noquote()
        << "rotation of" << m_secrets.profile() << ": listing the subscriptions";
    QPointer<SecretRotation> self(this);
    WebhookSubscriptionClient(*m_client).list(
        [self, run](Result<QList<WebhookSubscription>, ApiError> r) {
            if (!self)
                return;
            if (!r) {
                Outcome o;
                o.error = r.error();
                o.failedCall = QStringLiteral("POST /webhooks/list");
                o.message = tr("The secret was not rotated: listing the subscriptions (%1) "
                               "failed — %2. Nothing was changed, here or at Aerosync.")
                                .arg(o.failedCall, why(o.error));
                return self->finish(run, o);
            }
            QStringList ids;
            for (const WebhookSubscription &s : r.value())
                ids << s.id;
            self->listed(run, ids);
        });
}

void SecretRotation::listed(std::shared_ptr<Run> run, QStringList ids)
{
    run->ids = std::move(ids);
    patchNext(run);
}

void SecretRotation::patchNext(std::shared_ptr<Run> run)
{
    if (run->patched.size() == run->ids.size())
        return storeLocally(run);
    if (!m_client) {
        Outcome o;
        o.failedCall = patchCall(run->ids.at(run->patched.size()));
        o.message = tr("The secret was not rotated: the environment went away during the "
                       "rotation.");
        return rollBack(run, o);
    }
    const QString id = run->ids.at(run->patched.size());
    QPointer<SecretRotation> self(this);
    WebhookSubscriptionClient(*m_client).patchSecret(
        id, run->next, [self, run, id](Status<ApiError> r) {
            if (!self)
                return;
            if (!r) {
                Outcome o;
                o.error = r.error();
                o.failedCall = patchCall(id);
                o.message = tr("The secret was not rotated: %1 failed — %2.")
                                .arg(o.failedCall, why(o.error));
                return self->rollBack(run, o);
            }
            qCInfo(aerodesk::log::webhooks).noquote()
                << "rotation: subscription" << id << "patched with the new secret";
            run->patched << id;
            self->patchNext(run);
        });
}

void SecretRotation::storeLocally(std::shared_ptr<Run> run)
{
    QPointer<SecretRotation> self(this);
    m_secrets.setSecret(
        run->next.clone(), /*keepPrevious=*/true, [self, run](const keychain::KeychainError &e) {
            if (!self)
                return;
            Outcome o;
            if (!e.ok()) {
                o.failedCall = QStringLiteral("keychain");
                o.message = tr("The secret was not rotated: saving it in the keychain failed "
                               "(%1).")
                                .arg(e.message);
                return self->rollBack(run, o);
            }
            o.ok = true;
            o.patched = run->patched;
            const QDateTime until = self->m_secrets.ring().previousValidUntil();
            if (run->patched.isEmpty())
                o.message = tr("Rotated locally only: this environment has no webhook "
                               "subscription, so Aerosync had nothing to change.");
            else
                o.message = tr("Rotated: Aerosync signs with the new secret (%n subscription(s) "
                               "patched)%1.",
                               nullptr, int(run->patched.size()))
                                .arg(until.isValid() ? tr("; the old one is accepted until %1")
                                                           .arg(until.toString(QStringLiteral(
                                                               "yyyy-MM-dd HH:mm 'UTC'")))
                                                     : QString());
            self->finish(run, o);
        });
}

void SecretRotation::rollBack(std::shared_ptr<Run> run, Outcome outcome)
{
    if (run->patched.isEmpty()) {
        outcome.message += QLatin1Char(' ') +
            tr("Nothing was changed: the local secret and Aerosync's are the old one.");
        return finish(run, outcome);
    }
    const QString id = run->patched.last();
    if (!m_client) {
        outcome.leftWithNewSecret = run->patched;
        outcome.message += QLatin1Char(' ') +
            tr("Putting the old secret back failed (no environment); these subscriptions now "
               "sign with a secret that is not in the keychain: %1.")
                .arg(run->patched.join(QStringLiteral(", ")));
        return finish(run, outcome);
    }
    QPointer<SecretRotation> self(this);
    WebhookSubscriptionClient(*m_client).patchSecret(
        id, run->old, [self, run, id, outcome](Status<ApiError> r) mutable {
            if (!self)
                return;
            if (!r) {
                outcome.leftWithNewSecret = run->patched;
                outcome.message += QLatin1Char(' ') +
                    tr("Putting the old secret back with %1 failed too — %2; these subscriptions "
                       "now sign with a secret that is not in the keychain: %3.")
                        .arg(patchCall(id), why(r.error()),
                             run->patched.join(QStringLiteral(", ")));
                qCWarning(aerodesk::log::webhooks).noquote()
                    << "rotation: rolling back" << id << "failed:" << apiErrorLogText(r.error());
                return self->finish(run, outcome);
            }
            qCInfo(aerodesk::log::webhooks).noquote()
                << "rotation: subscription" << id << "put back to the old secret";
            run->patched.removeLast();
            self->rollBack(run, outcome);
        });
}

void SecretRotation::finish(std::shared_ptr<Run> run, Outcome outcome)
{
    m_running = false;
    run->next = {};
    run->old = {};
    if (outcome.ok)
        qCInfo(aerodesk::log::webhooks).noquote()
            << "rotation of" << m_secrets.profile() << "done;" << outcome.patched.size()
            << "subscription(s) patched";
    else
        qCWarning(aerodesk::log::webhooks).noquote()
            << "rotation of" << m_secrets.profile() << "failed at" << outcome.failedCall;
    Done done = std::move(run->done);
    Q_EMIT finished(outcome);
    if (done)
        done(outcome);
}

} // namespace aerodesk::webhooks
