#include "core/embedded/EventPayload.h"

#include <QHostAddress>

namespace aerodesk::embedded {

namespace {

const QString kUserCode = QStringLiteral("userCode");
const QString kAttemptId = QStringLiteral("attemptId");
const QString kRetUrl = QStringLiteral("retUrl");

bool isLoopback(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

PayloadError badField(const QString &name, const QString &why)
{
    return PayloadError::make(PayloadErrc::BadField,
                              QStringLiteral("The event's \"%1\" %2.").arg(name, why));
}

} // namespace

std::optional<PayloadError> EventPayload::checkRetUrl(const QUrl &url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return PayloadError::make(PayloadErrc::BadRetUrl,
                                  QStringLiteral("The event's retUrl is not an absolute URL."));
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return std::nullopt;
    if (scheme == QLatin1String("http") && isLoopback(url.host()))
        return std::nullopt;
    return PayloadError::make(PayloadErrc::BadRetUrl,
                              QStringLiteral("The event's retUrl uses \"%1\" to %2; only https is "
                                             "answered (plain http only on this machine).")
                                  .arg(url.scheme(), url.host()));
}

Result<EventPayload, PayloadError> EventPayload::classify(QJsonObject object)
{
    const bool hasUserCode = object.contains(kUserCode);
    const bool hasAttempt = object.contains(kAttemptId);
    if (!object.contains(kRetUrl) || hasUserCode == hasAttempt) {
        QStringList keys = object.keys();
        return PayloadError::make(
            PayloadErrc::UnknownShape,
            QStringLiteral("The payload decrypted to JSON with the fields {%1}, which is neither "
                           "a connect event {userCode, retUrl} nor a silent-authentication event "
                           "{attemptId, retUrl}.")
                .arg(keys.isEmpty() ? QStringLiteral("none") : keys.join(QStringLiteral(", "))));
    }
    EventPayload p;
    const QJsonValue ret = object.value(kRetUrl);
    if (!ret.isString() || ret.toString().isEmpty())
        return badField(kRetUrl, QStringLiteral("is not a non-empty string"));
    p.m_retUrl = QUrl(ret.toString(), QUrl::StrictMode);
    if (auto problem = checkRetUrl(p.m_retUrl))
        return *problem;

    if (hasUserCode) {
        p.m_kind = Kind::Connect;
        const QJsonValue code = object.value(kUserCode);
        if (!code.isString() || code.toString().isEmpty())
            return badField(kUserCode, QStringLiteral("is not a non-empty string"));
        QString text = code.toString();
        p.m_userCode = crypto::SecureBytes::fromUtf8(text);
        crypto::secureWipe(text);
        object.insert(kUserCode, p.maskedUserCode());
    } else {
        p.m_kind = Kind::SilentAuth;
        const QJsonValue attempt = object.value(kAttemptId);
        if (!attempt.isString() || attempt.toString().isEmpty())
            return badField(kAttemptId, QStringLiteral("is not a non-empty string"));
        p.m_attemptId = attempt.toString();
    }
    for (const QString &key : object.keys())
        if (key != kRetUrl && key != kUserCode && key != kAttemptId)
            p.m_extraKeys << key;
    p.m_display = object;
    return p;
}

EventPayload EventPayload::clone() const
{
    EventPayload copy;
    copy.m_kind = m_kind;
    copy.m_retUrl = m_retUrl;
    copy.m_attemptId = m_attemptId;
    copy.m_userCode = m_userCode.clone();
    copy.m_extraKeys = m_extraKeys;
    copy.m_display = m_display;
    return copy;
}

QString EventPayload::kindName() const
{
    return m_kind == Kind::Connect ? QStringLiteral("connect") : QStringLiteral("silent-auth");
}

QString EventPayload::maskedUserCode() const
{
    if (m_userCode.isEmpty())
        return {};
    return QStringLiteral("•••• (%1 characters, hidden)").arg(m_userCode.size());
}

} // namespace aerodesk::embedded
