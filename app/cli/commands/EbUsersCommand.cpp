#include "EbUsersCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "core/embedded/PartnerUserDirectory.h"

#include <QJsonArray>

namespace aerodesk::cli {

EbUsersCommand::EbUsersCommand() = default;
EbUsersCommand::~EbUsersCommand() = default;

void EbUsersCommand::run(CliContext &ctx, Finish finish)
{
    m_users = std::make_unique<embedded::PartnerUserDirectory>(*ctx.keychain);
    m_users->load([this, &ctx, finish](const keychain::KeychainError &e) {
        if (!e.ok()) {
            ctx.out.error(
                QStringLiteral("keychain"),
                QStringLiteral("The partner-user list could not be read: %1").arg(e.message));
            return finish(Keychain);
        }
        QJsonArray rows;
        for (const embedded::PartnerUser &u : m_users->users())
            rows.append(u.toJson());
        ctx.out.result({ { QStringLiteral("profile"), ctx.keychain->profile() },
                         { QStringLiteral("total"), rows.size() },
                         { QStringLiteral("users"), rows } });
        finish(Ok);
    });
}

} // namespace aerodesk::cli
