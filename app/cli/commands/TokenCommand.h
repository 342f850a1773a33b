#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `token`: gets an API token (POST /v2/token) with the profile's credentials; prints it masked
/// unless --reveal.
class TokenCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("token"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Get an API token with the profile's credentials (masked unless --reveal).");
    }
    void addOptions(QCommandLineParser &parser) override;
    bool needsApi() const override { return true; }
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
