#pragma once

#include "core/api/ApiError.h"

#include <QString>

#include <optional>

namespace aerodesk::connections {

/// The result of refreshing one connection from GET /v2/accounts/{id} (BulkAccountRefresher).
struct RefreshOutcome
{
    enum class Status {
        Ok, ///< the account answered and the stored row was updated
        ApiFailed, ///< the API refused or failed (`apiError`: AC-102 deleted, AC-104 expired,
                   ///< network...)
        StoreFailed, ///< the answer came but the store could not be updated (`message`)
        Cancelled, ///< not refreshed: the run was cancelled first
    };

    QString connectionId;
    Status status = Status::Ok;
    std::optional<api::ApiError> apiError;
    QString message; ///< empty when Ok

    bool ok() const { return status == Status::Ok; }
};

/// A whole run of BulkAccountRefresher.
struct BulkRefreshSummary
{
    int total = 0;
    int ok = 0;
    int failed = 0; ///< ApiFailed + StoreFailed
    int cancelled = 0;
    bool wasCancelled = false;
};

} // namespace aerodesk::connections
