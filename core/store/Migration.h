#pragma once

#include <QSqlDatabase>
#include <QString>

#include <functional>

namespace aerodesk::store {

/// One ordered schema step. `apply` runs inside a transaction together with the row that
/// records `version` in schema_version; returning false (with `error` set) rolls both back.
struct Migration
{
    int version = 0;
    QString name;
    std::function<bool(QSqlDatabase &db, QString &error)> apply;
};

} // namespace aerodesk::store
