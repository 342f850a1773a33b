#pragma once

#include "core/api/Environment.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace aerodesk::embedded {

/// Where an event's retUrl may send the partner's answer, per environment. An event's retUrl
/// is a capability handed to us inside an encrypted payload; we still never POST a userCode
/// reply (or any status) to a host the environment does not name:
///  - a sandbox (built-in or custom): its own origin (scheme, host and port of its base URL);
///  - production: the origins listed in Settings (Environment::retUrlOrigins), none by default.
/// Origins compare scheme, host (case-insensitively) and port (default 443/80).
class RetUrlAllowList
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::embedded::RetUrlAllowList)

public:
    RetUrlAllowList() = default;
    static RetUrlAllowList forEnvironment(const api::Environment &environment);
    /// Parses "https://host[:port]" entries (a path is ignored); the bad ones are returned in
    /// `rejected` with the reason.
    static RetUrlAllowList fromOrigins(const QStringList &origins, QStringList *rejected = nullptr);

    /// Why `url` may not be contacted (one sentence naming the host and the allowed ones), or
    /// nullopt when it is on the list.
    std::optional<QString> refusal(const QUrl &url) const;
    QStringList origins() const; ///< normalised "https://host:port"
    bool isEmpty() const { return m_origins.isEmpty(); }

    /// "https://host:port" of any absolute URL, or empty.
    static QString originOf(const QUrl &url);

private:
    QStringList m_origins;
};

} // namespace aerodesk::embedded
