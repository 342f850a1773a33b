#pragma once

#include <QByteArray>

#include <optional>

namespace aerodesk::audit {

/// The chain's head as kept in the keychain (entry keychain::entries::kAuditHead): the last
/// record's seq and hash. Serialised as "v1:<seq>:<hash as hex>".
struct AuditHead
{
    qint64 seq = 0;
    QByteArray hash;

    QByteArray serialise() const;
    static std::optional<AuditHead> parse(QByteArrayView text);
    bool operator==(const AuditHead &) const = default;
};

} // namespace aerodesk::audit
