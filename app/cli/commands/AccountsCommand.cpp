#include "AccountsCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../ConnectionIdInput.h"
#include "core/connections/IdMask.h"

namespace aerodesk::cli {

void AccountsCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print account and routing numbers unmasked.") });
    ConnectionIdInput::addOptions(p);
}

void AccountsCommand::run(CliContext &ctx, Finish finish)
{
    const std::optional<QString> id = ConnectionIdInput::read(ctx, 0, finish);
    if (!id)
        return;
    const bool reveal = ctx.options->isSet(QStringLiteral("reveal"));
    ctx.client->getAccount(
        *id, [&ctx, reveal, finish, cid = *id](Result<api::Account, api::ApiError> r) {
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
