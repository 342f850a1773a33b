#pragma once

#include <QDateTime>
#include <QString>

namespace aerodesk::store {

/// Which connections to read, in the store's one order: by expiry (unknown last), then by row.
/// Every filter uses plain (non-identifying) columns, so no row is decrypted to be rejected.
struct ConnectionQuery
{
    QString status; ///< exact connectionStatus ("CONNECTED"...); empty = any
    QString bankName; ///< exact bank name; empty = any
    QDateTime expiresBefore; ///< only rows whose known expiry is before this; invalid = any
    qint64 offset = 0; ///< rows to skip (a page)
    qint64 limit = -1; ///< at most this many rows; negative = all
};

} // namespace aerodesk::store
