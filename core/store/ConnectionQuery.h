#pragma once

#include <QDateTime>
#include <QString>

namespace aerodesk::store {

/// Which connections to read, and in which order. Every filter uses plain (non-identifying)
/// columns, so no row is decrypted to be rejected.
struct ConnectionQuery
{
    enum class Order {
        ByExpiry, ///< by expiry (unknown last), then by row: what lists and pages show
        /// By row only, which is the table's own order: the first row comes at once, with no
        /// sort of the whole table first. For readers that sort by themselves (the connections
        /// list's bulk load, which sorts once at the end).
        Stored,
    };

    QString status; ///< exact connectionStatus ("CONNECTED"...); empty = any
    QString bankName; ///< exact bank name; empty = any
    QDateTime expiresBefore; ///< only rows whose known expiry is before this; invalid = any
    qint64 offset = 0; ///< rows to skip (a page)
    qint64 limit = -1; ///< at most this many rows; negative = all
    Order order = Order::ByExpiry;
};

} // namespace aerodesk::store
