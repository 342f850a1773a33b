#include "EbLogoutCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "core/connections/IdMask.h"
#include "core/embedded/EmbeddedWorkflow.h"

namespace aerodesk::cli {

void EbLogoutCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("user"), QStringLiteral("The partner user to log out (required)."),
                  QStringLiteral("id") });
    CliAuditTrail::addOptions(p);
}

void EbLogoutCommand::run(CliContext &ctx, Finish finish)
{
    const QString user = ctx.options->value(QStringLiteral("user"));
    if (user.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Name the partner user with --user."));
        return finish(Usage);
    }
    CliAuditTrail::open(ctx, finish, [this, &ctx, user](std::shared_ptr<CliAuditTrail> audit) {
        m_eb = std::make_unique<EmbeddedContext>(ctx);
        m_eb->load([this, &ctx, user, audit] {
            m_eb->workflow().logout(user, [this, &ctx, audit](const embedded::EventOutcome &o) {
                m_eb->report(ctx, o, nullptr, false, [audit, o](int code) {
                    // As the console's Partner Users panel records it.
                    audit->finish(
                        audit::AuditAction::Logout,
                        QStringLiteral("partner user %1").arg(connections::IdMask::mask(o.user)),
                        o.ok() ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed, code);
                });
            });
        });
    });
}

} // namespace aerodesk::cli
