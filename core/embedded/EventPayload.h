#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/embedded/PayloadError.h"
#include "core/util/Result.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace aerodesk::embedded {

/// A decrypted embedded-banking event, classified:
///  - Connect:    {"userCode": "...", "retUrl": "..."}  (initializeConnect)
///  - SilentAuth: {"attemptId": "...", "retUrl": "..."} (initializeAuthenticate)
/// Unknown extra fields are tolerated and listed. The userCode is a secret: it is kept only in
/// wiping memory, and the display JSON carries a mask in its place.
class EventPayload
{
public:
    enum class Kind { Connect, SilentAuth };

    /// Classifies a decrypted JSON object. Takes the object by value and removes the userCode
    /// from it; errors: UnknownShape (names the keys found, never values), BadField, BadRetUrl.
    static Result<EventPayload, PayloadError> classify(QJsonObject object);

    Kind kind() const { return m_kind; }
    QString kindName() const; ///< "connect" / "silent-auth"
    const QUrl &retUrl() const { return m_retUrl; }
    const QString &attemptId() const { return m_attemptId; } ///< SilentAuth only
    const crypto::SecureBytes &userCode() const { return m_userCode; } ///< Connect only
    QStringList extraKeys() const { return m_extraKeys; }
    /// A copy (the userCode copied into new wiping memory): the payload inspector keeps the
    /// event it shows and hands the workflow its own.
    EventPayload clone() const;

    /// The payload as JSON for display: the userCode replaced by `maskedUserCode()`.
    QJsonObject displayObject() const { return m_display; }
    /// "•••• (32 characters, hidden)" — length only, no character of the secret.
    QString maskedUserCode() const;

    /// Checks a retUrl: absolute https; http only to a loopback host (local test servers).
    static std::optional<PayloadError> checkRetUrl(const QUrl &url);

private:
    Kind m_kind = Kind::Connect;
    QUrl m_retUrl;
    QString m_attemptId;
    crypto::SecureBytes m_userCode;
    QStringList m_extraKeys;
    QJsonObject m_display;
};

} // namespace aerodesk::embedded
