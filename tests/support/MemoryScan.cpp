#include "tests/support/MemoryScan.h"

#include <QFile>
#include <QStringList>

#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace aerodesk::test {

MaskedSecret MaskedSecret::fromPlain(const void *secret, qsizetype size)
{
    MaskedSecret m;
    m.m_masked.resize(size);
    const auto *in = static_cast<const unsigned char *>(secret);
    for (qsizetype i = 0; i < size; ++i)
        m.m_masked[i] = char(in[i] ^ kMask);
    return m;
}

MaskedSecret MaskedSecret::asUtf16() const
{
    MaskedSecret m;
    m.m_masked.resize(m_masked.size() * 2);
    for (qsizetype i = 0; i < m_masked.size(); ++i) {
        m.m_masked[2 * i] = m_masked[i]; // little-endian UTF-16 of an ASCII character
        m.m_masked[2 * i + 1] = char(0 ^ kMask);
    }
    return m;
}

MaskedSecret MaskedSecret::mid(qsizetype from, qsizetype length) const
{
    MaskedSecret m;
    m.m_masked = m_masked.mid(from, length);
    return m;
}

namespace {

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AERODESK_SCAN_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define AERODESK_SCAN_UNDER_ASAN 1
#endif

/// AddressSanitizer's shadow memory on x86-64 Linux (its fixed layout: shadow offset
/// 0x7fff8000, high shadow ending at 0x10007fff7fff): terabytes mapped read-write but holding
/// only ASan's own bookkeeping, never our data. Reading it would take hours.
bool isSanitizerShadow(quintptr start, quintptr end)
{
#ifdef AERODESK_SCAN_UNDER_ASAN
    constexpr quintptr kShadowStart = 0x00007fff8000ULL;
    constexpr quintptr kShadowEnd = 0x10007fff8000ULL;
    return start < kShadowEnd && kShadowStart < end;
#else
    Q_UNUSED(start);
    Q_UNUSED(end);
    return false;
#endif
}

struct Region
{
    quintptr start = 0;
    quintptr end = 0;
    QString name;
};

QList<Region> writableRegions()
{
    QList<Region> regions;
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return regions;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 5 || fields.at(1).size() < 2)
            continue;
        if (fields.at(1).at(0) != 'r' || fields.at(1).at(1) != 'w')
            continue;
        const QString name = fields.size() > 5 ? QString::fromLocal8Bit(fields.at(5)) : QString();
        if (name == QLatin1String("[vvar]") || name == QLatin1String("[vsyscall]"))
            continue;
        const QList<QByteArray> range = fields.at(0).split('-');
        if (range.size() != 2)
            continue;
        bool okStart = false;
        bool okEnd = false;
        Region r { range.at(0).toULongLong(&okStart, 16), range.at(1).toULongLong(&okEnd, 16),
                   name.isEmpty() ? QStringLiteral("[anonymous]") : name };
        if (okStart && okEnd && r.end > r.start && !isSanitizerShadow(r.start, r.end))
            regions << r;
    }
    return regions;
}

} // namespace

int countInProcessMemory(const MaskedSecret &secret, QString *where)
{
    const QByteArray &masked = secret.masked();
    if (masked.isEmpty())
        return 0;
    const QList<Region> regions = writableRegions();
    const int fd = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    // The scratch buffer is a mapping of its own, skipped by the scan.
    constexpr std::size_t kChunk = 1 << 20;
    const std::size_t scratchSize = kChunk + std::size_t(masked.size());
    void *scratch =
        mmap(nullptr, scratchSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (scratch == MAP_FAILED) {
        ::close(fd);
        return -1;
    }
    const auto scratchStart = reinterpret_cast<quintptr>(scratch);
    const quintptr scratchEnd = scratchStart + scratchSize;
    const auto *pattern = reinterpret_cast<const unsigned char *>(masked.constData());
    const std::size_t n = std::size_t(masked.size());
    const unsigned char first = pattern[0] ^ MaskedSecret::kMask;
    auto *buffer = static_cast<unsigned char *>(scratch);
    int hits = 0;
    QStringList names;
    for (const Region &region : regions) {
        if (region.start < scratchEnd && scratchStart < region.end)
            continue;
        for (quintptr at = region.start; at < region.end; at += kChunk) {
            const std::size_t want = std::min<std::size_t>(scratchSize, region.end - at);
            const ssize_t got = pread(fd, buffer, want, off_t(at));
            if (got <= 0 || std::size_t(got) < n)
                continue;
            // Matches starting in this chunk only (the overlap belongs to the next chunk).
            const std::size_t last = std::min<std::size_t>(kChunk, std::size_t(got) - n + 1);
            for (std::size_t i = 0; i < last; ++i) {
                if (buffer[i] != first)
                    continue;
                std::size_t k = 1;
                while (k < n && (buffer[i + k] ^ MaskedSecret::kMask) == pattern[k])
                    ++k;
                if (k == n) {
                    ++hits;
                    if (!names.contains(region.name))
                        names << region.name;
                }
            }
        }
    }
    std::memset(scratch, 0, scratchSize);
    munmap(scratch, scratchSize);
    ::close(fd);
    if (where)
        *where = names.join(QStringLiteral(", "));
    return hits;
}

} // namespace aerodesk::test
