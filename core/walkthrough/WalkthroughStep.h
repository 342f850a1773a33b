#pragma once

#include <QString>

namespace aerodesk::walkthrough {

/// One step of a sandbox walkthrough. It is ticked (Done) only when the sandbox confirmed it:
/// a connection persisted, a job completed, a 204 from a retUrl.
struct WalkthroughStep
{
    enum class State { Pending, Running, Done, Failed, Skipped };
    QString title; ///< "Sign in with mxuser / challenge"
    QString explanation; ///< what this step shows a support person
    State state = State::Pending;
    QString result; ///< what the sandbox confirmed (ids masked), or why it failed
    QString nextStep; ///< for a failure: the catalogue's next step
    static QString stateName(State s);
};

} // namespace aerodesk::walkthrough
