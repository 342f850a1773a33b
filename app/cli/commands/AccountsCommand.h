#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `accounts <connectionId>`: GET /v2/accounts/{connectionId}, typed; account numbers masked unless
/// --reveal.
class AccountsCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("accounts"); }
    QString summary() const override
    {
        return QStringLiteral("Show a connection's account (GET /v2/accounts/{connectionId}).");
    }
    QString arguments() const override { return QStringLiteral("--ids-file <file|->"); }
    void addOptions(QCommandLineParser &parser) override;
    bool needsApi() const override { return true; }
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
