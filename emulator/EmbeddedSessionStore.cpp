#include "emulator/EmbeddedSessionStore.h"

#include "core/crypto/Hex.h"
#include "core/crypto/Random.h"
#include "emulator/IssuedSecretsLog.h"

namespace aerodesk::emulator {

namespace {
using Code = QHttpServerResponse::StatusCode;
constexpr qsizetype kMaxLog = 500;
constexpr int kUserCodeBytes = 16; // 32 hex characters
constexpr int kIdBytes = 16;
} // namespace

EmbeddedSessionStore::EmbeddedSessionStore(qint64 idleTimeoutMs)
    : m_idleTimeoutMs(idleTimeoutMs)
{
    m_clock.start();
}

QString EmbeddedSessionStore::stateName(UserState state)
{
    switch (state) {
    case UserState::Pending:
        return QStringLiteral("pending");
    case UserState::Connected:
        return QStringLiteral("connected");
    case UserState::Authenticated:
        return QStringLiteral("authenticated");
    case UserState::Disconnected:
        return QStringLiteral("disconnected");
    case UserState::Expired:
        return QStringLiteral("expired");
    case UserState::LoggedOut:
        return QStringLiteral("logged-out");
    }
    return QStringLiteral("unknown");
}

QString EmbeddedSessionStore::randomHex(int bytes)
{
    return QString::fromLatin1(crypto::Random::hex(bytes));
}

crypto::SecureBytes EmbeddedSessionStore::randomSecretHex(int bytes)
{
    crypto::SecureBytes raw = crypto::Random::secretBytes(bytes);
    QByteArray text = crypto::Hex::encode(raw.view());
    return crypto::SecureBytes::takeFrom(text);
}

EmbeddedSessionStore::User *EmbeddedSessionStore::findUser(const QString &name)
{
    const auto it = m_users.find(name);
    return it == m_users.end() ? nullptr : &it->second;
}

void EmbeddedSessionStore::applyIdleTimeout(User &user)
{
    if ((user.state == UserState::Connected || user.state == UserState::Authenticated) &&
        m_clock.elapsed() - user.lastActivityMs > m_idleTimeoutMs) {
        user.state = UserState::Expired;
        user.invalidatedReason =
            QStringLiteral("automatically disconnected after %1 ms without activity")
                .arg(m_idleTimeoutMs);
        record(QStringLiteral("timeout"), user.name, QStringLiteral("expired"));
    }
}

EmbeddedError EmbeddedSessionStore::loggedOutError(const QString &what)
{
    return EmbeddedError {
        Code::Gone, QStringLiteral("EB-410-LOGGED-OUT"),
        QStringLiteral("This %1 belongs to a session that ended: the user logged out; connect "
                       "again.")
            .arg(what)
    };
}

void EmbeddedSessionStore::record(const QString &kind, const QString &user, const QString &outcome,
                                  const QString &code, const QString &message)
{
    QJsonObject row { { QStringLiteral("at"),
                        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) },
                      { QStringLiteral("kind"), kind },
                      { QStringLiteral("user"), user },
                      { QStringLiteral("outcome"), outcome } };
    if (!code.isEmpty())
        row.insert(QStringLiteral("code"), code);
    if (!message.isEmpty())
        row.insert(QStringLiteral("message"), message);
    m_log.append(row);
    while (m_log.size() > kMaxLog)
        m_log.removeFirst();
}

EmbeddedSessionStore::ConnectIssue EmbeddedSessionStore::beginConnect(const QString &requested)
{
    QString name = requested;
    while (name.isEmpty() || (requested.isEmpty() && m_users.count(name)))
        name = QStringLiteral("partner-user-%1").arg(m_nextUser++);
    User &user = m_users[name];
    user.name = name;
    user.state = UserState::Pending;
    user.userCode = randomSecretHex(kUserCodeBytes);
    IssuedSecretsLog::record(user.userCode.view());
    user.invalidatedReason.clear();
    ConnectIssue issue { name, randomHex(kIdBytes), user.userCode.clone() };
    m_connects[issue.token] = Connect { name, true };
    record(QStringLiteral("connect-event"), name, QStringLiteral("issued"));
    return issue;
}

