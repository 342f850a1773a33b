#include "TokenCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"

namespace aerodesk::cli {

void TokenCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print the token itself (a credential: handle with care).") });
}

void TokenCommand::run(CliContext &ctx, Finish finish)
{
    api::TokenProvider &tokens = ctx.client->tokens();
    tokens.token([&ctx, &tokens, finish](Result<api::ApiToken, api::ApiError> t) {
        if (!t) {
            ctx.out.apiError(t.error());
            return finish(exitFor(t.error()));
        }
        QString text = t->bytes->toUtf8String();
        const qint64 refreshInMs = tokens.refreshAtMs() - ctx.clock.monotonicMs();
        QJsonObject o { { QStringLiteral("environment"), ctx.client->environment().name },
                        { QStringLiteral("baseUrl"), ctx.client->environment().baseUrl.toString() },
                        { QStringLiteral("refreshInSeconds"), qMax<qint64>(0, refreshInMs / 1000) },
                        { QStringLiteral("length"), text.size() } };
        o.insert(QStringLiteral("token"),
                 ctx.options->isSet(QStringLiteral("reveal"))
                     ? text
                     : text.left(6) + QStringLiteral("…(hidden; --reveal prints it)"));
        crypto::secureWipe(text);
        ctx.out.result(o);
        finish(Ok);
    });
}

} // namespace aerodesk::cli
