#include "core/store/StoreTarget.h"

#include <QStringList>

namespace aerodesk::store {

namespace {
bool safeOptionValue(const QString &v)
{
    // QPSQL turns ';' into ' ' and hands the rest to libpq unquoted: no separators, no quotes.
    for (const QChar c : v) {
        if (c == QLatin1Char(';') || c == QLatin1Char('\'') || c == QLatin1Char('"') ||
            c == QLatin1Char('\\') || c.isSpace())
            return false;
    }
    return true;
}
} // namespace

StoreTarget::StoreTarget(const QString &sqlitePath)
    : m_path(sqlitePath)
{
}

StoreTarget StoreTarget::postgres(const QString &host, int port, const QString &database,
                                  const QString &user, const QString &sslMode,
                                  const QString &caFile)
{
    StoreTarget t;
    t.m_backend = StoreBackend::Postgres;
    t.m_host = host;
    t.m_port = port;
    t.m_database = database;
    t.m_user = user;
    t.m_sslMode = sslMode.isEmpty() ? QStringLiteral("verify-full") : sslMode;
    t.m_caFile = caFile;
    return t;
}

QString StoreTarget::connectOptions(bool *ok) const
{
    if (ok)
        *ok = false;
    static const QStringList modes { QStringLiteral("disable"), QStringLiteral("require"),
                                     QStringLiteral("verify-ca"), QStringLiteral("verify-full") };
    if (!modes.contains(m_sslMode) || !safeOptionValue(m_caFile))
        return {};
    QStringList options { QStringLiteral("sslmode=") + m_sslMode,
                          QStringLiteral("application_name=aerodesk"),
                          QStringLiteral("connect_timeout=10"),
                          // A server that vanishes without a reset (a dropped VPN, a pulled
                          // cable) fails a write within seconds instead of TCP's ~15 minutes of
                          // retransmissions; an idle connection notices through keepalives.
                          QStringLiteral("tcp_user_timeout=5000"), QStringLiteral("keepalives=1"),
                          QStringLiteral("keepalives_idle=10"),
                          QStringLiteral("keepalives_interval=3"),
                          QStringLiteral("keepalives_count=3") };
    if (!m_caFile.isEmpty())
        options << QStringLiteral("sslrootcert=") + m_caFile;
    if (ok)
        *ok = true;
    return options.join(QLatin1Char(';'));
}

QString StoreTarget::describe() const
{
    if (isSqlite())
        return m_path;
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(m_user, m_host)
        .arg(m_port)
        .arg(m_database);
}

} // namespace aerodesk::store
