#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/embedded/EventOutcome.h"
#include "core/embedded/EventPayload.h"
#include "core/util/Result.h"

#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace aerodesk::keychain {
class Keychain;
}
namespace aerodesk::embedded {

class EmbeddedKeyStore;
class EmulatorEventSource;
class PartnerUserDirectory;
class RetUrlClient;
class UserCodeStore;

/// The embedded-banking rules of the source document, for one environment, in one place (the
/// payload inspector, the partner-users view and aerodesk-cli all go through it):
///
///  - every event is handled for a named partner user (receive());
///  - connect: the userCode is stored (userCodes(): keychain or team store) for that user FIRST,
///  and only then is
///    {status: "OK"} posted; if storing fails, DATA_STORE_UNAVAILABLE is posted instead and the
///    outcome says why; a second connect for a connected user needs confirmation;
///  - silent authentication: the reply carries the NAMED user's stored code, never another's;
///    with no user or no code, OK cannot be sent (a non-OK status can);
///  - a non-OK status (the document's cases or a custom value) can be sent for any event;
///  - the provider's 410 (the code was invalidated, e.g. by the automatic disconnect) removes
///    the stored code at once and marks the user invalid;
///  - logout runs the environment's logout flow (the sandbox's; in production the logout web
///    component runs in the partner's page) and removes the code and the pending events;
///  - a retUrl not on the environment's allow-list is never contacted (RetUrlClient).
/// Every action ends in one EventOutcome (also kept in history() and logged without secrets).
class EmbeddedWorkflow : public QObject
{
    Q_OBJECT
public:
    /// An event received for a user and not answered yet.
    struct PendingEvent
    {
        int id = 0;
        QString user;
        EventPayload::Kind kind = EventPayload::Kind::Connect;
        QString attemptId; ///< silent authentication
        QUrl retUrl;
        QDateTime receivedAt;
    };
    using Done = std::function<void(const EventOutcome &)>;
    using CodeDone = std::function<void(Result<crypto::SecureBytes, QString>)>;
    static constexpr int kHistorySize = 200;

    /// `sandbox` is the sandbox's event source (its logout route), null outside a sandbox.
    EmbeddedWorkflow(keychain::Keychain &keychain, EmbeddedKeyStore &keys, RetUrlClient &retUrls,
                     PartnerUserDirectory &users, EmulatorEventSource *sandbox,
                     QObject *parent = nullptr);
    ~EmbeddedWorkflow() override;

    PartnerUserDirectory &users() { return m_users; }
    /// From now on userCodes are kept in `codes` (null: the keychain again, the default) —
    /// a team store's (TeamPartnerUserStore) when the session's store is one (docs/team.md).
    void useUserCodes(std::shared_ptr<UserCodeStore> codes);
    UserCodeStore &userCodes() const;
    const RetUrlClient &retUrls() const { return m_retUrls; }

    /// Takes a decrypted event for `user`; its id, or why it cannot be taken (no or bad user id,
    /// the partner-user list still being read). When the list could not be read (keychain
    /// unavailable) the event is taken, but only a non-OK status can be answered: a connect's OK
    /// becomes DATA_STORE_UNAVAILABLE.
    Result<int, QString> receive(const QString &user, EventPayload event);
    std::optional<PendingEvent> pending(int id) const;
    QList<PendingEvent> pendingFor(const QString &user) const;
    /// Forgets an event without answering it.
    void discard(int id);

    /// Connect: store, then OK (or DATA_STORE_UNAVAILABLE). Silent auth: the user's code,
    /// encrypted to the provider key, with OK. `replaceConfirmed`: the person confirmed that a
    /// connected user's code is replaced (connect only).
    void answerOk(int id, bool replaceConfirmed, Done done);
    /// Posts a status other than OK (checked by ReplyStatus::checkCustom) and, for a connect,
    /// an optional reason. Stores nothing.
    void answerNotOk(int id, const QString &status, const QString &reason, Done done);
    /// The environment's logout flow for `user`, then removes their code and pending events.
    void logout(const QString &user, Done done);
    /// Reads the user's stored code for an explicit reveal (logged, without the code).
    void revealCode(const QString &user, CodeDone done);

    QList<EventOutcome> history() const { return m_history; }

Q_SIGNALS:
    void pendingChanged();
    void outcome(const aerodesk::embedded::EventOutcome &outcome);

private:
    struct Held;
    void connectOk(int id, bool replaceConfirmed, Done done);
    void silentAuthOk(int id, Done done);
    void storeFailed(int id, const QString &why, Done done);
    /// Called with every outcome of post(), before it is reported.
    using Adjust = std::function<void(EventOutcome &)>;
    void post(int id, const class RetUrlReply &reply, EventOutcome base, Adjust adjust, Done done);
    void invalidateUser(const QString &user, const QString &note);
    void finish(EventOutcome result, const Done &done);
    EventOutcome start(int id, const QString &action) const;
    Held *held(int id);

    std::unique_ptr<UserCodeStore> m_keychainCodes;
    std::shared_ptr<UserCodeStore> m_codes; ///< null: m_keychainCodes
    EmbeddedKeyStore &m_keys;
    RetUrlClient &m_retUrls;
    PartnerUserDirectory &m_users;
    EmulatorEventSource *m_sandbox;
    std::map<int, std::unique_ptr<Held>> m_pending;
    int m_nextId = 1;
    QList<EventOutcome> m_history;
};

} // namespace aerodesk::embedded
