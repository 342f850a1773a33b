#include "core/bundle/BundleRedactor.h"

#include "core/connections/IdMask.h"
#include "core/timeline/CorrelationId.h"
#include "core/util/DiagnosticLog.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace aerodesk::bundle {

namespace {

QString normalised(const QString &name)
{
    QString n = name.toLower();
    n.remove(QLatin1Char('_'));
    n.remove(QLatin1Char('-'));
    n.remove(QLatin1Char(' '));
    return n;
}

/// A placeholder no redaction rule touches (no hex run, no word a field rule matches).
QString placeholder(int i)
{
    return QStringLiteral("\u0001SUBJ%1\u0001").arg(QChar(QLatin1Char('A' + i)));
}

} // namespace

BundleRedactor::BundleRedactor(Form form, QStringList subjectIds)
    : m_form(form)
{
    for (const QString &id : subjectIds) {
        if (!id.isEmpty() && !m_subjectIds.contains(id))
            m_subjectIds << id;
    }
    // Longest first, so an id inside another is replaced after it.
    std::sort(m_subjectIds.begin(), m_subjectIds.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    if (m_subjectIds.size() > 20)
        m_subjectIds = m_subjectIds.mid(0, 20);
}

QString BundleRedactor::formName(Form form)
{
    return form == Form::Provider ? QStringLiteral("provider") : QStringLiteral("masked");
}

std::optional<BundleRedactor::Form> BundleRedactor::formFromName(const QString &name)
{
    if (name == QLatin1String("masked"))
        return Form::Masked;
    if (name == QLatin1String("provider"))
        return Form::Provider;
    return std::nullopt;
}

QString BundleRedactor::formLabel(Form form)
{
    return form == Form::Provider
        ? QCoreApplication::translate("aerodesk::bundle::BundleRedactor",
                                      "Provider-facing (keeps the ids the provider asks for)")
        : QCoreApplication::translate("aerodesk::bundle::BundleRedactor",
                                      "Masked (every identifier masked)");
}

bool BundleRedactor::isSecretName(const QString &name)
{
    static const QStringList parts {
        QStringLiteral("token"),      QStringLiteral("secret"),        QStringLiteral("usercode"),
        QStringLiteral("password"),   QStringLiteral("passphrase"),    QStringLiteral("privatekey"),
        QStringLiteral("apikey"),     QStringLiteral("authorization"), QStringLiteral("cookie"),
        QStringLiteral("credential"), QStringLiteral("datakey"),       QStringLiteral("storekey"),
        QStringLiteral("payload"),    QStringLiteral("pem"),           QStringLiteral("otp"),
        QStringLiteral("mfaanswer"),  QStringLiteral("answer"),
    };
    const QString n = normalised(name);
    return std::any_of(parts.cbegin(), parts.cend(),
                       [&n](const QString &p) { return n.contains(p); });
}

bool BundleRedactor::isIdName(const QString &name)
{
    // "id", "…Id"/"…ID"/"…_id"/"…-id" (and plurals), "…Uuid"/"…uuid": the API's and the store's
    // spellings. Not every word ending in "id" ("valid", "paid").
    static const QRegularExpression idName(
        QStringLiteral("(^(id|ids|uuid|user)$)|(Ids?$)|(IDs?$)|([_-][iI][dD]s?$)|([uU]uid$)"));
    const QString n = normalised(name);
    return idName.match(name).hasMatch() || n.contains(QLatin1String("accountnumber")) ||
        n.contains(QLatin1String("routingnumber"));
}

QString BundleRedactor::id(const QString &value) const
{
    if (m_form == Form::Provider && m_subjectIds.contains(value))
        return value;
    return connections::IdMask::mask(value);
}

QString BundleRedactor::redactText(const QString &text) const
{
    QString out = text;
    for (int i = 0; i < m_subjectIds.size(); ++i)
        out.replace(m_subjectIds.at(i), placeholder(i));
    out = DiagnosticLog::redact(out);
    for (int i = 0; i < m_subjectIds.size(); ++i)
        out.replace(placeholder(i), id(m_subjectIds.at(i)));
    return out;
}

QJsonValue BundleRedactor::redactMember(const QString &name, const QJsonValue &value) const
{
    // A timeline step's correlation id ties one flow's steps together: random, no secret, not
    // the customer's (docs/timeline.md). Kept whole when it has the shape CorrelationId mints —
    // the long-hex rule of the log redaction would otherwise hide it.
    if (name == QLatin1String("correlationId") && value.isString() &&
        timeline::CorrelationId::isWellFormed(value.toString()))
        return value;
    if (isSecretName(name))
        return value.isNull() ? value : QJsonValue(QLatin1String(kRedacted));
    if (isIdName(name)) {
        if (value.isString())
            return id(value.toString());
        if (value.isDouble())
            return id(QString::number(value.toDouble(), 'f', 0));
    }
    return redact(value);
}

QJsonObject BundleRedactor::redact(const QJsonObject &object) const
{
    QJsonObject out;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        out.insert(redactText(it.key()), redactMember(it.key(), it.value()));
    return out;
}

QJsonArray BundleRedactor::redact(const QJsonArray &array) const
{
    QJsonArray out;
    for (const QJsonValue &v : array)
        out.append(redact(v));
    return out;
}

QJsonValue BundleRedactor::redact(const QJsonValue &value) const
{
    if (value.isObject())
        return redact(value.toObject());
    if (value.isArray())
        return redact(value.toArray());
    if (value.isString())
        return redactText(value.toString());
    return value;
}

} // namespace aerodesk::bundle
