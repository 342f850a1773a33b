#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <limits>
#include <optional>

namespace aerodesk::api {

/// Tolerant readers for Aerosync JSON: API revisions differ in types (TTL "1800" or 1800,
/// amounts as numbers or strings) and omit optional fields. Absent or null gives the fallback.
class JsonRead
{
public:
    /// A string; numbers and booleans are converted to text.
    static QString string(const QJsonObject &o, const QString &key, const QString &fallback = {});
    /// A number; numeric strings are accepted.
    static std::optional<double> number(const QJsonObject &o, const QString &key);
    /// A number (as number() reads it) with its fraction dropped, when it lies in
    /// [min, max]; anything else (NaN, 1e300, out of range) is absent. Converting such a
    /// double straight to an integer is undefined behaviour.
    static std::optional<qint64> integer(const QJsonObject &o, const QString &key,
                                         qint64 min = std::numeric_limits<qint64>::min(),
                                         qint64 max = std::numeric_limits<qint64>::max());
    /// `d` with its fraction dropped when it lies in [min, max], else absent.
    static std::optional<qint64> toInteger(double d,
                                           qint64 min = std::numeric_limits<qint64>::min(),
                                           qint64 max = std::numeric_limits<qint64>::max());
    /// A boolean; "true"/"false" (any case), 1/0 are accepted.
    static std::optional<bool> boolean(const QJsonObject &o, const QString &key);
    /// An instant: ISO-8601 (with Z or offset, or none = UTC), "YYYY-MM-DD HH:MM:SS[.ffffff]"
    /// (UTC assumed), or Unix seconds. Invalid QDateTime when absent or unparsable.
    static QDateTime instant(const QJsonObject &o, const QString &key);
    static QDateTime parseInstant(const QString &text);
    /// A nested object, or the object itself when `key` is absent (older flat responses).
    static QJsonObject objectOrSelf(const QJsonObject &o, const QString &key);
};

} // namespace aerodesk::api
