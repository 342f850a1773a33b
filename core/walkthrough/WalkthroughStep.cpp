#include "core/walkthrough/WalkthroughStep.h"

namespace aerodesk::walkthrough {

QString WalkthroughStep::stateName(State s)
{
    switch (s) {
    case State::Pending:
        return QStringLiteral("pending");
    case State::Running:
        return QStringLiteral("running");
    case State::Done:
        return QStringLiteral("done");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

} // namespace aerodesk::walkthrough
