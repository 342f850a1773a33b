#include "core/embedded/EmbeddedWorkflow.h"

#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/KeychainUserCodeStore.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/ReplyStatus.h"
#include "core/embedded/RetUrlClient.h"
#include "core/embedded/RetUrlReply.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QTimer>

namespace aerodesk::embedded {

namespace {

QString actionOf(EventPayload::Kind kind)
{
    return kind == EventPayload::Kind::Connect ? QStringLiteral("connect")
                                               : QStringLiteral("silent-auth");
}

/// The provider's answer says the userCode is no longer valid (automatic disconnect, logout).
bool codeInvalidated(const api::ApiError &e)
{
    return e.httpStatus == 410;
}

/// A non-OK status the provider answers with its "status recorded" refusal.
bool statusRecorded(const api::ApiError &e)
{
    return e.code == QLatin1String("EB-400-STATUS");
}

} // namespace

struct EmbeddedWorkflow::Held
{
    PendingEvent info;
    EventPayload event;
    bool busy = false;
};

EmbeddedWorkflow::EmbeddedWorkflow(keychain::Keychain &keychain, EmbeddedKeyStore &keys,
                                   RetUrlClient &retUrls, PartnerUserDirectory &users,
                                   EmulatorEventSource *sandbox, QObject *parent)
    : QObject(parent)
    , m_keychainCodes(std::make_unique<KeychainUserCodeStore>(keychain))
    , m_keys(keys)
    , m_retUrls(retUrls)
    , m_users(users)
    , m_sandbox(sandbox)
{
}

EmbeddedWorkflow::~EmbeddedWorkflow() = default;

void EmbeddedWorkflow::useUserCodes(std::shared_ptr<UserCodeStore> codes)
{
    m_codes = std::move(codes);
}

UserCodeStore &EmbeddedWorkflow::userCodes() const
{
    return m_codes ? *m_codes : *m_keychainCodes;
}

Result<int, QString> EmbeddedWorkflow::receive(const QString &user, EventPayload event)
{
    if (auto bad = PartnerUser::checkId(user))
        return *bad;
    // While the list is being read, wait. When it could not be read (the keychain is
    // unavailable), the event is still taken: OK cannot be answered, but the provider must be
    // told why (a connect answers DATA_STORE_UNAVAILABLE, see connectOk()).
    if (!m_users.isLoaded() && m_users.loadError().isEmpty())
        return tr("The partner-user list is still being read from %1; try again in a moment.")
            .arg(userCodes().placeName());
    auto held = std::make_unique<Held>(Held { {}, std::move(event), false });
    held->info.id = m_nextId++;
    held->info.user = user;
    held->info.kind = held->event.kind();
    held->info.attemptId = held->event.attemptId();
    held->info.retUrl = held->event.retUrl();
    held->info.receivedAt = QDateTime::currentDateTimeUtc();
    const int id = held->info.id;
    m_pending[id] = std::move(held);
    qCInfo(aerodesk::log::embedded).noquote()
        << "event received for a partner user:" << actionOf(m_pending[id]->info.kind);
    Q_EMIT pendingChanged();
    return id;
}

EmbeddedWorkflow::Held *EmbeddedWorkflow::held(int id)
{
    const auto it = m_pending.find(id);
    return it == m_pending.end() ? nullptr : it->second.get();
}

std::optional<EmbeddedWorkflow::PendingEvent> EmbeddedWorkflow::pending(int id) const
{
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return std::nullopt;
    return it->second->info;
}

QList<EmbeddedWorkflow::PendingEvent> EmbeddedWorkflow::pendingFor(const QString &user) const
{
    QList<PendingEvent> out;
    for (const auto &[id, h] : m_pending) {
        if (h->info.user == user)
            out.append(h->info);
    }
    return out;
}

void EmbeddedWorkflow::discard(int id)
{
    if (m_pending.erase(id))
        Q_EMIT pendingChanged();
}

EventOutcome EmbeddedWorkflow::start(int id, const QString &action) const
{
    EventOutcome o;
    o.action = action;
    const auto it = m_pending.find(id);
    if (it != m_pending.end()) {
        o.action = actionOf(it->second->info.kind);
        o.user = it->second->info.user;
    }
    return o;
}

void EmbeddedWorkflow::finish(EventOutcome result, const Done &done)
{
    result.at = QDateTime::currentDateTimeUtc();
    m_history.append(result);
    while (m_history.size() > kHistorySize)
        m_history.removeFirst();
    // The outcome holds no secret by construction; the user id is left out of the log line.
    qCInfo(aerodesk::log::embedded).noquote()
        << "embedded-banking" << result.action << EventOutcome::resultName(result.result)
        << "status" << (result.statusSent.isEmpty() ? QStringLiteral("-") : result.statusSent)
        << "http" << result.httpStatus << result.code << (result.codeRemoved ? "code removed" : "")
        << (result.codeStored ? "code stored" : "");
    Q_EMIT outcome(result);
    if (done)
        done(result);
}

void EmbeddedWorkflow::answerOk(int id, bool replaceConfirmed, Done done)
{
    Held *h = held(id);
    EventOutcome o = start(id, QStringLiteral("answer"));
    if (!h) {
        o.message = tr("This event is no longer pending: it was answered, discarded, or its user "
                       "logged out.");
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    if (h->busy) {
        o.message = tr("This event is already being answered.");
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    if (auto refused = m_retUrls.refusal(h->info.retUrl)) {
        o.code = QString::fromLatin1(RetUrlClient::kRefusedCode);
        o.message = *refused;
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    if (!m_users.isLoaded()) {
        // Without the partner-user list nothing can be stored or looked up safely: the data
        // store is unavailable. A connect tells the provider so; a silent auth cannot be built.
        if (m_users.loadError().isEmpty()) {
            o.message = tr("The partner-user list is still being read from %1; try again in "
                           "a moment.")
                            .arg(userCodes().placeName());
            return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
        }
        const QString why =
            tr("the partner-user list could not be read: %1").arg(m_users.loadError());
        if (h->info.kind == EventPayload::Kind::Connect) {
            h->busy = true;
            return storeFailed(id, why, std::move(done));
        }
        o.canSendNotOk = true;
        o.suggestedStatus = QString::fromLatin1(ReplyStatus::kDataStoreUnavailable);
        o.message = tr("OK cannot be sent: %1. Send a status instead.").arg(why);
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    if (h->info.kind == EventPayload::Kind::Connect)
        connectOk(id, replaceConfirmed, std::move(done));
    else
        silentAuthOk(id, std::move(done));
}

void EmbeddedWorkflow::connectOk(int id, bool replaceConfirmed, Done done)
{
    Held *h = held(id);
    const QString user = h->info.user;
    const std::optional<PartnerUser> existing = m_users.find(user);
    if (existing && existing->state == PartnerUser::State::Connected && !replaceConfirmed) {
        EventOutcome o = start(id, {});
        o.result = EventOutcome::Result::NeedsConfirmation;
        o.message = tr("%1 is already connected: answering OK replaces their stored userCode "
                       "with this event's. Confirm to go on.")
                        .arg(user);
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    h->busy = true;
    // Store first: OK means "obtained and stored correctly".
    QPointer<EmbeddedWorkflow> self(this);
    userCodes().save(
        user, h->event.userCode(), [self, id, user, done](const keychain::KeychainError &e) {
            if (!self)
                return;
            Held *h = self->held(id);
            if (!h)
                return;
            if (!e.ok())
                return self->storeFailed(id, e.message, done);
            EventOutcome base = self->start(id, {});
            base.statusSent = QString::fromLatin1(ReplyStatus::kOk);
            base.codeStored = true;
            self->post(
                id, RetUrlReply::connect(), base,
                [self, user](EventOutcome &o) {
                    if (o.result != EventOutcome::Result::Answered)
                        return;
                    PartnerUser u = self->m_users.find(user).value_or(PartnerUser {});
                    u.id = user;
                    u.state = PartnerUser::State::Connected;
                    u.connectedSince = QDateTime::currentDateTimeUtc();
                    u.changedAt = u.connectedSince;
                    u.note =
                        tr("Connected: userCode stored, provider answered %1.").arg(o.httpStatus);
                    self->m_users.put(u);
                    o.message = tr("The userCode is stored in %3 for %1 and the provider "
                                   "answered %2: the user is connected.")
                                    .arg(user)
                                    .arg(o.httpStatus)
                                    .arg(self->userCodes().placeName());
                },
                done);
        });
}

void EmbeddedWorkflow::storeFailed(int id, const QString &why, Done done)
{
    Held *h = held(id);
    const QString user = h->info.user;
    qCWarning(aerodesk::log::embedded).noquote() << "userCode not stored:" << why;
    // Nothing half-done: whatever may have been written is removed, the user is not marked
    // connected, and the provider is told the code was not stored.
    userCodes().forget(user, [](const keychain::KeychainError &) {});
    invalidateUser(user,
                   tr("A new connect could not store its userCode (%1); the old one is no "
                      "longer valid. Connect again.")
                       .arg(why));
    EventOutcome base = start(id, {});
    base.statusSent = QString::fromLatin1(ReplyStatus::kDataStoreUnavailable);
    const QString reason = tr("the userCode could not be stored");
    post(
        id, RetUrlReply::statusOnly(base.statusSent, reason), base,
        [why, place = userCodes().placeName()](EventOutcome &o) {
            if (o.result == EventOutcome::Result::Answered)
                o.message = tr("The userCode could not be stored in %4 (%1), so OK was not "
                               "sent: DATA_STORE_UNAVAILABLE was sent instead and the provider "
                               "recorded the failed connect (%2 %3). Fix %4, then have the "
                               "user connect again.")
                                .arg(why)
                                .arg(o.httpStatus)
                                .arg(o.code, place)
                                .simplified();
            else
                o.message = tr("The userCode could not be stored in %3 (%1), so OK was not "
                               "sent. Sending DATA_STORE_UNAVAILABLE failed too: %2")
                                .arg(why, o.message, place);
            // Whatever the provider said, this connect failed.
            o.result = EventOutcome::Result::ProviderRefused;
        },
        done);
}

void EmbeddedWorkflow::silentAuthOk(int id, Done done)
{
    Held *h = held(id);
    const QString user = h->info.user;
    EventOutcome o = start(id, {});
    const std::optional<PartnerUser> known = m_users.find(user);
    if (!known || !known->hasCode()) {
        o.canSendNotOk = true;
        o.suggestedStatus = QString::fromLatin1(ReplyStatus::kUserNotAuthenticated);
        o.message = !known
            ? tr("%1 has never connected here, so there is no userCode to send: OK cannot be sent. "
                 "Send a status instead, or have the user connect first.")
                  .arg(user)
            : tr("%1 has no valid userCode (%2): OK cannot be sent. Send a status instead; the "
                 "user must connect again.")
                  .arg(user, PartnerUser::stateLabel(known->state));
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    h->busy = true;
    QPointer<EmbeddedWorkflow> self(this);
    auto notBuilt = [self, id, done](const QString &why, const QString &suggested) {
        if (!self)
            return;
        if (Held *h = self->held(id))
            h->busy = false;
        EventOutcome o = self->start(id, {});
        o.canSendNotOk = true;
        o.suggestedStatus = suggested;
        o.message = why;
        self->finish(o, done);
    };
    userCodes().load(
        user,
        [self, id, user, done, notBuilt](const keychain::KeychainError &e,
                                         crypto::SecureBytes code) {
            if (!self || !self->held(id))
                return;
            if (e.kind == keychain::KeychainError::Kind::NotFound)
                return notBuilt(
                    tr("No userCode is stored for %1 (it was removed): OK cannot be sent. "
                       "Send a status instead; the user must connect again.")
                        .arg(user),
                    QString::fromLatin1(ReplyStatus::kUserNotAuthenticated));
            if (!e.ok())
                return notBuilt(
                    tr("The userCode of %1 could not be read from %3 (%2): OK cannot be sent.")
                        .arg(user, e.message, self->userCodes().placeName()),
                    QString::fromLatin1(ReplyStatus::kDataStoreUnavailable));
            auto shared = std::make_shared<crypto::SecureBytes>(std::move(code));
            self->m_keys.loadProviderKey([self, id, user, done, notBuilt,
                                          shared](Result<crypto::RsaPublicKey, QString> key) {
                if (!self)
                    return;
                Held *h = self->held(id);
                if (!h)
                    return;
                if (!key)
                    return notBuilt(tr("The provider's public key is not usable (%1): the reply "
                                       "cannot be encrypted.")
                                        .arg(key.error()),
                                    QString::fromLatin1(ReplyStatus::kDataStoreUnavailable));
                auto reply = RetUrlReply::silentAuth(key.value(), h->info.attemptId, *shared);
                shared->clear();
                if (!reply)
                    return notBuilt(
                        tr("The reply could not be built: %1").arg(reply.error().message), {});
                EventOutcome base = self->start(id, {});
                base.statusSent = QString::fromLatin1(ReplyStatus::kOk);
                self->post(
                    id, reply.value(), base,
                    [self, user](EventOutcome &o) {
                        if (o.result != EventOutcome::Result::Answered)
                            return;
                        if (auto u = self->m_users.find(user)) {
                            u->lastSilentAuth = QDateTime::currentDateTimeUtc();
                            u->note = tr("Silently authenticated (%1).").arg(o.httpStatus);
                            self->m_users.put(*u);
                        }
                        o.message = tr("%1's stored userCode was sent encrypted to the provider, "
                                       "which answered %2: silent authentication succeeded.")
                                        .arg(user)
                                        .arg(o.httpStatus);
                    },
                    done);
            });
        });
}

void EmbeddedWorkflow::answerNotOk(int id, const QString &status, const QString &reason, Done done)
{
    Held *h = held(id);
    EventOutcome o = start(id, QStringLiteral("answer"));
    const QString value = status.trimmed();
    std::optional<QString> problem;
    if (!h)
        problem = tr("This event is no longer pending: it was answered, discarded, or its user "
                     "logged out.");
    else if (h->busy)
        problem = tr("This event is already being answered.");
    else if (auto bad = ReplyStatus::checkCustom(value))
        problem = *bad;
    else if (auto refused = m_retUrls.refusal(h->info.retUrl)) {
        o.code = QString::fromLatin1(RetUrlClient::kRefusedCode);
        problem = *refused;
    }
    if (problem) {
        o.message = *problem;
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    h->busy = true;
    o.statusSent = value;
    post(
        id, RetUrlReply::statusOnly(value, reason.trimmed()), o,
        [value](EventOutcome &out) {
            if (out.result != EventOutcome::Result::Answered)
                return;
            out.message =
                tr("Status %1 was sent; the provider recorded the failed attempt (%2 %3).")
                    .arg(value)
                    .arg(out.httpStatus)
                    .arg(out.code)
                    .simplified();
        },
        done);
}

void EmbeddedWorkflow::post(int id, const RetUrlReply &reply, EventOutcome base, Adjust adjust,
                            Done done)
{
    Held *h = held(id);
    const QUrl url = h->info.retUrl;
    const QString user = h->info.user;
    const bool notOk = base.statusSent != QLatin1String(ReplyStatus::kOk);
    QPointer<EmbeddedWorkflow> self(this);
    m_retUrls.answer(
        url, reply,
        [self, id, user, base, notOk, adjust, done](Result<api::HttpResponse, api::ApiError> r) {
            if (!self)
                return;
            EventOutcome o = base;
            if (r) {
                o.result = EventOutcome::Result::Answered;
                o.httpStatus = r->status;
            } else {
                const api::ApiError &e = r.error();
                o.httpStatus = e.httpStatus;
                o.code = e.code;
                o.nextStep = e.info.nextStep;
                o.message = e.httpStatus
                    ? tr("The provider answered %1 %2: %3").arg(e.httpStatus).arg(e.code, e.message)
                    : tr("The answer did not reach the provider: %1").arg(e.message);
                if (e.code == QLatin1String(RetUrlClient::kRefusedCode))
                    o.result = EventOutcome::Result::NotSent;
                else if (notOk && statusRecorded(e))
                    // A non-OK status is answered with the provider's "recorded" refusal: that is
                    // the expected end of it, not a failure to deliver.
                    o.result = EventOutcome::Result::Answered;
                else
                    o.result = EventOutcome::Result::ProviderRefused;
            }
            // An answer that reached the provider ends the event; one that did not (network,
            // refused URL) can be tried again.
            if (o.httpStatus != 0)
                self->m_pending.erase(id);
            else if (Held *held = self->held(id))
                held->busy = false;
            if (o.codeStored && o.result != EventOutcome::Result::Answered) {
                // The provider did not take the connect: the code just stored is of no use, and a
                // code it replaced is gone too. Nothing half-done.
                o.codeStored = false;
                o.codeRemoved = true;
                self->invalidateUser(user, o.message);
                self->userCodes().forget(user, [](const keychain::KeychainError &) {});
            }
            if (adjust)
                adjust(o);
            if (!r && codeInvalidated(r.error())) {
                self->invalidateUser(
                    user,
                    tr("The provider answered %1 %2: the userCode is no longer valid "
                       "and was removed. The user must connect again.")
                        .arg(o.httpStatus)
                        .arg(o.code));
                o.message =
                    tr("The provider says %1's userCode is no longer valid (%2 %3). AeroDesk "
                       "removed the stored code; the user must connect again.")
                        .arg(user)
                        .arg(o.httpStatus)
                        .arg(o.code);
                // Removed at once; the outcome is reported once the keychain has done it.
                self->userCodes().forget(
                    user,
                    [self, o, done, place = self->userCodes().placeName()](
                        const keychain::KeychainError &e) mutable {
                        o.codeRemoved = e.ok();
                        if (!e.ok())
                            o.message += QLatin1Char(' ') +
                                tr("Removing it from %2 failed: %1").arg(e.message, place);
                        if (self) {
                            Q_EMIT self->pendingChanged();
                            self->finish(o, done);
                        }
                    });
                return;
            }
            Q_EMIT self->pendingChanged();
            self->finish(o, done);
        });
}

void EmbeddedWorkflow::invalidateUser(const QString &user, const QString &note)
{
    std::optional<PartnerUser> u = m_users.find(user);
    if (!u || u->state != PartnerUser::State::Connected)
        return;
    u->state = PartnerUser::State::Invalid;
    u->changedAt = QDateTime::currentDateTimeUtc();
    u->note = note;
    m_users.put(*u);
}

void EmbeddedWorkflow::logout(const QString &user, Done done)
{
    EventOutcome o;
    o.action = QStringLiteral("logout");
    o.user = user;
    if (auto bad = PartnerUser::checkId(user)) {
        o.message = *bad;
        return QTimer::singleShot(0, this, [this, o, done] { finish(o, done); });
    }
    QPointer<EmbeddedWorkflow> self(this);
    auto removeLocal = [self, user, done](EventOutcome o) {
        if (!self)
            return;
        // The pending events of that user go first: none of them can be answered any more.
        for (auto it = self->m_pending.begin(); it != self->m_pending.end();) {
            if (it->second->info.user == user)
                it = self->m_pending.erase(it);
            else
                ++it;
        }
        Q_EMIT self->pendingChanged();
        self->userCodes().forget(
            user,
            [self, user, done, o,
             place = self->userCodes().placeName()](const keychain::KeychainError &e) mutable {
                if (!self)
                    return;
                o.codeRemoved = e.ok();
                if (!e.ok()) {
                    o.result = EventOutcome::Result::ProviderRefused;
                    o.message += QLatin1Char(' ') +
                        tr("The userCode could not be removed from %2: %1").arg(e.message, place);
                }
                if (!self->m_users.isLoaded())
                    // Writing a list that was never read would drop every other user.
                    return self->finish(o, done);
                PartnerUser u = self->m_users.find(user).value_or(PartnerUser {});
                u.id = user;
                u.state = PartnerUser::State::LoggedOut;
                u.changedAt = QDateTime::currentDateTimeUtc();
                u.note = tr("Logged out: userCode and pending events removed.");
                self->m_users.put(u, [self, o, done](const keychain::KeychainError &) {
                    if (self)
                        self->finish(o, done);
                });
            });
    };
    if (!m_sandbox) {
        o.result = EventOutcome::Result::Answered;
        o.message = tr("Removed %1's userCode and pending events. In production the logout web "
                       "component on the partner's logout page clears the browser side.")
                        .arg(user);
        return removeLocal(o);
    }
    m_sandbox->logout(user, [removeLocal, o, user](const QString &error) mutable {
        // A user the sandbox never saw has no session there to end.
        if (error.isEmpty() || error.contains(QLatin1String("[EB-404-USER]"))) {
            o.result = EventOutcome::Result::Answered;
            o.httpStatus = 200;
            o.message = tr("The sandbox logged %1 out, and AeroDesk removed their userCode and "
                           "pending events.")
                            .arg(user);
        } else {
            o.result = EventOutcome::Result::ProviderRefused;
            o.message = tr("The sandbox's logout failed (%1); AeroDesk still removed %2's userCode "
                           "and pending events.")
                            .arg(error, user);
        }
        removeLocal(o);
    });
}

void EmbeddedWorkflow::revealCode(const QString &user, CodeDone done)
{
    qCInfo(aerodesk::log::embedded) << "a partner user's userCode is being revealed on request";
    QPointer<EmbeddedWorkflow> self(this);
    userCodes().load(user,
                     [self, done](const keychain::KeychainError &e, crypto::SecureBytes code) {
                         if (!self)
                             return;
                         if (e.kind == keychain::KeychainError::Kind::NotFound)
                             return done(tr("No userCode is stored for this user."));
                         if (!e.ok())
                             return done(e.message);
                         done(std::move(code));
                     });
}

} // namespace aerodesk::embedded
