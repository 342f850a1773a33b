#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

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
