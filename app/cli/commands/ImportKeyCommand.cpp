#include "ImportKeyCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliInput.h"
#include "core/embedded/EmbeddedKeyStore.h"

#include <memory>

namespace aerodesk::cli {

void ImportKeyCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("partner"), QStringLiteral("The partner's RSA private key (PEM)."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("provider"),
                  QStringLiteral("The provider's RSA public key (PEM)."), QStringLiteral("file") });
    p.addOption(
        { QStringLiteral("passphrase-file"),
          QStringLiteral("The passphrase of an encrypted partner key (first line of the file)."),
          QStringLiteral("file") });
    CliAuditTrail::addOptions(p);
}

void ImportKeyCommand::run(CliContext &ctx, Finish finish)
{
    const bool partner = ctx.options->isSet(QStringLiteral("partner"));
    if (partner == ctx.options->isSet(QStringLiteral("provider"))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Give exactly one of --partner FILE and --provider FILE."));
        return finish(Usage);
    }
    CliAuditTrail::open(ctx, finish, [&ctx, partner, finish](auto audit) {
        importKey(ctx, partner, finish, std::move(audit));
    });
}

void ImportKeyCommand::importKey(CliContext &ctx, bool partner, Finish finish,
                                 std::shared_ptr<CliAuditTrail> audit)
{
    auto pem = CliInput::read(
        ctx.options->value(partner ? QStringLiteral("partner") : QStringLiteral("provider")),
        64 << 10);
    if (!pem) {
        ctx.out.error(QStringLiteral("input"), pem.error());
        return finish(BadInput);
    }
    crypto::SecureBytes passphrase;
    if (ctx.options->isSet(QStringLiteral("passphrase-file"))) {
        auto pass = CliInput::read(ctx.options->value(QStringLiteral("passphrase-file")), 4096);
        if (!pass) {
            ctx.out.error(QStringLiteral("input"), pass.error());
            return finish(BadInput);
        }
        const qsizetype eol = pass->indexOf('\n');
        QByteArray line = eol >= 0 ? pass->left(eol) : pass.value();
        passphrase = crypto::SecureBytes::takeFrom(line);
        crypto::secureWipe(pass.value());
    }
    auto keys = std::make_shared<embedded::EmbeddedKeyStore>(*ctx.keychain);
    const crypto::SecureBytes secretPem = crypto::SecureBytes::takeFrom(pem.value());
    // The object is the key's kind, never its material (as the console records it).
    const QString object =
        partner ? QStringLiteral("partner private key") : QStringLiteral("provider public key");
    auto done = [&ctx, keys, partner, object, finish, audit](const QString &error) {
        if (!error.isEmpty()) {
            const bool keychainProblem = error.contains(QLatin1String("keychain"));
            ctx.out.error(keychainProblem ? QStringLiteral("keychain") : QStringLiteral("key"),
                          error);
            return audit->finish(audit::AuditAction::Import, object,
                                 keychainProblem ? audit::AuditOutcome::Failed
                                                 : audit::AuditOutcome::Refused,
                                 keychainProblem ? Keychain : BadInput);
        }
        ctx.out.result(
            { { QStringLiteral("imported"),
                partner ? QString::fromLatin1(embedded::EmbeddedKeyStore::kPartnerPrivateKey)
                        : QString::fromLatin1(embedded::EmbeddedKeyStore::kProviderPublicKey) },
              { QStringLiteral("profile"), ctx.keychain->profile() } });
        audit->finish(audit::AuditAction::Import, object, audit::AuditOutcome::Ok, Ok);
    };
    if (partner)
        keys->importPartnerKey(secretPem.view(), passphrase, done);
    else
        keys->importProviderKey(secretPem.view(), done);
}

} // namespace aerodesk::cli
