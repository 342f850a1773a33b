#pragma once

#include "../CliCommand.h"
#include "../EmbeddedContext.h"

#include <memory>

namespace aerodesk::cli {

/// `eb-logout --user U`: the environment's logout flow for the partner user (the sandbox's
/// logout route; in production the logout web component runs in the partner's page), then the
/// user's stored userCode and pending events are removed and the user is marked logged out.
class EbLogoutCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("eb-logout"); }
    QString summary() const override
    {
        return QStringLiteral("Log a partner user out and remove their stored userCode.");
    }
    void addOptions(QCommandLineParser &parser) override;
    bool needsApi() const override { return true; }
    void run(CliContext &ctx, Finish finish) override;

private:
    std::unique_ptr<EmbeddedContext> m_eb;
};

} // namespace aerodesk::cli
