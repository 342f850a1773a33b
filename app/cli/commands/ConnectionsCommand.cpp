#include "ConnectionsCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliStore.h"
#include "core/audit/AuditTrail.h"
#include "core/connections/ExpiryChecker.h"
#include "core/connections/IdMask.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"

#include <QJsonArray>

#include <memory>

namespace aerodesk::cli {

namespace {

QJsonObject rowOf(const connections::Connection &c, const connections::ExpiryChecker &expiry,
                  bool reveal)
{
    auto hide = [reveal](const QString &v) { return reveal ? v : connections::IdMask::mask(v); };
    const connections::ExpiryInfo info = expiry.check(c.connectionExpiry);
    QJsonObject o { { QStringLiteral("connectionId"), hide(c.connectionId) },
                    { QStringLiteral("aeroPassUserUuid"), hide(c.aeroPassUserUuid) },
                    { QStringLiteral("bankName"), c.bankName },
                    { QStringLiteral("status"), c.status },
                    { QStringLiteral("expiryBand"),
                      connections::ExpiryChecker::statusName(info.status) } };
    o.insert(QStringLiteral("connectionExpiry"),
             c.connectionExpiry.isValid() ? QJsonValue(c.connectionExpiry.toString(Qt::ISODate))
                                          : QJsonValue());
    o.insert(QStringLiteral("daysLeft"),
             info.status == connections::ExpiryStatus::Unknown ? QJsonValue()
                                                               : QJsonValue(info.daysLeft));
    o.insert(QStringLiteral("lastRefresh"),
             c.lastRefresh.isValid() ? QJsonValue(c.lastRefresh.toString(Qt::ISODate))
                                     : QJsonValue());
    return o;
}

} // namespace

void ConnectionsCommand::addOptions(QCommandLineParser &p)
{
    CliStore::addOptions(p,
                         QStringLiteral("The store: a file, or a team store's postgresql:// URL "
                                        "(default: the one Settings chose for the environment)."));
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print identifiers unmasked (needs --reason; recorded in the "
                                 "audit log).") });
    p.addOption({ QStringLiteral("reason"),
                  QStringLiteral("Why the identifiers are revealed (kept in the audit log)."),
                  QStringLiteral("text") });
}

void ConnectionsCommand::run(CliContext &ctx, Finish finish)
{
    const bool reveal = ctx.options->isSet(QStringLiteral("reveal"));
    const QString reason = ctx.options->value(QStringLiteral("reason")).simplified();
    if (reveal && reason.size() < 3) {
        // Issue 15: a reveal asks its reason first, in the CLI too.
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("--reveal needs --reason \"why\" (at least 3 characters): "
                                     "every reveal is recorded in the audit log with its reason."));
        return finish(Usage);
    }
    const auto where = CliStore::resolve(ctx);
    if (!where) {
        ctx.out.error(QStringLiteral("store"), where.error());
        return finish(BadInput);
    }
    const QString path = where->target.describe();
    if (!CliStore::exists(*where)) {
        // Listing never creates a store (nor a key).
        ctx.out.result(
            { { QStringLiteral("store"), path },
              { QStringLiteral("total"), 0 },
              { QStringLiteral("connections"), QJsonArray() },
              { QStringLiteral("note"),
                QStringLiteral("No store yet: nothing has been tracked on this machine.") } });
        return finish(Ok);
    }
    CliStore::open(
        ctx, *where, finish,
        [&ctx, path, reveal, reason, finish](std::shared_ptr<store::Store> opened,
                                             std::shared_ptr<keychain::Keychain> keychain) {
            auto all = opened->connections().listAll();
            if (!all) {
                ctx.out.error(QStringLiteral("store"), all.error().message,
                              { { QStringLiteral("store"), path } });
                return finish(BadInput);
            }
            const connections::ExpiryChecker expiry(ctx.clock);
            QJsonArray rows;
            for (const connections::Connection &c : all.value())
                rows.append(rowOf(c, expiry, reveal));
            if (!reveal) {
                ctx.out.result({ { QStringLiteral("store"), path },
                                 { QStringLiteral("total"), rows.size() },
                                 { QStringLiteral("connections"), rows } });
                return finish(Ok);
            }
            // The reveal is recorded (and the keychain head moved) before anything is
            // printed unmasked; no record, no reveal.
            auto trail = std::make_shared<audit::AuditTrail>(opened, *keychain, ctx.clock);
            trail->setProfile(ctx.keychain ? ctx.keychain->profile() : QString());
            if (!trail->record(audit::AuditAction::RevealId,
                               QStringLiteral("aerodesk-cli connections --reveal, %1 "
                                              "connections")
                                   .arg(rows.size()),
                               audit::AuditOutcome::Ok, reason)) {
                ctx.out.error(QStringLiteral("store"),
                              QStringLiteral("The reveal could not be recorded in the "
                                             "audit log; nothing is shown."));
                return finish(BadInput);
            }
            trail->whenIdle([&ctx, trail, keychain, path, rows, finish] {
                CliAuditTrail::releaseLater(trail, keychain);
                ctx.out.result({ { QStringLiteral("store"), path },
                                 { QStringLiteral("total"), rows.size() },
                                 { QStringLiteral("connections"), rows } });
                finish(Ok);
            });
        });
}

} // namespace aerodesk::cli
