#include "core/session/EnvironmentProfiles.h"

#include "core/crypto/Random.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSettings>
#include <QSslCertificate>

namespace aerodesk::session {

using Kind = api::Environment::Kind;

namespace {
constexpr auto kOrderKey = "environments/customOrder";

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::BuiltInSandbox:
        return QStringLiteral("builtin");
    case Kind::CustomSandbox:
        return QStringLiteral("custom");
    case Kind::Production:
        return QStringLiteral("production");
    }
    return QStringLiteral("custom");
}
} // namespace

EnvironmentProfiles::EnvironmentProfiles(QSettings &settings)
    : m_settings(settings)
{
}

QString EnvironmentProfiles::group(const QString &id) const
{
    return QStringLiteral("environments/profiles/%1/").arg(id);
}

QStringList EnvironmentProfiles::customIds() const
{
    return m_settings.value(QLatin1String(kOrderKey)).toStringList();
}

EnvironmentProfile EnvironmentProfiles::read(const QString &id) const
{
    EnvironmentProfile p;
    p.id = id;
    const QString g = group(id);
    p.configurationId = m_settings.value(g + QLatin1String("configurationId")).toString();
    p.retUrlOrigins = m_settings.value(g + QLatin1String("retUrlOrigins")).toStringList();
    if (id == QLatin1String(kBuiltInId)) {
        p.kind = Kind::BuiltInSandbox;
        p.name = QStringLiteral("Built-in sandbox");
        p.keychainProfile = QString::fromLatin1(kBuiltInProfile);
    } else if (id == QLatin1String(kProductionId)) {
        p.kind = Kind::Production;
        p.name = QStringLiteral("Production");
        p.keychainProfile = QString::fromLatin1(kProductionProfile);
        p.baseUrl = api::Environment::production(p.keychainProfile).baseUrl;
    } else {
        p.kind = Kind::CustomSandbox;
        p.name = m_settings.value(g + QLatin1String("name"), id).toString();
        p.keychainProfile =
            m_settings.value(g + QLatin1String("keychainProfile"), p.name).toString();
        p.baseUrl = QUrl(m_settings.value(g + QLatin1String("baseUrl")).toString());
        p.pinnedCertFile = m_settings.value(g + QLatin1String("pinnedCertFile")).toString();
    }
    return p;
}

QList<EnvironmentProfile> EnvironmentProfiles::profiles() const
{
    QList<EnvironmentProfile> out { read(QString::fromLatin1(kBuiltInId)),
                                    read(QString::fromLatin1(kProductionId)) };
    for (const QString &id : customIds())
        out.append(read(id));
    return out;
}

std::optional<EnvironmentProfile> EnvironmentProfiles::find(const QString &id) const
{
    if (id == QLatin1String(kBuiltInId) || id == QLatin1String(kProductionId) ||
        customIds().contains(id))
        return read(id);
    return std::nullopt;
}

std::optional<EnvironmentProfile>
EnvironmentProfiles::findByKeychainProfile(const QString &keychainProfile) const
{
    for (const EnvironmentProfile &p : profiles()) {
        if (p.keychainProfile == keychainProfile)
            return p;
    }
    return std::nullopt;
}

EnvironmentProfile EnvironmentProfiles::addCustom(const QString &name, const QUrl &baseUrl,
                                                  const QString &pinnedCertFile)
{
    QStringList taken;
    for (const EnvironmentProfile &p : profiles())
        taken << p.name << p.keychainProfile;
    const QString base =
        name.trimmed().isEmpty() ? QStringLiteral("Custom sandbox") : name.trimmed();
    QString unique = base;
    for (int n = 2; taken.contains(unique); ++n)
        unique = QStringLiteral("%1 (%2)").arg(base).arg(n);

    // The keychain namespace is random, not the name: names change and repeat across settings
    // files (e.g. two users' configurations), the keychain is one per user.
    const QString tag = QString::fromLatin1(crypto::Random::hex(4));
    EnvironmentProfile p;
    p.kind = Kind::CustomSandbox;
    p.id = QStringLiteral("custom-") + tag;
    p.name = unique;
    p.keychainProfile = QStringLiteral("Custom sandbox ") + tag;
    p.baseUrl = baseUrl;
    p.pinnedCertFile = pinnedCertFile;
    QStringList ids = customIds();
    ids.append(p.id);
    m_settings.setValue(QLatin1String(kOrderKey), ids);
    m_settings.setValue(group(p.id) + QLatin1String("keychainProfile"), p.keychainProfile);
    save(p);
    return p;
}

void EnvironmentProfiles::save(const EnvironmentProfile &profile)
{
    const QString g = group(profile.id);
    m_settings.setValue(g + QLatin1String("kind"), kindName(profile.kind));
    m_settings.setValue(g + QLatin1String("configurationId"), profile.configurationId);
    m_settings.setValue(g + QLatin1String("retUrlOrigins"), profile.retUrlOrigins);
    if (profile.kind == Kind::CustomSandbox) {
        m_settings.setValue(g + QLatin1String("name"), profile.name);
        m_settings.setValue(g + QLatin1String("baseUrl"), profile.baseUrl.toString());
        m_settings.setValue(g + QLatin1String("pinnedCertFile"), profile.pinnedCertFile);
    }
    m_settings.sync();
}

bool EnvironmentProfiles::remove(const QString &id)
{
    QStringList ids = customIds();
    if (!ids.removeOne(id))
        return false;
    m_settings.setValue(QLatin1String(kOrderKey), ids);
    m_settings.remove(group(id).chopped(1));
    m_settings.sync();
    return true;
}

Result<api::Environment, QString>
EnvironmentProfiles::toEnvironment(const EnvironmentProfile &profile)
{
    if (profile.kind == Kind::Production) {
        api::Environment env = api::Environment::production(profile.keychainProfile);
        env.retUrlOrigins = profile.retUrlOrigins;
        env.configurationId = profile.configurationId;
        return env;
    }
    if (profile.kind == Kind::BuiltInSandbox)
        return QStringLiteral(
            "The built-in sandbox's address exists only while it runs; AeroDesk sets it itself.");
    const QUrl url = profile.baseUrl;
    if (auto problem = api::Environment::baseUrlProblem(url))
        return *problem;
    QByteArray pem;
    QByteArray sha;
    if (!profile.pinnedCertFile.isEmpty()) {
        QFile f(profile.pinnedCertFile);
        if (!f.open(QIODevice::ReadOnly))
            return QStringLiteral("Cannot read the pinned certificate %1: %2")
                .arg(profile.pinnedCertFile, f.errorString());
        pem = f.read(256 * 1024);
        const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
        if (certs.isEmpty() || certs.first().isNull())
            return QStringLiteral("%1 holds no PEM certificate.").arg(profile.pinnedCertFile);
        sha = certs.first().digest(QCryptographicHash::Sha256).toHex();
    }
    api::Environment env = api::Environment::sandbox(Kind::CustomSandbox, profile.name,
                                                     profile.keychainProfile, url, pem, sha);
    env.retUrlOrigins = profile.retUrlOrigins;
    env.configurationId = profile.configurationId;
    return env;
}

QString EnvironmentProfiles::formatFingerprint(const QByteArray &sha256Hex)
{
    QStringList pairs;
    const QString hex = QString::fromLatin1(sha256Hex).toLower();
    for (qsizetype i = 0; i + 1 < hex.size(); i += 2)
        pairs << hex.mid(i, 2);
    return pairs.join(QLatin1Char(':'));
}

} // namespace aerodesk::session
