#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace aerodesk::embedded {

/// A `status` value a partner may POST to a retUrl instead of "OK". The provider records any
/// value other than OK as a failed attempt (for troubleshooting); the source document names
/// three cases a partner should handle, which are offered first, and a custom value is allowed.
struct ReplyStatus
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::embedded::ReplyStatus)

public:
    QString value; ///< what is sent: "SESSION_EXPIRED"
    QString label; ///< translated, for a chooser: "User session expired"
    QString when; ///< translated, one sentence: when to send it

    static constexpr const char *kOk = "OK";
    static constexpr const char *kUserNotAuthenticated = "USER_NOT_AUTHENTICATED";
    static constexpr const char *kSessionExpired = "SESSION_EXPIRED";
    static constexpr const char *kDataStoreUnavailable = "DATA_STORE_UNAVAILABLE";

    /// The document's three cases, in its order.
    static QList<ReplyStatus> standard();
    /// The standard entry for `value`, if it is one.
    static std::optional<ReplyStatus> find(const QString &value);
    /// Why `value` cannot be sent as a non-OK status (empty, "OK", longer than 64 characters,
    /// characters outside A–Z a–z 0–9 _ . -), or nullopt.
    static std::optional<QString> checkCustom(const QString &value);
};

} // namespace aerodesk::embedded
