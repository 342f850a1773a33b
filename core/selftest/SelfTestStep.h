#pragma once

#include <QString>

namespace aerodesk::selftest {

/// One line of `aerodesk --self-test`: what was checked, the verdict, what was seen and — for a
/// failure — what to do about it.
struct SelfTestStep
{
    enum class Verdict { Pass, Fail, Skipped };
    QString name;
    Verdict verdict = Verdict::Fail;
    QString detail; ///< what was seen (versions, ids masked, HTTP status...)
    QString fix; ///< a failure's remedy, in words a support desk can act on
    bool passed() const { return verdict == Verdict::Pass; }
    static QString verdictName(Verdict v)
    {
        return v == Verdict::Pass ? QStringLiteral("PASS")
            : v == Verdict::Fail  ? QStringLiteral("FAIL")
                                  : QStringLiteral("SKIP");
    }
};

} // namespace aerodesk::selftest
