#include "core/store/StoreChange.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

namespace aerodesk::store {

namespace {
QString opName(StoreChange::Op op)
{
    switch (op) {
    case StoreChange::Op::Upsert:
        return QStringLiteral("u");
    case StoreChange::Op::Remove:
        return QStringLiteral("d");
    case StoreChange::Op::Many:
        return QStringLiteral("m");
    }
    return QStringLiteral("u");
}
} // namespace

QString StoreChange::toPayload() const
{
    const QJsonObject o { { QStringLiteral("t"), table },
                          { QStringLiteral("i"), QString::fromLatin1(rowIndex.toHex()) },
                          { QStringLiteral("v"), version },
                          { QStringLiteral("s"), session },
                          { QStringLiteral("op"), opName(op) } };
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

std::optional<StoreChange> StoreChange::fromPayload(const QString &payload)
{
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    StoreChange c;
    c.table = o.value(QStringLiteral("t")).toString();
    c.rowIndex = QByteArray::fromHex(o.value(QStringLiteral("i")).toString().toLatin1());
    c.version = o.value(QStringLiteral("v")).toInteger();
    c.session = o.value(QStringLiteral("s")).toString();
    const QString op = o.value(QStringLiteral("op")).toString();
    if (op == QLatin1String("u"))
        c.op = Op::Upsert;
    else if (op == QLatin1String("d"))
        c.op = Op::Remove;
    else if (op == QLatin1String("m"))
        c.op = Op::Many;
    else
        return std::nullopt;
    if (c.table.isEmpty() || (c.op != Op::Many && c.rowIndex.isEmpty()))
        return std::nullopt;
    return c;
}

bool StoreChange::send(QSqlDatabase &db, QSqlError *error) const
{
    if (db.driverName() != QLatin1String("QPSQL"))
        return true;
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT pg_notify(?, ?)"));
    q.addBindValue(QString::fromLatin1(kChannel));
    q.addBindValue(toPayload());
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError();
    return false;
}

} // namespace aerodesk::store
