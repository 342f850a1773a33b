#pragma once

#include "../CliCommand.h"

#include <memory>

namespace aerodesk::embedded {
class PartnerUserDirectory;
}

namespace aerodesk::cli {

/// `eb-users`: the partner users of the environment's keychain profile (ids, states, times and
/// notes; never a userCode). Reads the keychain only; starts no sandbox.
class EbUsersCommand final : public CliCommand
{
public:
    EbUsersCommand();
    ~EbUsersCommand() override;
    QString name() const override { return QStringLiteral("eb-users"); }
    QString summary() const override
    {
        return QStringLiteral("List the embedded-banking partner users of the profile (no codes).");
    }
    void run(CliContext &ctx, Finish finish) override;

private:
    std::unique_ptr<embedded::PartnerUserDirectory> m_users;
};

} // namespace aerodesk::cli