std::optional<EmbeddedError> EmbeddedSessionStore::answerConnect(const QString &token,
                                                                 const QString &status,
                                                                 const QString &reason)
{
    const auto it = m_connects.find(token);
    if (it == m_connects.end())
        return EmbeddedError { Code::NotFound, QStringLiteral("EB-404-CONNECT"),
                               QStringLiteral(
                                   "This connect retUrl was never issued by the sandbox.") };
    if (it->second.loggedOut) {
        EmbeddedError e = loggedOutError(QStringLiteral("connect retUrl"));
        record(QStringLiteral("connect-answer"), it->second.user, QStringLiteral("rejected"),
               e.code, e.message);
        return e;
    }
    if (!it->second.open)
        return EmbeddedError { Code::Conflict, QStringLiteral("EB-409-CONNECT-CLOSED"),
                               QStringLiteral("This connect retUrl has already been answered.") };
    it->second.open = false;
    User *user = findUser(it->second.user);
    if (status != QLatin1String("OK")) {
        EmbeddedError e {
            Code::BadRequest, QStringLiteral("EB-400-STATUS"),
            QStringLiteral("The connect answer's status is '%1', not 'OK': the connection attempt "
                           "failed and was recorded%2.")
                .arg(status,
                     reason.isEmpty() ? QString() : QStringLiteral(" (reason: %1)").arg(reason))
        };
        if (user && user->state == UserState::Pending) {
            user->state = UserState::Disconnected;
            user->invalidatedReason =
                QStringLiteral("connect refused by the partner with status '%1'").arg(status);
        }
        record(QStringLiteral("connect-answer"), it->second.user, QStringLiteral("refused"), e.code,
               e.message);
        return e;
    }
    if (!user) // cannot happen: users are never removed
        return EmbeddedError { Code::NotFound, QStringLiteral("EB-404-USER"),
                               QStringLiteral("The user is gone.") };
    user->state = UserState::Connected;
    user->connectedAt = QDateTime::currentDateTimeUtc();
    user->lastActivityMs = m_clock.elapsed();
    m_lastConnectedUser = user->name;
    record(QStringLiteral("connect-answer"), user->name, QStringLiteral("connected"));
    return std::nullopt;
}

Result<EmbeddedSessionStore::AuthIssue, EmbeddedError>
EmbeddedSessionStore::beginAuth(const QString &requested)
{
    const QString name = requested.isEmpty() ? m_lastConnectedUser : requested;
    if (name.isEmpty())
        return EmbeddedError {
            Code::Conflict, QStringLiteral("EB-409-NOT-CONNECTED"),
            QStringLiteral(
                "No user has connected yet: send a connect event and answer it first.")
        };
    User *user = findUser(name);
    if (!user)
        return EmbeddedError { Code::NotFound, QStringLiteral("EB-404-USER"),
                               QStringLiteral("No embedded-banking user named '%1'.").arg(name) };
    if (user->state == UserState::LoggedOut)
        return EmbeddedError {
            Code::Conflict, QStringLiteral("EB-409-NOT-CONNECTED"),
            QStringLiteral("User '%1' logged out: send a connect event and answer it first.")
                .arg(name)
        };
    if (!user->connectedAt.isValid())
        return EmbeddedError {
            Code::Conflict, QStringLiteral("EB-409-NOT-CONNECTED"),
            QStringLiteral("User '%1' has never completed a connect (answer its connect retUrl "
                           "with status OK first).")
                .arg(name)
        };
    // Silent authentication is attempted even for an expired user, as the real component
    // would: the answer then gets 410, which is what a partner must learn to handle.
    AuthIssue issue { name, randomHex(kIdBytes) };
    m_attempts[issue.attemptId] = Attempt { name, true };
    record(QStringLiteral("auth-event"), name, QStringLiteral("issued"));
    return issue;
}

