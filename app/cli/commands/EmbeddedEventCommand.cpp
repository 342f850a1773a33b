#include "EmbeddedEventCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../PayloadInput.h"
#include "core/connections/IdMask.h"
#include "core/embedded/EmbeddedWorkflow.h"

#include <memory>

namespace aerodesk::cli {

void EmbeddedEventCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("user"),
                  QStringLiteral("The partner user the event is handled for (required)."),
                  QStringLiteral("id") });
    PayloadInput::addOptions(p);
    CliAuditTrail::addOptions(p);
}

void EmbeddedEventCommand::recordAnswer(CliAuditTrail &audit, const embedded::EventOutcome &o,
                                        int code)
{
    // As the console's Payload Inspector records it.
    audit.finish(audit::AuditAction::RetUrlAnswer,
                 QStringLiteral("partner user %1: %2 (%3)")
                     .arg(connections::IdMask::mask(o.user),
                          o.statusSent.isEmpty() ? QStringLiteral("nothing sent") : o.statusSent,
                          embedded::EventOutcome::resultName(o.result)),
                 o.ok() ? audit::AuditOutcome::Ok
                        : (o.statusSent.isEmpty() ? audit::AuditOutcome::Refused
                                                  : audit::AuditOutcome::Failed),
                 code);
}

void EmbeddedEventCommand::run(CliContext &ctx, Finish finish)
{
    const QString user = ctx.options->value(QStringLiteral("user"));
    if (user.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Name the partner user with --user."));
        return finish(Usage);
    }
    if (const QString bad = checkOptions(ctx); !bad.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"), bad);
        return finish(Usage);
    }
    CliAuditTrail::open(ctx, finish, [this, &ctx, user, finish](auto audit) {
        handle(ctx, user, finish, std::move(audit));
    });
}

void EmbeddedEventCommand::handle(CliContext &ctx, const QString &user, Finish finish,
                                  std::shared_ptr<CliAuditTrail> audit)
{
    const std::optional<QByteArray> hex = PayloadInput::readHex(ctx, finish);
    if (!hex)
        return;
    m_eb = std::make_unique<EmbeddedContext>(ctx);
    PayloadInput::loadKey(
        ctx, finish,
        [this, &ctx, user, hex = *hex, finish, audit](const crypto::RsaPrivateKey &key) {
            auto input = std::make_shared<embedded::HexInput>();
            std::optional<embedded::EventPayload> event =
                PayloadInput::open(ctx, key, hex, *input, finish);
            if (!event)
                return;
            if (const auto kind = expects(); kind && *kind != event->kind()) {
                ctx.out.error(
                    QStringLiteral("payload"),
                    QStringLiteral("This payload is a %1 event; %2 answers the other kind.")
                        .arg(event->kindName(), name()),
                    { { QStringLiteral("code"), QStringLiteral("wrong-event-kind") },
                      { QStringLiteral("hexInput"), PayloadInput::hexNote(*input) } });
                return finish(BadInput);
            }
            auto shared = std::make_shared<embedded::EventPayload>(std::move(*event));
            m_eb->load([this, &ctx, user, shared, input, finish, audit] {
                embedded::EmbeddedWorkflow &workflow = m_eb->workflow();
                const Result<int, QString> id = workflow.receive(user, std::move(*shared));
                if (!id) {
                    ctx.out.error(QStringLiteral("usage"), id.error());
                    return finish(Usage);
                }
                answer(ctx, workflow, id.value(),
                       [this, &ctx, input, audit](const embedded::EventOutcome &o) {
                           m_eb->report(ctx, o, input, answersOk(),
                                        [audit, o](int code) { recordAnswer(*audit, o, code); });
                       });
            });
        });
}

} // namespace aerodesk::cli
