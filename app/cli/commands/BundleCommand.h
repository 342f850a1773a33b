#pragma once

#include "../CliCommand.h"

#include <memory>

namespace aerodesk::embedded {
class PartnerUserDirectory;
}

namespace aerodesk::cli {

/// `bundle --ids-file FILE|- --output FILE.zip [--form masked|provider]`: the redacted
/// escalation bundle of one connection (docs/bundle.md) from the encrypted store (its state and
/// history) and the diagnostic log. The id is read like `accounts` reads it (never argv).
/// `bundle --user ID --output FILE.zip`: the same for a partner user of the embedded-banking
/// side (the environment profile's partner-user list; never the userCode). Prints the files
/// written with their SHA-256 (the manifest's), the subject's id masked.
class BundleCommand final : public CliCommand
{
public:
    BundleCommand();
    ~BundleCommand() override;
    QString name() const override { return QStringLiteral("bundle"); }
    QString summary() const override
    {
        return QStringLiteral("Write a connection's redacted escalation bundle (a ZIP).");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;

private:
    void runForPartnerUser(CliContext &ctx, const QString &user, Finish finish);

    std::unique_ptr<embedded::PartnerUserDirectory> m_users;
};

} // namespace aerodesk::cli
