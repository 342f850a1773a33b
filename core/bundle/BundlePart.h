#pragma once

#include <QByteArray>
#include <QString>

namespace aerodesk::bundle {

/// One file of an escalation bundle: its name inside the ZIP ("timeline.json"), its exact bytes
/// and its media type ("application/json", "text/plain; charset=utf-8"). What the preview shows
/// is exactly what the ZIP holds.
struct BundlePart
{
    QString name;
    QByteArray bytes;
    QString mediaType;
};

} // namespace aerodesk::bundle
