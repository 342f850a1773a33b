#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `bundle --ids-file FILE|- --output FILE.zip [--form masked|provider]`: the redacted
/// escalation bundle of one connection (docs/bundle.md) from the encrypted store (its state and
/// history) and the diagnostic log. The id is read like `accounts` reads it (never argv). Prints
/// the files written with their SHA-256 (the manifest's), the id masked.
class BundleCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("bundle"); }
    QString summary() const override
    {
        return QStringLiteral("Write a connection's redacted escalation bundle (a ZIP).");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
