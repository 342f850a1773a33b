#pragma once

#include "core/store/StoreTarget.h"

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace aerodesk::session {

/// One environment's choice of store (docs/team.md, "Choosing the store"): this desktop's
/// SQLite file (the default) or a team store on PostgreSQL. Public fields only: the database
/// password lives in the environment's keychain profile (keychain::entries::kTeamStorePassword)
/// and the data key is the team key in the profile "Team: <team>"; neither is ever here.
struct TeamStoreChoice
{
    bool teamStore = false; ///< false: the local SQLite store
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode = QStringLiteral("verify-full");
    QString caFile; ///< PEM of the CA that signed the server's certificate
    QString team; ///< whose key (keychain profile "Team: <team>") opens the store

    bool operator==(const TeamStoreChoice &other) const = default;
};

/// Reads and writes TeamStoreChoice per environment profile id in QSettings, under
/// "environments/profiles/<id>/teamStore/" (removed with the profile), and turns it into a
/// store::StoreTarget.
class TeamStoreSettings
{
public:
    explicit TeamStoreSettings(QSettings &settings);

    /// The saved choice; the local store when none was saved.
    TeamStoreChoice read(const QString &profileId) const;
    /// Writes the choice's public fields (the local store keeps the PostgreSQL fields for
    /// when it is chosen again).
    void save(const QString &profileId, const TeamStoreChoice &choice);

    /// libpq's modes; verify-full is the default and the only one that checks the host name.
    static QStringList sslModes();
    /// The first problem that keeps `choice` from being opened, as one sentence for the user:
    /// empty host, port out of 1–65535, no database/user, unknown TLS mode, no usable team name,
    /// a CA file that is missing, unreadable, not a PEM certificate or whose path holds a
    /// character libpq's options cannot carry. Reads the CA file (small, local).
    static std::optional<QString> problem(const TeamStoreChoice &choice);
    /// A warning to show (not an error): a TLS mode that does not verify the server.
    static std::optional<QString> warning(const TeamStoreChoice &choice);
    /// The target to open: `localPath` for the local store, the PostgreSQL endpoint (with its
    /// team) otherwise.
    static store::StoreTarget target(const TeamStoreChoice &choice, const QString &localPath);

private:
    QString group(const QString &profileId) const;

    QSettings &m_settings;
};

} // namespace aerodesk::session
