#pragma once

// Reads and writes a store file with plain QtSql, outside Store: what is on disk, not what the
// code thinks (for tamper, format and crash tests).
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace aerodesk::test {

struct RawStoreFile
{
    explicit RawStoreFile(const QString &path)
        : name(QStringLiteral("raw-store-%1").arg(++counter))
    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawStoreFile()
    {
        QSqlDatabase::database(name, false).close();
        QSqlDatabase::removeDatabase(name);
    }
    RawStoreFile(const RawStoreFile &) = delete;
    RawStoreFile &operator=(const RawStoreFile &) = delete;

    QVariant scalar(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec() && q.next() ? q.value(0) : QVariant();
    }
    bool exec(const QString &sql, const QVariantList &binds = {}) const
    {
        QSqlQuery q(QSqlDatabase::database(name, false));
        q.prepare(sql);
        for (const QVariant &v : binds)
            q.addBindValue(v);
        return q.exec();
    }

    QString name;
    static inline int counter = 0;
};

} // namespace aerodesk::test
