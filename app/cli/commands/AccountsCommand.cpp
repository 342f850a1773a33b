#include "AccountsCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "core/connections/ConnectionId.h"
#include "core/connections/IdMask.h"

namespace aerodesk::cli {

void AccountsCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print account and routing numbers unmasked.") });
}

void AccountsCommand::run(CliContext &ctx, Finish finish)
{
    if (ctx.args.size() != 1) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Usage: aerodesk-cli accounts <connectionId>"));
        return finish(Usage);
    }
    auto id = connections::ConnectionId::validate(ctx.args.first());
    if (!id) {
        ctx.out.error(QStringLiteral("input"), id.error().message);
        return finish(BadInput);
    }
    const bool reveal = ctx.options->isSet(QStringLiteral("reveal"));
    ctx.client->getAccount(
        id.value(),
        [&ctx, reveal, finish, cid = id.value()](Result<api::Account, api::ApiError> r) {
            if (!r) {
                ctx.out.apiError(r.error());
                return finish(exitFor(r.error()));
            }
            const api::Account &a = r.value();
            auto hide = [reveal](const QString &v) {
                return reveal ? v : connections::IdMask::mask(v);
            };
            QJsonObject o { { QStringLiteral("connectionId"), hide(cid) },
                            { QStringLiteral("bankName"), a.bankName },
                            { QStringLiteral("institutionName"), a.institutionName },
                            { QStringLiteral("accountNickname"), a.accountNickname },
                            { QStringLiteral("accountType"), a.accountTypeRaw },
                            { QStringLiteral("accountNumber"), hide(a.accountNumber) },
                            { QStringLiteral("routingNumber"), hide(a.routingNumber) },
                            { QStringLiteral("connectionStatus"), a.connectionStatus } };
            o.insert(QStringLiteral("connectionExpiry"),
                     a.connectionExpiry.isValid()
                         ? QJsonValue(a.connectionExpiry.toString(Qt::ISODate))
                         : QJsonValue());
            o.insert(QStringLiteral("canFetchBalance"),
                     a.canFetchBalance ? QJsonValue(*a.canFetchBalance) : QJsonValue());
            ctx.out.result(o);
            finish(Ok);
        });
}

} // namespace aerodesk::cli
