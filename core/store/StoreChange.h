#pragma once

#include <QByteArray>
#include <QString>

class QSqlDatabase;
class QSqlError;

#include <optional>

namespace aerodesk::store {

/// One committed write to a team store, as announced on PostgreSQL's `aerodesk_changes`
/// channel (NOTIFY, delivered to the listeners at COMMIT; docs/team.md, "Live updates").
///
/// The payload never carries plaintext: only the table, the row's blind index (the
/// `connection_index` the server holds anyway), the row's new version and the writing console's
/// random session id (so a console ignores its own echoes).
struct StoreChange
{
    enum class Op {
        Upsert, ///< the row was inserted or updated: re-read it
        Remove, ///< the row was removed
        Many, ///< a batch (an import): re-read everything in the background
    };
    static constexpr const char *kChannel = "aerodesk_changes";

    QString table;
    QByteArray rowIndex; ///< the blind index (raw bytes); empty for Many
    qint64 version = 0; ///< the row's version after the write (0 for Remove and Many)
    QString session;
    Op op = Op::Upsert;

    /// Compact JSON: {"t":…,"i":<hex>,"v":…,"s":…,"op":"u"|"d"|"m"}.
    QString toPayload() const;
    /// nullopt for anything that is not such a payload (another sender on the channel).
    static std::optional<StoreChange> fromPayload(const QString &payload);
    /// PostgreSQL: pg_notify(kChannel, payload) on `db`, delivered at COMMIT of the current
    /// transaction (at once outside one). False with `error` set when the statement failed;
    /// true and nothing sent on SQLite.
    bool send(QSqlDatabase &db, QSqlError *error = nullptr) const;
};

} // namespace aerodesk::store
