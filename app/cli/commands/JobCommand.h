#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `job <balance|transactions|identity> <connectionId>`: runs one job through the JobRunner
/// (bounded polling, AC-112, canFetchBalance, MFA), progress on stderr, result as JSON.
class JobCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("job"); }
    QString summary() const override
    {
        return QStringLiteral("Run a balance, transactions or identity job; progress on stderr.");
    }
    QString arguments() const override
    {
        return QStringLiteral("<balance|transactions|identity> --ids-file <file|->");
    }
    void addOptions(QCommandLineParser &parser) override;
    bool needsApi() const override { return true; }
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
