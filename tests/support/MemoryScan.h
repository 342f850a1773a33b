#pragma once
// Searches this process's own writable memory (heap, anonymous mappings, stacks, data) for
// a secret, without the search itself holding a copy of it: the caller passes the secret
// XOR-masked, and each candidate is unmasked byte by byte in registers. Freed but unwiped heap
// memory is still mapped, so a copy that was released without being wiped is found.

#include <QByteArray>
#include <QString>

namespace aerodesk::test {

class MaskedSecret
{
public:
    static constexpr unsigned char kMask = 0xA5;
    /// Keeps `secret` masked; `secret` itself is not retained.
    static MaskedSecret fromPlain(const void *secret, qsizetype size);
    /// The same secret as UTF-16 (how a QString holds ASCII text), masked.
    MaskedSecret asUtf16() const;
    /// A window of it (a freed block's first bytes are overwritten by the allocator).
    MaskedSecret mid(qsizetype from, qsizetype length) const;
    const QByteArray &masked() const { return m_masked; }

private:
    QByteArray m_masked;
};

/// How many times the secret occurs in this process's readable and writable memory.
/// `where` (if given) receives the mapping names of the hits, e.g. "[heap]".
int countInProcessMemory(const MaskedSecret &secret, QString *where = nullptr);

} // namespace aerodesk::test
