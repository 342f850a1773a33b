#pragma once

#include <QList>
#include <QString>

namespace aerodesk::connections {

/// One connection the widget linked but the store refused to record (LinkRecorder keeps it in
/// memory until it is stored; it is never dropped).
struct UnsavedLink
{
    QString connectionId;
    QString aeroPassUserUuid;
};

using UnsavedLinks = QList<UnsavedLink>;

} // namespace aerodesk::connections
