#pragma once

#include "core/audit/AuditRecord.h"

#include <QByteArray>

namespace aerodesk::audit {

/// The hash chain of the audit log.
///
/// canonical(record) = "aerodesk-audit-v1" then, for each field in this order, its length as a
/// 4-byte big-endian integer followed by its bytes: seq (decimal ASCII), atMs (decimal ASCII),
/// osUser (UTF-8), profile (UTF-8), action (stable name), object (UTF-8), connectionRef (raw),
/// outcome (stable name), reason (UTF-8), prevHash (32 raw bytes).
/// hash = SHA-256(canonical) (OpenSSL EVP). The first record's prevHash is 32 zero bytes.
class AuditChain
{
public:
    static constexpr int kHashBytes = 32;
    static constexpr const char *kFormat = "aerodesk-audit-v1";

    static QByteArray genesis() { return QByteArray(kHashBytes, '\0'); }
    static QByteArray canonical(const AuditRecord &record);
    static QByteArray hashOf(const AuditRecord &record);
    /// Sets record.prevHash = prevHash and record.hash = hashOf(record).
    static void link(AuditRecord &record, const QByteArray &prevHash);
    static QByteArray sha256(QByteArrayView data);
};

} // namespace aerodesk::audit
