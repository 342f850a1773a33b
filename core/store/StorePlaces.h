#pragma once

#include <QString>
#include <QStringView>

/// Where each sealed value lives (FieldCipher's "place") and each blind index's domain, shared
/// by the repositories and the v3 re-sealing migration.
namespace aerodesk::store::places {

inline const QString kConnectionId = QStringLiteral("connections.connection_id");
inline const QString kAeroPassUser = QStringLiteral("connections.aero_pass_user_uuid");
inline const QString kAccountSummary = QStringLiteral("connections.account_summary");
inline const QString kEventDetail = QStringLiteral("connection_events.detail");
inline const QString kTimelineDetail = QStringLiteral("timeline_entries.detail");
inline const QString kTimelineFlow = QStringLiteral("timeline_flows.correlation");

inline constexpr QStringView kConnectionDomain = u"connectionId";
inline constexpr QStringView kAeroPassUserDomain = u"aeroPassUserUuid";
inline constexpr QStringView kEventKeyDomain = u"eventKey";
inline constexpr QStringView kTimelineKeyDomain = u"timelineKey";

/// The row key of a history event: its row id, which never changes.
inline QByteArray eventRowKey(qint64 id)
{
    return QByteArray::number(id);
}

} // namespace aerodesk::store::places
