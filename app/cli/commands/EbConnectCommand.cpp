#include "EbConnectCommand.h"

#include "../CliContext.h"
#include "core/embedded/EmbeddedWorkflow.h"

namespace aerodesk::cli {

void EbConnectCommand::addOptions(QCommandLineParser &p)
{
    EmbeddedEventCommand::addOptions(p);
    p.addOption({ QStringLiteral("yes"),
                  QStringLiteral("Confirm replacing the stored userCode of a connected user.") });
}

std::optional<embedded::EventPayload::Kind> EbConnectCommand::expects() const
{
    return embedded::EventPayload::Kind::Connect;
}

void EbConnectCommand::answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                              Answered done)
{
    workflow.answerOk(id, ctx.options->isSet(QStringLiteral("yes")), std::move(done));
}

} // namespace aerodesk::cli
