#pragma once

// What every fuzz target shares: the libFuzzer entry points (declared here so the replay main
// and the targets agree), a QCoreApplication for code that needs one, and a reader that splits
// one input into several fields.

#include <QByteArray>
#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/// A property of our code that must hold for every input: when it does not, the process aborts
/// (libFuzzer keeps the input as a crash).
#define AERODESK_FUZZ_CHECK(condition)                                                             \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", __FILE__, __LINE__,             \
                         #condition);                                                              \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace aerodesk::fuzz {

/// Creates the process's QCoreApplication once (never destroyed: it lives until exit, as in a
/// program). Call from LLVMFuzzerInitialize.
inline void ensureCoreApplication()
{
    if (QCoreApplication::instance())
        return;
    static int argc = 1;
    static char name[] = "aerodesk-fuzz";
    static char *argv[] = { name, nullptr };
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
}

/// The input as bytes (a deep copy: Qt may keep references beyond the call).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// Splits an input into fields at each "\n--\n" (seeds stay readable text files); missing fields
/// are empty.
inline QByteArray field(const QByteArray &input, int index)
{
    static const QByteArray separator = QByteArrayLiteral("\n--\n");
    qsizetype from = 0;
    for (int i = 0; i < index; ++i) {
        const qsizetype at = input.indexOf(separator, from);
        if (at < 0)
            return {};
        from = at + separator.size();
    }
    const qsizetype end = input.indexOf(separator, from);
    return input.mid(from, end < 0 ? -1 : end - from);
}

} // namespace aerodesk::fuzz
