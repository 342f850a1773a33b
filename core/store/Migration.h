#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/store/StoreTarget.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace aerodesk::store {

/// What a migration step may use: the connection (inside the step's transaction) and the
/// store's data key (v1 writes the key check value, v3 re-seals every sealed field).
struct MigrationContext
{
    QSqlDatabase &db;
    const crypto::SecureBytes &dataKey;
    /// Which engine: schema statements go through SqlDialect::ddl(backend, ...).
    StoreBackend backend = StoreBackend::Sqlite;
};

/// One ordered schema step. `apply` runs inside a transaction together with the row that
/// records `version` in schema_version; returning false (with `error` set) rolls both back.
struct Migration
{
    int version = 0;
    QString name;
    std::function<bool(MigrationContext &context, QString &error)> apply;
};

} // namespace aerodesk::store
