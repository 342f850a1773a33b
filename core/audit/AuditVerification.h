#pragma once

#include <QString>

namespace aerodesk::audit {

/// What AuditVerifier found: either an intact log or the FIRST broken record and why.
struct AuditVerification
{
    enum class Problem {
        None,
        Edited, ///< the record's content no longer matches its hash (or a sealed field fails)
        Missing, ///< the record with this seq is gone (a gap in the chain)
        Reordered, ///< the record at this seq was written under another seq
        Broken, ///< the record's prevHash is not the previous record's hash
        Truncated, ///< the log ends before the head kept in the keychain: this seq and later gone
        HeadMismatch, ///< the record at the head's seq is not the one the keychain remembers
        HeadMissing, ///< records exist but the keychain holds no head: truncation not ruled out
        Unreadable, ///< the log (or the keychain head) could not be read at all
    };

    Problem problem = Problem::None;
    qint64 firstBrokenSeq = 0; ///< 0 when no record can be named (ok, HeadMissing, Unreadable)
    qint64 otherSeq = 0; ///< Reordered: the seq the record was written as
    qint64 records = 0; ///< records read
    qint64 headSeq = 0; ///< the keychain head's seq (0: none)
    QString message; ///< one translated sentence

    bool ok() const { return problem == Problem::None; }
    static QString problemName(Problem problem); ///< stable: "edited", "missing", ...
};

} // namespace aerodesk::audit
