// Fuzzes the connection-id import file parser: connections::IdFileImporter::parse (JSON array,
// CSV with a connectionId column, or one id per line), and checks what the import then trusts.

#include "core/connections/ConnectionId.h"
#include "core/connections/IdFileImporter.h"
#include "fuzz/FuzzSupport.h"

#include <QSet>

using namespace aerodesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using connections::IdFileImporter;
    const IdFileImporter::Outcome outcome = IdFileImporter::parse(fuzz::bytes(data, size));
    (void)IdFileImporter::formatName(outcome.format);
    if (!outcome.fatal.isEmpty())
        AERODESK_FUZZ_CHECK(outcome.entries.isEmpty());
    QSet<QString> seen;
    for (const IdFileImporter::Entry &entry : outcome.entries) {
        AERODESK_FUZZ_CHECK(!entry.connectionId.isEmpty());
        AERODESK_FUZZ_CHECK(entry.line >= 1);
        AERODESK_FUZZ_CHECK(bool(connections::ConnectionId::validate(entry.connectionId)));
        // Repeated ids are counted, never listed twice.
        AERODESK_FUZZ_CHECK(!seen.contains(entry.connectionId));
        seen.insert(entry.connectionId);
    }
    for (const IdFileImporter::LineError &error : outcome.errors)
        AERODESK_FUZZ_CHECK(!error.message.isEmpty());
    AERODESK_FUZZ_CHECK(outcome.duplicates >= 0);
    return 0;
}
