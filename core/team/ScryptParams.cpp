#include "core/team/ScryptParams.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace aerodesk::team {

namespace {
constexpr std::uint64_t kMiB = std::uint64_t(1) << 20;

/// A JSON number that is a whole, non-negative integer below 2^53; -1 otherwise.
qint64 wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble())
        return -1;
    const double d = v.toDouble();
    if (d < 0 || d > 9007199254740991.0 || d != double(qint64(d)))
        return -1;
    return qint64(d);
}
} // namespace

std::uint64_t ScryptParams::requiredMemory() const
{
    return 128 * std::uint64_t(r) * (n() + 2) + 128 * std::uint64_t(r) * std::uint64_t(p);
}

ScryptParams ScryptParams::withMaxmem() const
{
    ScryptParams copy = *this;
    copy.maxmem = (requiredMemory() + kMiB + kMiB - 1) / kMiB * kMiB;
    return copy;
}

std::optional<QString> ScryptParams::problem() const
{
    if (logN < kMinLogN || logN > kMaxLogN)
        return QCoreApplication::translate("aerodesk::team::ScryptParams",
                                           "scrypt N must be between 2^%1 and 2^%2.")
            .arg(kMinLogN)
            .arg(kMaxLogN);
    if (r < 1 || r > kMaxR)
        return QCoreApplication::translate("aerodesk::team::ScryptParams",
                                           "scrypt r must be between 1 and %1.")
            .arg(kMaxR);
    if (p < 1 || p > kMaxP)
        return QCoreApplication::translate("aerodesk::team::ScryptParams",
                                           "scrypt p must be between 1 and %1.")
            .arg(kMaxP);
    if (maxmem < requiredMemory())
        return QCoreApplication::translate("aerodesk::team::ScryptParams",
                                           "scrypt maxmem is below what N and r need.");
    if (maxmem > kMaxMemory)
        return QCoreApplication::translate("aerodesk::team::ScryptParams",
                                           "scrypt would need more than %1 MiB.")
            .arg(kMaxMemory / kMiB);
    return std::nullopt;
}

QJsonObject ScryptParams::toJson() const
{
    return { { QStringLiteral("name"), QStringLiteral("scrypt") },
             { QStringLiteral("N"), double(n()) },
             { QStringLiteral("r"), r },
             { QStringLiteral("p"), p },
             { QStringLiteral("maxmem"), double(maxmem) } };
}

std::optional<ScryptParams> ScryptParams::fromJson(const QJsonObject &o)
{
    if (o.value(QStringLiteral("name")).toString() != QLatin1String("scrypt"))
        return std::nullopt;
    const qint64 n = wholeNumber(o.value(QStringLiteral("N")));
    const qint64 r = wholeNumber(o.value(QStringLiteral("r")));
    const qint64 p = wholeNumber(o.value(QStringLiteral("p")));
    const qint64 maxmem = wholeNumber(o.value(QStringLiteral("maxmem")));
    if (n < 2 || (n & (n - 1)) != 0 || r < 1 || r > 1024 || p < 1 || p > 1024 || maxmem < 1)
        return std::nullopt;
    ScryptParams params;
    params.logN = 0;
    while ((qint64(1) << params.logN) < n)
        ++params.logN;
    params.r = int(r);
    params.p = int(p);
    params.maxmem = std::uint64_t(maxmem);
    return params;
}

} // namespace aerodesk::team
