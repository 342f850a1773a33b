#pragma once

#include <QString>

namespace aerodesk::connections {

/// What an import did: rows created, existing rows updated (matched by the blind index),
/// entries skipped (duplicates within the source, unusable ids), and why it stopped early.
struct ImportSummary
{
    int total = 0; ///< entries the source announced (or read)
    int created = 0;
    int updated = 0;
    int skipped = 0;
    bool cancelled = false;
    QString error; ///< empty on success; one sentence otherwise (the rows before it are kept)

    bool ok() const { return error.isEmpty() && !cancelled; }
    int imported() const { return created + updated; }
};

} // namespace aerodesk::connections
