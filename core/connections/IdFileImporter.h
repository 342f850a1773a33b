#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace aerodesk::connections {

/// Parses a file of connection ids that a partner's backend can export. Accepted formats:
///  - JSON (first non-space byte '['): an array of strings, or of objects
///    {"connectionId": "...", "aeroPassUserUuid": "..." (optional)}.
///  - CSV with a header line naming the column `connectionId` (and optionally
///    `aeroPassUserUuid`), comma-separated, optional double quotes around fields.
///  - Otherwise: one id per line. Blank lines and lines starting with '#' are skipped.
/// Every id goes through ConnectionId::validate. Errors carry the line number (JSON: the array
/// index and the parser's offset). Repeated ids are counted once and reported in `duplicates`.
class IdFileImporter
{
public:
    struct Entry
    {
        QString connectionId;
        QString aeroPassUserUuid;
        int line = 0;
    };
    struct LineError
    {
        int line = 0;
        QString message;
    }; ///< JSON: line = 1-based array index
    struct Outcome
    {
        enum class Format { Json, Csv, Lines };
        Format format = Format::Lines;
        QList<Entry> entries;
        QList<LineError> errors;
        int duplicates = 0;
        QString fatal; ///< the whole file is unusable (not JSON, no connectionId column...)
    };

    static Outcome parse(const QByteArray &content);
    static QString formatName(Outcome::Format format);
};

} // namespace aerodesk::connections
