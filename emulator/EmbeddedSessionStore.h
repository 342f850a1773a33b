#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/util/Result.h"
#include "emulator/EmbeddedError.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <map>
#include <optional>

namespace aerodesk::emulator {

/// The embedded-banking emulator's state (reference sections 9 and 10): partner users and their
/// userCodes, open connect answers and silent-authentication attempts, and a troubleshooting
/// log of outcomes. No HTTP and no crypto here: EmbeddedBankingService feeds it decrypted data.
///
/// User states: pending (connect event sent, not yet answered) -> connected (answered OK)
/// -> authenticated (a silent auth succeeded); logged-out (the logout flow: the userCode and
/// every open retUrl of the user are dropped), expired (idle timeout or /sandbox/eb/expire) and
/// disconnected (a connect answered with a non-OK status) make the userCode invalid (410).
class EmbeddedSessionStore
{
public:
    enum class UserState { Pending, Connected, Authenticated, Disconnected, Expired, LoggedOut };

    struct ConnectIssue
    {
        QString user;
        QString token; ///< the last segment of the connect retUrl
        crypto::SecureBytes userCode;
    };
    struct AuthIssue
    {
        QString user;
        QString attemptId;
    };

    /// `idleTimeoutMs`: a connected user with no successful authentication for this long is
    /// automatically disconnected. userCodes and the ids in retUrls (capabilities) always come
    /// from the CSPRNG (OpenSSL), never from --seed.
    explicit EmbeddedSessionStore(qint64 idleTimeoutMs);

    void setIdleTimeoutMs(qint64 ms) { m_idleTimeoutMs = ms; }
    qint64 idleTimeoutMs() const { return m_idleTimeoutMs; }

    /// Starts a connect for `user` (a new user name when empty): a fresh userCode replaces any
    /// previous one and the user is pending until the partner answers the retUrl.
    ConnectIssue beginConnect(const QString &user);
    /// The partner's answer to a connect retUrl; `status` other than "OK" fails the connect.
    std::optional<EmbeddedError> answerConnect(const QString &token, const QString &status,
                                               const QString &reason);

    /// A silent-authentication attempt for `user` (the last connected user when empty).
    Result<AuthIssue, EmbeddedError> beginAuth(const QString &user);
    /// Checks that the retUrl's attempt exists and is open (before the body is even read).
    std::optional<EmbeddedError> checkAttemptOpen(const QString &attemptId);
    /// The partner reported a non-OK status for the attempt: it is closed and recorded.
    EmbeddedError rejectAttempt(const QString &attemptId, const QString &status);
    /// The decrypted answer {attemptId, userCode} posted to the retUrl of `urlAttemptId`.
    std::optional<EmbeddedError> answerAuth(const QString &urlAttemptId,
                                            const QString &payloadAttemptId,
                                            const crypto::SecureBytes &userCode);

    /// The FI's automatic disconnect, now: the user's userCode stops working (410
    /// EB-410-EXPIRED). `user` empty: the last user who connected. Returns the user affected.
    Result<QString, EmbeddedError> expire(const QString &user);

    struct LogoutDone
    {
        QString user;
        int closedConnects = 0; ///< open connect retUrls closed by the logout
        int closedAttempts = 0; ///< open silent-auth attempts closed by the logout
    };
    /// The logout flow (the web component's route="logout"): wipes and drops the user's
    /// userCode, closes all its connect retUrls and silent-auth attempts (answering one later
    /// gets 410 EB-410-LOGGED-OUT) and keeps the user row as "logged-out". `user` is required.
    Result<LogoutDone, EmbeddedError> logout(const QString &user);

    /// {users: [...], log: [...]} with no userCodes in it.
    QJsonObject stateJson();
    static QString stateName(UserState state);

private:
    struct User
    {
        QString name;
        UserState state = UserState::Pending;
        crypto::SecureBytes userCode;
        QDateTime connectedAt; ///< null until a connect is answered OK
        QDateTime lastAuthenticatedAt;
        qint64 lastActivityMs = 0; ///< monotonic
        QString invalidatedReason;
    };
    struct Connect
    {
        QString user;
        bool open = true;
        bool loggedOut = false; ///< issued before its user's logout: answers get 410
    };
    struct Attempt
    {
        QString user;
        bool open = true;
        bool loggedOut = false; ///< issued before its user's logout: answers get 410
    };

    QString randomHex(int bytes);
    crypto::SecureBytes randomSecretHex(int bytes);
    User *findUser(const QString &name);
    void applyIdleTimeout(User &user);
    QJsonObject userJson(const User &user) const;
    static EmbeddedError loggedOutError(const QString &what);
    void record(const QString &kind, const QString &user, const QString &outcome,
                const QString &code = {}, const QString &message = {});

    qint64 m_idleTimeoutMs;
    QElapsedTimer m_clock;
    int m_nextUser = 1;
    QString m_lastConnectedUser;
    std::map<QString, User> m_users;
    std::map<QString, Connect> m_connects;
    std::map<QString, Attempt> m_attempts;
    QJsonArray m_log;
};

} // namespace aerodesk::emulator
