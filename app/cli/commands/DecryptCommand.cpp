#include "DecryptCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../PayloadInput.h"

#include <QJsonArray>

namespace aerodesk::cli {

void DecryptCommand::addOptions(QCommandLineParser &p)
{
    PayloadInput::addOptions(p);
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print the userCode itself (it is a secret; needs --reason).") });
    p.addOption({ QStringLiteral("reason"),
                  QStringLiteral("Why the userCode is revealed (kept in the audit log)."),
                  QStringLiteral("text") });
    CliAuditTrail::addOptions(p);
}

void DecryptCommand::run(CliContext &ctx, Finish finish)
{
    const bool reveal = ctx.options->isSet(QStringLiteral("reveal"));
    const QString reason = ctx.options->value(QStringLiteral("reason")).simplified();
    if (reveal && reason.size() < 3) {
        // Issue 15: a reveal asks its reason first, as `connections --reveal`.
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("--reveal needs --reason \"why\" (at least 3 characters): "
                                     "every reveal is recorded in the audit log with its reason."));
        return finish(Usage);
    }
    CliAuditTrail::open(ctx, finish, [&ctx, reveal, reason, finish](auto audit) {
        decrypt(ctx, reveal, reason, finish, std::move(audit));
    });
}

void DecryptCommand::decrypt(CliContext &ctx, bool reveal, const QString &reason, Finish finish,
                             std::shared_ptr<CliAuditTrail> audit)
{
    const std::optional<QByteArray> hex = PayloadInput::readHex(ctx, finish);
    if (!hex)
        return;
    PayloadInput::loadKey(
        ctx, finish,
        [&ctx, hex = *hex, reveal, reason, finish, audit](const crypto::RsaPrivateKey &key) {
            embedded::HexInput input;
            const std::optional<embedded::EventPayload> r =
                PayloadInput::open(ctx, key, hex, input, finish);
            if (!r)
                return;
            QJsonObject o { { QStringLiteral("kind"), r->kindName() },
                            { QStringLiteral("retUrl"), r->retUrl().toString() },
                            { QStringLiteral("keyFingerprint"),
                              QString::fromLatin1(key.publicKey().fingerprintSha256()) },
                            { QStringLiteral("payload"), r->displayObject() },
                            { QStringLiteral("hexInput"), PayloadInput::hexNote(input) } };
            if (r->kind() == embedded::EventPayload::Kind::SilentAuth)
                o.insert(QStringLiteral("attemptId"), r->attemptId());
            else if (reveal)
                o.insert(QStringLiteral("userCode"), r->userCode().toUtf8String());
            else
                o.insert(QStringLiteral("userCode"), r->maskedUserCode());
            if (!r->extraKeys().isEmpty())
                o.insert(QStringLiteral("extraKeys"), QJsonArray::fromStringList(r->extraKeys()));
            // Recorded before anything is printed; a reveal is not shown unrecorded.
            const bool revealed = reveal && r->kind() != embedded::EventPayload::Kind::SilentAuth;
            if (!audit->record(
                    audit::AuditAction::Decrypt,
                    QStringLiteral("%1 event%2")
                        .arg(r->kindName(),
                             revealed ? QStringLiteral(", userCode revealed") : QString()),
                    audit::AuditOutcome::Ok, revealed ? reason : QString())) {
                ctx.out.error(QStringLiteral("store"),
                              QStringLiteral("The decryption could not be recorded in the audit "
                                             "log; nothing is shown."));
                return finish(BadInput);
            }
            ctx.out.result(o);
            audit->done(Ok);
        });
}

} // namespace aerodesk::cli
