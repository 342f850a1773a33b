#include "EbLogoutCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "core/embedded/EmbeddedWorkflow.h"

namespace aerodesk::cli {

void EbLogoutCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("user"), QStringLiteral("The partner user to log out (required)."),
                  QStringLiteral("id") });
}

void EbLogoutCommand::run(CliContext &ctx, Finish finish)
{
    const QString user = ctx.options->value(QStringLiteral("user"));
    if (user.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Name the partner user with --user."));
        return finish(Usage);
    }
    m_eb = std::make_unique<EmbeddedContext>(ctx);
    m_eb->load([this, &ctx, user, finish] {
        m_eb->workflow().logout(user, [this, &ctx, finish](const embedded::EventOutcome &o) {
            m_eb->report(ctx, o, nullptr, false, finish);
        });
    });
}

} // namespace aerodesk::cli
