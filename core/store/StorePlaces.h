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

inline constexpr QStringView kConnectionDomain = u"connectionId";
inline constexpr QStringView kAeroPassUserDomain = u"aeroPassUserUuid";
inline constexpr QStringView kEventKeyDomain = u"eventKey";

/// The row key of a history event: its row id, which never changes.
inline QByteArray eventRowKey(qint64 id)
{
    return QByteArray::number(id);
}

} // namespace aerodesk::store::places