std::optional<EmbeddedError> EmbeddedSessionStore::checkAttemptOpen(const QString &attemptId)
{
    const auto it = m_attempts.find(attemptId);
    if (it == m_attempts.end())
        return EmbeddedError {
            Code::NotFound, QStringLiteral("EB-404-ATTEMPT"),
            QStringLiteral("This silent-authentication retUrl names an attemptId the sandbox never "
                           "issued.")
        };
    if (it->second.loggedOut) {
        EmbeddedError e = loggedOutError(QStringLiteral("silent-authentication retUrl"));
        record(QStringLiteral("auth-answer"), it->second.user, QStringLiteral("rejected"), e.code,
               e.message);
        return e;
    }
    if (!it->second.open)
        return EmbeddedError {
            Code::Conflict, QStringLiteral("EB-409-ATTEMPT-CLOSED"),
            QStringLiteral("This silent-authentication attempt is already finished; ask for a new "
                           "auth event.")
        };
    return std::nullopt;
}

EmbeddedError EmbeddedSessionStore::rejectAttempt(const QString &attemptId, const QString &status)
{
    EmbeddedError e {
        Code::BadRequest, QStringLiteral("EB-400-STATUS"),
        QStringLiteral(
            "The silent-authentication answer's status is '%1', not 'OK': the attempt failed "
            "and was recorded.")
            .arg(status)
    };
    const auto it = m_attempts.find(attemptId);
    if (it != m_attempts.end()) {
        it->second.open = false;
        record(QStringLiteral("auth-answer"), it->second.user, QStringLiteral("refused"), e.code,
               e.message);
    }
    return e;
}

std::optional<EmbeddedError> EmbeddedSessionStore::answerAuth(const QString &urlAttemptId,
                                                              const QString &payloadAttemptId,
                                                              const crypto::SecureBytes &userCode)
{
    if (auto closed = checkAttemptOpen(urlAttemptId))
        return closed;
    Attempt &attempt = m_attempts[urlAttemptId];
    auto fail = [&](EmbeddedError e) {
        record(QStringLiteral("auth-answer"), attempt.user, QStringLiteral("rejected"), e.code,
               e.message);
        return std::optional<EmbeddedError>(std::move(e));
    };
    if (payloadAttemptId != urlAttemptId) {
        if (m_attempts.count(payloadAttemptId) == 0)
            return fail(
                { Code::NotFound, QStringLiteral("EB-404-ATTEMPT"),
                  QStringLiteral("The payload's attemptId '%1' was never issued by the sandbox.")
                      .arg(payloadAttemptId) });
        return fail(
            { Code::BadRequest, QStringLiteral("EB-400-ATTEMPT-MISMATCH"),
              QStringLiteral(
                  "The payload's attemptId '%1' belongs to another attempt than this retUrl.")
                  .arg(payloadAttemptId) });
    }
    User *user = findUser(attempt.user);
    if (!user)
        return fail(
            { Code::NotFound, QStringLiteral("EB-404-USER"), QStringLiteral("The user is gone.") });
    applyIdleTimeout(*user);
    if (user->state == UserState::LoggedOut) // cannot happen: logout closes its attempts
        return fail(loggedOutError(QStringLiteral("silent-authentication retUrl")));
    if (!user->userCode.equals(userCode))
        return fail({ Code::Forbidden, QStringLiteral("EB-403-USERCODE"),
                      QStringLiteral(
                          "The userCode does not match the one issued to this user at connect.") });
    if (user->state == UserState::Disconnected)
        return fail(
            { Code::Gone, QStringLiteral("EB-410-DISCONNECTED"),
              QStringLiteral(
                  "This userCode was invalidated (%1): the user must connect again; delete the "
                  "stored userCode.")
                  .arg(user->invalidatedReason) });
    if (user->state == UserState::Expired)
        return fail(
            { Code::Gone, QStringLiteral("EB-410-EXPIRED"),
              QStringLiteral(
                  "This userCode was invalidated (%1): the user must connect again; delete the "
                  "stored userCode.")
                  .arg(user->invalidatedReason) });
    if (user->state == UserState::Pending)
        return fail({ Code::Conflict, QStringLiteral("EB-409-NOT-CONNECTED"),
                      QStringLiteral("This user's connect has not been answered yet.") });
    attempt.open = false;
    user->state = UserState::Authenticated;
    user->lastAuthenticatedAt = QDateTime::currentDateTimeUtc();
    user->lastActivityMs = m_clock.elapsed();
    record(QStringLiteral("auth-answer"), user->name, QStringLiteral("authenticated"));
    return std::nullopt;
}

