#pragma once

#include "core/timeline/TimelineKind.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace aerodesk::timeline {

/// One step of a connection's timeline. Holds no secret: ids (connectionId, jobId) appear only
/// masked (connections::IdMask) in `summary` and `fields`; the correlation id and the API's
/// request id are not secrets and are kept whole.
///
/// `fields` by kind (all optional; docs/timeline.md):
///   api:     method, path (masked), status, durationMs, requestId, error
///   job:     jobType, jobId (masked), event ("started", "mfa", "finished"), outcome, attempts,
///            durationMs
///   poll:    jobType, jobId (masked), state, attempt, elapsedMs
///   widget:  type, mode
///   webhook: event, verdict, httpStatus, jobId (masked), status
///   staff:   action, actor
struct TimelineEntry
{
    QDateTime at; ///< UTC, millisecond precision
    TimelineKind kind = TimelineKind::ApiCall;
    QString correlationId;
    QString summary; ///< one line for people ("GET /v2/accounts/ab…12/balance → 200 (34 ms)")
    QJsonObject fields;

    /// The step as text, for "Copy step": time, kind, correlation id, summary, then each field as
    /// "name: value" on its own line. Translated labels.
    QString toText() const;
    /// What is sealed in the store (everything but `at` and `kind`, which are plain columns).
    QJsonObject sealedPart() const;
    static TimelineEntry fromStored(const QDateTime &at, TimelineKind kind,
                                    const QJsonObject &sealedPart);

    /// Sorts by time, keeping the order of equal times (stable): the order steps happened in.
    static void sortByTime(QList<TimelineEntry> &entries);
};

} // namespace aerodesk::timeline

Q_DECLARE_METATYPE(aerodesk::timeline::TimelineEntry)
