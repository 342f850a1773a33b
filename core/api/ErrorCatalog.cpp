#include "core/api/ErrorCatalog.h"

#include <QRegularExpression>

#include <array>

namespace aerodesk::api {

namespace {

struct Entry
{
    const char *code;
    const char *title;
    const char *cause;
    const char *nextStep;
    RetryPolicy retry;
    bool lockout = false; ///< the bank locked further attempts: nothing may retry or relaunch
};

// Keep in step with docs/error-catalogue.md.
constexpr std::array kEntries {
    Entry {
        "AC-001", "Not authorised",
        "The API token was missing, expired or not accepted (or the widget token was already "
        "used).",
        "AeroDesk gets a fresh token and repeats the call once by itself. If it still fails, check "
        "the apiKey and apiSecret of this environment in Settings.",
        RetryPolicy::AfterRefreshToken },
    Entry {
        "AC-100", "Request incomplete",
        "A required field was missing or malformed (for example a date not in YYYY-MM-DD form), or "
        "the data was asked for before its job had completed.",
        "Check the connection id and any dates; if a job is still running, wait for it to complete "
        "and fetch again.",
        RetryPolicy::AfterUserAction },
    Entry {
        "AC-101", "API credentials rejected",
        "The apiKey or apiSecret of this environment is wrong.",
        "Re-enter the apiKey and apiSecret for this environment in Settings (they are kept in the "
        "keychain), then try again.",
        RetryPolicy::AfterUserAction },
    Entry {
        "AC-102", "Connection not found",
        "Aerosync does not know this connection id: it was mistyped, deleted or belongs to another "
        "environment.",
        "Check the id and the active environment. If the connection was removed, the user has to "
        "link the bank again.",
        RetryPolicy::Never },
    Entry { "AC-103", "Bank returned no account details",
            "The bank did not return the account and routing number or the balance.",
            "Try again later. If it keeps happening, ask the user to link another account.",
            RetryPolicy::Backoff },
    Entry {
        "AC-104", "Bank connection needs reconnecting",
        "Aerosync cannot reach the bank for this connection, usually because the connection has "
        "expired or the bank revoked it.",
        "Launch the reconnect widget on this same connection (never a fresh link) and ask the user "
        "to sign in to the bank again.",
        RetryPolicy::Reconnect },
    Entry {
        "AC-105", "No balance for a manually linked account",
        "The account was linked by hand (routing and account number), so the bank cannot report a "
        "balance.",
        "Do not refresh the balance for this connection. If a balance is needed, the user must "
        "link "
        "the account by signing in to the bank instead.",
        RetryPolicy::Never },
    Entry {
        "AC-106", "Balance request refused",
        "The balance request was refused (Aerosync's documentation of this code is incomplete).",
        "Try again later; if it persists, send the code and time to Aerosync support.",
        RetryPolicy::Backoff },
    Entry { "AC-108", "MFA locked out",
            "Too many wrong MFA answers: the bank locked further attempts for a while.",
            "Do not retry automatically. Tell the user the bank has paused access; try again later "
            "(the "
            "sandbox locks for 15 minutes) and contact the bank if it persists.",
            RetryPolicy::Never, true },
    Entry { "AC-110", "MFA timed out",
            "The user did not complete the bank's MFA step within its time window.",
            "Relaunch the widget in MFA mode (a fresh widget token, handleMFA, jobId, "
            "connectionId) and "
            "ask the user to answer at once.",
            RetryPolicy::RelaunchMfa },
    Entry { "AC-112", "Job already running",
            "A job of the same type is already running on this connection.",
            "Wait for the running job to finish and use its result instead of starting another.",
            RetryPolicy::WaitForRunningJob },
    Entry { "AC-117", "Incorrect bank credentials",
            "The user's bank sign-in was wrong, or the account and routing number do not match.",
            "Ask the user to open the widget again and re-enter their bank credentials carefully.",
            RetryPolicy::AfterUserAction },
    Entry { "AC-204", "No account information",
            "The bank returned no account information for this sign-in.",
            "Ask the user to select another bank or account.", RetryPolicy::AfterUserAction },
    Entry { "AR-100", "Widget timed out", "The user did not respond in the widget in time.",
            "Relaunch the widget (with a fresh widget token) when the user is ready.",
            RetryPolicy::AfterUserAction },
    Entry {
        "AR-500", "Aerosync server error", "Aerosync had an internal error.",
        "Try again in a few minutes; if it persists, report the code and time to Aerosync support.",
        RetryPolicy::Backoff },
    Entry {
        "INVALID_TOKEN", "Widget token not valid",
        "The widget was launched with a token that was already used or has expired (each widget "
        "token is good for one launch).",
        "Launch again: AeroDesk fetches a fresh widget token for every widget session.",
        RetryPolicy::AfterRefreshToken },
    // Sandbox: embedded-banking retUrl and control codes (docs/sandbox-webhooks-and-eb.md, ours).
    Entry { "EB-400-JSON", "Answer is not JSON",
            "The retUrl answer, or the decrypted payload, is not a UTF-8 JSON object.",
            "Check the reply that was built; send a JSON object.", RetryPolicy::AfterUserAction },
    Entry {
        "EB-400-FIELDS", "Answer is missing a field",
        "A required string (status, payload, attemptId or userCode) is missing or not a string.",
        "Fill in every required field and send the answer again.", RetryPolicy::AfterUserAction },
    Entry { "EB-400-HEX", "Payload is not hex",
            "The encrypted payload sent to the retUrl is not strict hex.",
            "Send the payload as plain lowercase hex with no spaces or prefix.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-400-DECRYPT", "Payload does not decrypt",
            "The provider could not decrypt the payload: wrong public key, wrong OAEP digest or a "
            "corrupted "
            "ciphertext.",
            "Encrypt the answer to the provider's public key with RSA-OAEP (SHA-1 by default) and "
            "try again.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-400-STATUS", "Status not OK",
            "The answer's status was not \"OK\"; the attempt was closed.",
            "Start a new connect or authentication event if the user should continue.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-400-ATTEMPT-MISMATCH", "Wrong attempt",
            "The payload's attemptId belongs to another authentication attempt.",
            "Answer each attempt with its own attemptId.", RetryPolicy::AfterUserAction },
    Entry { "EB-403-USERCODE", "Wrong userCode", "The userCode is not the one issued to this user.",
            "Use the userCode from this user's connect event (kept in the keychain).",
            RetryPolicy::AfterUserAction },
    Entry { "EB-404-ATTEMPT", "Unknown attempt", "The attemptId was never issued.",
            "Decrypt a fresh authentication event and answer its attemptId.", RetryPolicy::Never },
    Entry { "EB-404-CONNECT", "Unknown connect retUrl", "The connect retUrl was never issued.",
            "Use the retUrl from a fresh connect event.", RetryPolicy::Never },
    Entry { "EB-404-USER", "Unknown user", "No such embedded-banking user in the sandbox.",
            "Check the user name.", RetryPolicy::AfterUserAction },
    Entry { "EB-409-ATTEMPT-CLOSED", "Attempt already answered",
            "This attempt was already answered.",
            "Nothing to do: a new event brings a new attempt.", RetryPolicy::Never },
    Entry { "EB-409-CONNECT-CLOSED", "Connect already answered",
            "This connect retUrl was already answered.",
            "Nothing to do: the connect was already handled.", RetryPolicy::Never },
    Entry { "EB-409-NOT-CONNECTED", "User not connected",
            "Silent authentication was asked for a user who never completed a connect or who "
            "logged out.",
            "Run the connect flow for this user first.", RetryPolicy::AfterUserAction },
    Entry { "EB-410-DISCONNECTED", "userCode invalidated (disconnect)",
            "The userCode was invalidated: the user's connect was refused or the user was "
            "disconnected.",
            "The stored userCode is no longer valid: AeroDesk removes it at once. The user must "
            "connect again.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-410-EXPIRED", "userCode expired",
            "The userCode was invalidated by the automatic disconnect after being idle too long.",
            "The stored userCode is no longer valid: AeroDesk removes it at once. The user must "
            "connect again.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-410-LOGGED-OUT", "User logged out",
            "The retUrl belongs to an embedded-banking session the user ended by logging out.",
            "The user logged out of embedded banking: AeroDesk removed the stored userCode; the "
            "user must connect again.",
            RetryPolicy::AfterUserAction },
    Entry { "EB-500-ENCRYPT", "Sandbox could not encrypt",
            "The sandbox failed to encrypt an event.",
            "Restart the sandbox; report it if it happens again.", RetryPolicy::Backoff },
    Entry { "EB-503-NO-AUTH", "Sandbox not wired", "The sandbox runs without its authorizer.",
            "Restart the sandbox.", RetryPolicy::Never },
    Entry { "EB-503-NO-KEYS", "Sandbox has no keys",
            "The sandbox runs without embedded-banking keys.",
            "Restart the sandbox (or give it --partner-key/--provider-key).", RetryPolicy::Never },
    // Sandbox: webhook management codes (ours).
    Entry { "WH-400-JSON", "Webhook request is not JSON", "The request body is not a JSON object.",
            "Send a JSON object.", RetryPolicy::AfterUserAction },
    Entry { "WH-400-URL", "Webhook URL refused",
            "The receiver URL is missing, not absolute http(s), or (in the sandbox) not loopback.",
            "Enter a full http(s) URL; the sandbox only delivers to 127.0.0.1.",
            RetryPolicy::AfterUserAction },
    Entry { "WH-400-EVENTS", "Webhook events refused",
            "The events list is missing, empty or names an unknown event.",
            "Choose among job.balance, job.transaction, job.identity, bank.revocation, "
            "migration_tool, test.event.",
            RetryPolicy::AfterUserAction },
    Entry { "WH-400-SECRET", "Webhook secret refused",
            "secret_key is not a string or is over 1024 bytes.", "Use a shorter secret.",
            RetryPolicy::AfterUserAction },
    Entry { "WH-400-REASON", "Pause reason refused", "The pause reason is not a string.",
            "Give a text reason.", RetryPolicy::AfterUserAction },
    Entry { "WH-400-NOTHING", "Nothing to update",
            "The update named none of url, events or secret_key.", "Change at least one of them.",
            RetryPolicy::AfterUserAction },
    Entry { "WH-404", "Webhook subscription not found", "There is no subscription with that id.",
            "Refresh the list of subscriptions.", RetryPolicy::Never },
    Entry { "WH-409-PAUSED", "Subscription paused",
            "A test delivery was asked for a paused subscription.",
            "Unpause the subscription first.", RetryPolicy::AfterUserAction },
};

const Entry *find(const QString &code)
{
    const QByteArray key = code.trimmed().toUpper().toLatin1();
    for (const Entry &e : kEntries) {
        if (key == e.code)
            return &e;
    }
    return nullptr;
}

} // namespace

ErrorInfo ErrorCatalog::lookup(const QString &code, const QString &message)
{
    ErrorInfo info;
    info.code = code.trimmed().toUpper();
    info.rawMessage = message;
    if (const Entry *e = find(code)) {
        info.known = true;
        info.title = QString::fromUtf8(e->title);
        info.cause = QString::fromUtf8(e->cause);
        info.nextStep = QString::fromUtf8(e->nextStep);
        info.retry = e->retry;
        info.lockout = e->lockout;
    } else {
        info.code = code.trimmed();
        info.known = false;
        info.title = info.code.isEmpty() ? QStringLiteral("Unexplained error")
                                         : QStringLiteral("Unknown error %1").arg(info.code);
        info.cause = message.isEmpty() ? QStringLiteral("No explanation was given.") : message;
        info.nextStep =
            QStringLiteral("This code is not in AeroDesk's catalogue: pass the code and "
                           "message on to Aerosync support.");
        info.retry = RetryPolicy::AfterUserAction;
    }
    if (info.code == QLatin1String("AC-112")) {
        info.runningJobId = extractJobId(message);
        if (!info.runningJobId.isEmpty())
            info.nextStep = QStringLiteral("Job %1 is already running on this connection: wait for "
                                           "it to finish and use its result.")
                                .arg(info.runningJobId);
    }
    return info;
}

ErrorInfo ErrorCatalog::parseWidgetError(const QString &pipeString)
{
    QString type;
    QString code;
    QString message;
    const QStringList parts = pipeString.split(QLatin1Char('|'));
    static const QRegularExpression codeLike(QStringLiteral("^[A-Za-z]{2}-\\d{3}$"));
    for (int i = 0; i < parts.size(); ++i) {
        const QString part = parts.at(i).trimmed();
        if (part.startsWith(QLatin1String("code"), Qt::CaseInsensitive) &&
            part.contains(QLatin1Char(':')) && code.isEmpty()) {
            code = part.mid(part.indexOf(QLatin1Char(':')) + 1).trimmed();
        } else if (part.startsWith(QLatin1String("message"), Qt::CaseInsensitive) &&
                   part.contains(QLatin1Char(':'))) {
            // The message is the rest of the string: it may itself contain '|'.
            QStringList rest = parts.mid(i);
            QString joined = rest.join(QLatin1Char('|')).trimmed();
            message = joined.mid(joined.indexOf(QLatin1Char(':')) + 1).trimmed();
            break;
        } else if (code.isEmpty() && codeLike.match(part).hasMatch()) {
            code = part;
        } else if (i == 0) {
            type = part;
        } else if (message.isEmpty()) {
            message = part;
        }
    }
    // A bare INVALID_TOKEN without a code is explained by its type.
    ErrorInfo info = lookup(code.isEmpty() ? type : code, message);
    if (code.isEmpty() && !find(type))
        info = lookup(QString(), message.isEmpty() ? pipeString.trimmed() : message);
    info.widgetType = type;
    info.raw = pipeString;
    return info;
}

QString ErrorCatalog::extractJobId(const QString &message)
{
    static const QRegularExpression known(
        QStringLiteral("\\b((?:REF|TRN|IDT)-[0-9A-Fa-f]{32})\\b"));
    static const QRegularExpression generic(QStringLiteral("\\b([A-Z]{3}-[0-9A-Fa-f]{8,})\\b"));
    QRegularExpressionMatch m = known.match(message);
    if (m.hasMatch())
        return m.captured(1);
    m = generic.match(message);
    return m.hasMatch() ? m.captured(1) : QString();
}

QList<QString> ErrorCatalog::knownCodes()
{
    QList<QString> codes;
    for (const Entry &e : kEntries)
        codes.append(QString::fromLatin1(e.code));
    return codes;
}

} // namespace aerodesk::api
