#pragma once

#include "core/api/ApiError.h"

#include <QJsonObject>
#include <QString>

namespace aerodesk::cli {

/// What aerodesk-cli prints. stdout carries exactly one JSON document per run (the result, or
/// {"ok": false, "error": {...}}), so scripts can always parse it; stderr carries progress
/// lines and the error sentence for people. Secrets never reach either unless a command's
/// --reveal asks for one.
class CliOutput
{
public:
    void setCompact(bool compact) { m_compact = compact; }
    void setQuiet(bool quiet) { m_quiet = quiet; }
    void result(QJsonObject object) const; ///< adds "ok": true unless present
    void error(const QString &kind, const QString &message, QJsonObject extra = {}) const;
    void apiError(const api::ApiError &e) const;
    void progress(const QString &line) const; ///< stderr, unless --quiet
    static QJsonObject toJson(const api::ApiError &e);

private:
    void print(const QJsonObject &object) const;
    bool m_compact = false;
    bool m_quiet = false;
};

} // namespace aerodesk::cli
