#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `connections`: lists the encrypted store (ids masked unless --reveal), with expiry bands.
class ConnectionsCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("connections"); }
    QString summary() const override
    {
        return QStringLiteral(
            "List the connections in the encrypted store (masked unless --reveal).");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
