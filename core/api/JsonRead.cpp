#include "core/api/JsonRead.h"

#include <QJsonValue>
#include <QTimeZone>

namespace aerodesk::api {

QString JsonRead::string(const QJsonObject &o, const QString &key, const QString &fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Whole numbers that fit a qint64 print without an exponent. The range test comes
        // first: qint64(1e63) is undefined behaviour (found by fuzz/ApiResponse: an "id" of 64
        // digits in a transaction list).
        const bool fits = d >= -0x1p63 && d < 0x1p63;
        return fits && d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return fallback;
}

std::optional<double> JsonRead::number(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble())
        return v.toDouble();
    if (v.isString()) {
        bool ok = false;
        const double d = v.toString().trimmed().toDouble(&ok);
        if (ok)
            return d;
    }
    return std::nullopt;
}

std::optional<qint64> JsonRead::toInteger(double d, qint64 min, qint64 max)
{
    // Compared as doubles first: 2^63 is exact as a double, every qint64 bound converts to a
    // double at or beyond itself, and NaN fails both tests.
    if (!(d >= -0x1p63 && d < 0x1p63))
        return std::nullopt;
    const qint64 whole = qint64(d);
    if (whole < min || whole > max)
        return std::nullopt;
    return whole;
}

std::optional<qint64> JsonRead::integer(const QJsonObject &o, const QString &key, qint64 min,
                                        qint64 max)
{
    const std::optional<double> d = number(o, key);
    return d ? toInteger(*d, min, max) : std::nullopt;
}

std::optional<bool> JsonRead::boolean(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isDouble())
        return v.toDouble() != 0.0;
    if (v.isString()) {
        const QString s = v.toString().trimmed().toLower();
        if (s == QLatin1String("true") || s == QLatin1String("1") || s == QLatin1String("yes"))
            return true;
        if (s == QLatin1String("false") || s == QLatin1String("0") || s == QLatin1String("no"))
            return false;
    }
    return std::nullopt;
}

QDateTime JsonRead::parseInstant(const QString &textIn)
{
    const QString text = textIn.trimmed();
    if (text.isEmpty())
        return {};
    bool isNumber = false;
    const qint64 secs = text.toLongLong(&isNumber);
    if (isNumber)
        return QDateTime::fromSecsSinceEpoch(secs, Qt::UTC);
    QString iso = text;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T');
    // Qt parses at most milliseconds: cut microseconds "…SS.ffffff" to "…SS.fff".
    const int dot = iso.indexOf(QLatin1Char('.'), 19);
    if (dot == 19) {
        int end = dot + 1;
        while (end < iso.size() && iso.at(end).isDigit())
            ++end;
        if (end - dot - 1 > 3)
            iso.remove(dot + 4, end - dot - 4);
    }
    QDateTime dt = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(iso, Qt::ISODate);
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::LocalTime)
        dt.setTimeSpec(Qt::UTC); // no zone given: UTC (reference section 2)
    return dt.toUTC();
}

QDateTime JsonRead::instant(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    if (v.isDouble()) {
        const std::optional<qint64> secs = toInteger(v.toDouble());
        return secs ? QDateTime::fromSecsSinceEpoch(*secs, Qt::UTC) : QDateTime();
    }
    return v.isString() ? parseInstant(v.toString()) : QDateTime();
}

QJsonObject JsonRead::objectOrSelf(const QJsonObject &o, const QString &key)
{
    const QJsonValue v = o.value(key);
    return v.isObject() ? v.toObject() : o;
}

} // namespace aerodesk::api
