#include "core/session/TeamStoreSettings.h"

#include "core/team/TeamKeychain.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSettings>
#include <QSslCertificate>

namespace aerodesk::session {

namespace {
QString trTeamStore(const char *text)
{
    return QCoreApplication::translate("aerodesk::session::TeamStoreSettings", text);
}

std::optional<QString> caFileProblem(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return trTeamStore("The CA file %1 does not exist.").arg(path);
    if (!info.isFile())
        return trTeamStore("The CA file %1 is not a file.").arg(path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return trTeamStore("The CA file %1 cannot be read: %2").arg(path, file.errorString());
    const QByteArray pem = file.read(1024 * 1024);
    if (QSslCertificate::fromData(pem, QSsl::Pem).isEmpty())
        return trTeamStore("The CA file %1 holds no PEM certificate.").arg(path);
    // QPSQL hands the options to libpq unquoted (StoreTarget::connectOptions).
    const auto probe =
        store::StoreTarget::postgres(QStringLiteral("h"), 1, QStringLiteral("d"),
                                     QStringLiteral("u"), QStringLiteral("verify-full"), path);
    bool ok = false;
    probe.connectOptions(&ok);
    if (!ok)
        return trTeamStore("The CA file's path %1 holds a space, quote, backslash or semicolon, "
                           "which the PostgreSQL driver cannot pass: move the file to a plain "
                           "path.")
            .arg(path);
    return std::nullopt;
}
} // namespace

TeamStoreSettings::TeamStoreSettings(QSettings &settings)
    : m_settings(settings)
{
}

QString TeamStoreSettings::group(const QString &profileId) const
{
    return QStringLiteral("environments/profiles/%1/teamStore/").arg(profileId);
}

TeamStoreChoice TeamStoreSettings::read(const QString &profileId) const
{
    const QString g = group(profileId);
    TeamStoreChoice c;
    c.teamStore =
        m_settings.value(g + QLatin1String("backend")).toString() == QLatin1String("postgresql");
    c.host = m_settings.value(g + QLatin1String("host")).toString();
    c.port = m_settings.value(g + QLatin1String("port"), 5432).toInt();
    c.database = m_settings.value(g + QLatin1String("database")).toString();
    c.user = m_settings.value(g + QLatin1String("user")).toString();
    c.sslMode =
        m_settings.value(g + QLatin1String("sslMode"), QStringLiteral("verify-full")).toString();
    c.caFile = m_settings.value(g + QLatin1String("caFile")).toString();
    c.team = m_settings.value(g + QLatin1String("team")).toString();
    return c;
}

void TeamStoreSettings::save(const QString &profileId, const TeamStoreChoice &choice)
{
    const QString g = group(profileId);
    m_settings.setValue(g + QLatin1String("backend"),
                        choice.teamStore ? QStringLiteral("postgresql") : QStringLiteral("local"));
    m_settings.setValue(g + QLatin1String("host"), choice.host);
    m_settings.setValue(g + QLatin1String("port"), choice.port);
    m_settings.setValue(g + QLatin1String("database"), choice.database);
    m_settings.setValue(g + QLatin1String("user"), choice.user);
    m_settings.setValue(g + QLatin1String("sslMode"), choice.sslMode);
    m_settings.setValue(g + QLatin1String("caFile"), choice.caFile);
    m_settings.setValue(g + QLatin1String("team"), choice.team);
    m_settings.sync();
}

QStringList TeamStoreSettings::sslModes()
{
    return { QStringLiteral("verify-full"), QStringLiteral("verify-ca"), QStringLiteral("require"),
             QStringLiteral("disable") };
}

std::optional<QString> TeamStoreSettings::problem(const TeamStoreChoice &choice)
{
    if (!choice.teamStore)
        return std::nullopt;
    if (choice.host.trimmed().isEmpty())
        return trTeamStore("Enter the team store's host.");
    for (const QChar ch : choice.host) {
        if (ch.isSpace() || ch == QLatin1Char('/') || ch == QLatin1Char('@'))
            return trTeamStore("The host \"%1\" is not a host name or address.").arg(choice.host);
    }
    if (choice.port < 1 || choice.port > 65535)
        return trTeamStore("The port must be between 1 and 65535 (PostgreSQL's is 5432); %1 is "
                           "not.")
            .arg(choice.port);
    if (choice.database.trimmed().isEmpty())
        return trTeamStore("Enter the team store's database name.");
    if (choice.user.trimmed().isEmpty())
        return trTeamStore("Enter the database user of this console.");
    if (!sslModes().contains(choice.sslMode))
        return trTeamStore("Unknown TLS mode \"%1\": use verify-full, verify-ca, require or "
                           "disable.")
            .arg(choice.sslMode);
    if (choice.sslMode.startsWith(QLatin1String("verify")) && choice.caFile.isEmpty())
        return trTeamStore("TLS mode %1 checks the server against a CA: choose the CA file "
                           "(PEM) that signed the server's certificate.")
            .arg(choice.sslMode);
    if (!choice.caFile.isEmpty()) {
        if (auto p = caFileProblem(choice.caFile))
            return p;
    }
    if (const auto p = team::TeamKeychain::teamNameProblem(choice.team))
        return trTeamStore("Team: %1").arg(*p);
    return std::nullopt;
}

std::optional<QString> TeamStoreSettings::warning(const TeamStoreChoice &choice)
{
    if (!choice.teamStore || choice.sslMode == QLatin1String("verify-full"))
        return std::nullopt;
    if (choice.sslMode == QLatin1String("verify-ca"))
        return trTeamStore("verify-ca checks the CA but not the server's name: any server with a "
                           "certificate from that CA is accepted. Prefer verify-full.");
    if (choice.sslMode == QLatin1String("require"))
        return trTeamStore("require encrypts but does not check who the server is: a machine in "
                           "the middle can pose as it. Prefer verify-full.");
    return trTeamStore("disable uses no TLS at all: anyone on the network can read the traffic "
                       "and pose as the server. Use it only on a test machine; prefer "
                       "verify-full.");
}

store::StoreTarget TeamStoreSettings::target(const TeamStoreChoice &choice,
                                             const QString &localPath)
{
    if (!choice.teamStore)
        return store::StoreTarget(localPath);
    return store::StoreTarget::postgres(choice.host.trimmed(), choice.port,
                                        choice.database.trimmed(), choice.user.trimmed(),
                                        choice.sslMode, choice.caFile)
        .withTeam(choice.team);
}

} // namespace aerodesk::session
