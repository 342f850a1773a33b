#include "core/api/JobType.h"

namespace aerodesk::api {

QString jobTypeName(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("balance");
    case JobType::Transactions:
        return QStringLiteral("transactions");
    case JobType::Identity:
        return QStringLiteral("identity");
    }
    return {};
}

std::optional<JobType> jobTypeFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("balance") || n == QLatin1String("refresh"))
        return JobType::Balance;
    if (n == QLatin1String("transactions") || n == QLatin1String("transaction"))
        return JobType::Transactions;
    if (n == QLatin1String("identity"))
        return JobType::Identity;
    return std::nullopt;
}

QString jobCreatePath(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("refresh");
    case JobType::Transactions:
        return QStringLiteral("transactions");
    case JobType::Identity:
        return QStringLiteral("identity");
    }
    return {};
}

QString jobIdPrefix(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("REF-");
    case JobType::Transactions:
        return QStringLiteral("TRN-");
    case JobType::Identity:
        return QStringLiteral("IDT-");
    }
    return {};
}

} // namespace aerodesk::api
