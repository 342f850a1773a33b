#include "EbSilentAuthCommand.h"

#include "core/embedded/EmbeddedWorkflow.h"

namespace aerodesk::cli {

std::optional<embedded::EventPayload::Kind> EbSilentAuthCommand::expects() const
{
    return embedded::EventPayload::Kind::SilentAuth;
}

void EbSilentAuthCommand::answer(CliContext &, embedded::EmbeddedWorkflow &workflow, int id,
                                 Answered done)
{
    workflow.answerOk(id, false, std::move(done));
}

} // namespace aerodesk::cli
