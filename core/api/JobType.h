#pragma once

#include <QString>

#include <optional>

namespace aerodesk::api {

/// The three Aerosync job kinds (reference section 2).
enum class JobType { Balance, Transactions, Identity };

/// "balance", "transactions", "identity" (CLI arguments, JSON output).
QString jobTypeName(JobType type);
std::optional<JobType> jobTypeFromName(const QString &name);
/// Path segment that creates the job: "refresh", "transactions", "identity".
QString jobCreatePath(JobType type);
/// Job id prefix the API uses: "REF-", "TRN-", "IDT-".
QString jobIdPrefix(JobType type);

} // namespace aerodesk::api
