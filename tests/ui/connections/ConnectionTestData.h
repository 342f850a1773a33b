#pragma once

#include "core/connections/Connection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QString>

#include <vector>

namespace aerodesk::test {

/// "Now" for every connections test: Wednesday 2024-05-01 12:00 UTC.
inline QDateTime connectionsNow()
{
    return QDateTime(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
}

/// A deterministic 32-hex-digit connectionId for `n` (distinct for distinct n).
inline QString hexIdFor(int n)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Md5).toHex());
}

/// A deterministic dashed UUID for `n`.
inline QString uuidFor(int n)
{
    const QString hex = QString::fromLatin1(
        QCryptographicHash::hash("user" + QByteArray::number(n), QCryptographicHash::Md5).toHex());
    return QStringLiteral("%1-%2-%3-%4-%5")
        .arg(hex.mid(0, 8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20, 12));
}

/// Connection `n` expiring `expiresInSecs` after connectionsNow() (no expiry when `known` is
/// false).
inline connections::Connection makeConnection(int n, qint64 expiresInSecs,
                                              const QString &bank = QStringLiteral("Aerosync Bank"),
                                              const QString &status = QStringLiteral("CONNECTED"),
                                              bool known = true)
{
    connections::Connection c;
    c.connectionId = hexIdFor(n);
    c.aeroPassUserUuid = uuidFor(n);
    c.bankName = bank;
    c.status = status;
    if (known)
        c.connectionExpiry = connectionsNow().addSecs(expiresInSecs);
    return c;
}

inline constexpr qint64 kDay = 24 * 60 * 60;

/// `count` connections spread over the banks and 0…119 days (some expired, some unknown).
inline std::vector<connections::Connection> manyConnections(int count, int firstId = 0)
{
    static const QString banks[] = { QStringLiteral("Aerosync Bank"), QStringLiteral("Chase"),
                                     QStringLiteral("Wells Fargo"), QStringLiteral("Ally Bank"),
                                     QStringLiteral("Citibank") };
    static const QString statuses[] = { QStringLiteral("CONNECTED"), QStringLiteral("EXPIRED"),
                                        QStringLiteral("NEEDS_REAUTH") };
    std::vector<connections::Connection> result;
    result.reserve(static_cast<size_t>(count));
    for (int i = 0; i < count; ++i) {
        const int n = firstId + i;
        result.push_back(makeConnection(n, (n % 125 - 5) * kDay + (n % 7) * 3600, banks[n % 5],
                                        statuses[n % 3], n % 50 != 49));
    }
    return result;
}

} // namespace aerodesk::test
