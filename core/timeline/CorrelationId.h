#pragma once

#include <QString>
#include <QStringView>

namespace aerodesk::timeline {

/// The id that ties the steps of one flow together (docs/timeline.md): 128 random bits from the
/// CSPRNG (crypto::Random) as 32 lowercase hex digits. A flow starts with a link or a reconnect
/// of a connection; its jobs, webhooks and staff actions carry the same id until the next
/// link/reconnect of that connection starts a new one. The id is no secret: it is shown, copied
/// and sent to the API as the X-Correlation-Id header.
class CorrelationId
{
public:
    static constexpr int kBytes = 16;

    /// A fresh id.
    static QString mint();
    /// 32 hex digits (what mint() gives).
    static bool isWellFormed(QStringView id);
    /// The first 8 digits, for narrow columns ("3f0c8a2e…").
    static QString brief(const QString &id);
};

} // namespace aerodesk::timeline
