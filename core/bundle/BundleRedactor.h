#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace aerodesk::bundle {

/// Makes anything that goes into an escalation bundle safe to hand over.
///
/// Secrets never go in, in either form: a JSON member whose name says secret (token, apiKey,
/// apiSecret, userCode, password, passphrase, privateKey, authorization, signing/webhook secret,
/// payload…) has its value replaced by "[redacted]", and every other text goes through the
/// shape rules of DiagnosticLog::redact (PEM blocks, JWTs, "Bearer …", secret-named fields in
/// text, long hex runs, UUIDs).
///
/// Identifiers: in the masked form every identifier (connectionId, aeroPassUserUuid, user and
/// job ids, account and routing numbers) is shown as IdMask shows it. The provider-facing form
/// keeps the subject's own ids plain — its connectionId / aeroPassUserUuid, or the partner
/// user's id (`subjectIds`) — because that is what the provider asks for; everything else stays
/// masked, and secrets still go.
class BundleRedactor
{
public:
    enum class Form { Masked, Provider };

    static constexpr const char *kRedacted = "[redacted]";

    BundleRedactor(Form form, QStringList subjectIds);

    Form form() const { return m_form; }
    static QString formName(Form form); ///< "masked" / "provider"
    static std::optional<Form> formFromName(const QString &name);
    /// Translated, for the preview's chooser.
    static QString formLabel(Form form);

    QJsonObject redact(const QJsonObject &object) const;
    QJsonArray redact(const QJsonArray &array) const;
    QJsonValue redact(const QJsonValue &value) const;
    /// Free text (a log line, a note): the subject's ids shown per the form, other ids and
    /// secret shapes replaced.
    QString redactText(const QString &text) const;
    /// An identifier of the subject (or any other) as this form shows it.
    QString id(const QString &value) const;

    /// A member name that holds a secret (compared without case, '_' and '-').
    static bool isSecretName(const QString &name);
    /// A member name that holds an identifier.
    static bool isIdName(const QString &name);

private:
    QJsonValue redactMember(const QString &name, const QJsonValue &value) const;

    Form m_form;
    QStringList m_subjectIds;
};

} // namespace aerodesk::bundle