Result<QString, EmbeddedError> EmbeddedSessionStore::expire(const QString &requested)
{
    const QString name = requested.isEmpty() ? m_lastConnectedUser : requested;
    User *user = name.isEmpty() ? nullptr : findUser(name);
    if (!user)
        return EmbeddedError {
            Code::NotFound, QStringLiteral("EB-404-USER"),
            name.isEmpty() ? QStringLiteral("No user has connected yet.")
                           : QStringLiteral("No embedded-banking user named '%1'.").arg(name)
        };
    if (user->state == UserState::LoggedOut)
        return EmbeddedError {
            Code::Conflict, QStringLiteral("EB-409-NOT-CONNECTED"),
            QStringLiteral("User '%1' logged out: there is no userCode left to expire.").arg(name)
        };
    user->state = UserState::Expired;
    user->invalidatedReason = QStringLiteral("automatically disconnected by the FI's timeout");
    record(QStringLiteral("expire"), name, stateName(user->state));
    return name;
}

Result<EmbeddedSessionStore::LogoutDone, EmbeddedError>
EmbeddedSessionStore::logout(const QString &name)
{
    User *user = name.isEmpty() ? nullptr : findUser(name);
    if (!user)
        return EmbeddedError { Code::NotFound, QStringLiteral("EB-404-USER"),
                               QStringLiteral("No embedded-banking user named '%1'.").arg(name) };
    LogoutDone done { name };
    // Every retUrl issued to the user so far, answered or not, now belongs to an ended session:
    // its answer gets 410 EB-410-LOGGED-OUT, even after the user connects again.
    for (auto &[token, connect] : m_connects) {
        if (connect.user != name || connect.loggedOut)
            continue;
        done.closedConnects += connect.open ? 1 : 0;
        connect.open = false;
        connect.loggedOut = true;
    }
    for (auto &[id, attempt] : m_attempts) {
        if (attempt.user != name || attempt.loggedOut)
            continue;
        done.closedAttempts += attempt.open ? 1 : 0;
        attempt.open = false;
        attempt.loggedOut = true;
    }
    user->userCode.clear(); // wiped and released
    user->state = UserState::LoggedOut;
    user->invalidatedReason = QStringLiteral("logged out");
    record(QStringLiteral("logout"), name, stateName(user->state), {},
           QStringLiteral("userCode removed; %1 open connect retUrl(s) and %2 open "
                          "silent-authentication attempt(s) closed")
               .arg(done.closedConnects)
               .arg(done.closedAttempts));
    return done;
}

QJsonObject EmbeddedSessionStore::userJson(const User &user) const
{
    int openConnects = 0;
    int openAttempts = 0;
    for (const auto &[token, connect] : m_connects)
        openConnects += (connect.open && connect.user == user.name) ? 1 : 0;
    for (const auto &[id, attempt] : m_attempts)
        openAttempts += (attempt.open && attempt.user == user.name) ? 1 : 0;
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs))
                           : QJsonValue(QJsonValue::Null);
    };
    return QJsonObject { { QStringLiteral("user"), user.name },
                         { QStringLiteral("state"), stateName(user.state) },
                         { QStringLiteral("hasUserCode"), !user.userCode.isEmpty() },
                         { QStringLiteral("openConnects"), openConnects },
                         { QStringLiteral("openAttempts"), openAttempts },
                         { QStringLiteral("connectedAt"), time(user.connectedAt) },
                         { QStringLiteral("lastAuthenticatedAt"), time(user.lastAuthenticatedAt) },
                         { QStringLiteral("invalidatedReason"),
                           user.invalidatedReason.isEmpty()
                               ? QJsonValue(QJsonValue::Null)
                               : QJsonValue(user.invalidatedReason) } };
}

QJsonObject EmbeddedSessionStore::stateJson()
{
    QJsonArray users;
    for (auto &[name, user] : m_users) {
        applyIdleTimeout(user);
        users.append(userJson(user));
    }
    return QJsonObject { { QStringLiteral("users"), users },
                         { QStringLiteral("idleTimeoutMs"), m_idleTimeoutMs },
                         { QStringLiteral("log"), m_log } };
}

} // namespace aerodesk::emulator
