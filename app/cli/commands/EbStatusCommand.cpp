#include "EbStatusCommand.h"

#include "../CliContext.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/ReplyStatus.h"

#include <QStringList>

namespace aerodesk::cli {

void EbStatusCommand::addOptions(QCommandLineParser &p)
{
    EmbeddedEventCommand::addOptions(p);
    QStringList standard;
    for (const embedded::ReplyStatus &s : embedded::ReplyStatus::standard())
        standard << s.value;
    p.addOption({ QStringLiteral("status"),
                  QStringLiteral("The status to send (required): %1, or a custom value.")
                      .arg(standard.join(QStringLiteral(", "))),
                  QStringLiteral("status") });
    p.addOption({ QStringLiteral("reason"),
                  QStringLiteral("Troubleshooting text sent with a connect's status."),
                  QStringLiteral("text") });
}

QString EbStatusCommand::checkOptions(const CliContext &ctx) const
{
    const QString status = ctx.options->value(QStringLiteral("status")).trimmed();
    if (status.isEmpty())
        return QStringLiteral("Name the status to send with --status.");
    if (auto bad = embedded::ReplyStatus::checkCustom(status))
        return *bad;
    return {};
}

std::optional<embedded::EventPayload::Kind> EbStatusCommand::expects() const
{
    return std::nullopt;
}

void EbStatusCommand::answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                             Answered done)
{
    workflow.answerNotOk(id, ctx.options->value(QStringLiteral("status")),
                         ctx.options->value(QStringLiteral("reason")), std::move(done));
}

} // namespace aerodesk::cli
