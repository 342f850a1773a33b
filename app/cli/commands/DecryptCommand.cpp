#include "DecryptCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../PayloadInput.h"

#include <QJsonArray>

namespace aerodesk::cli {

void DecryptCommand::addOptions(QCommandLineParser &p)
{
    PayloadInput::addOptions(p);
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print the userCode itself (it is a secret).") });
}

void DecryptCommand::run(CliContext &ctx, Finish finish)
{
    const std::optional<QByteArray> hex = PayloadInput::readHex(ctx, finish);
    if (!hex)
        return;
    PayloadInput::loadKey(
        ctx, finish, [&ctx, hex = *hex, finish](const crypto::RsaPrivateKey &key) {
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
            else if (ctx.options->isSet(QStringLiteral("reveal")))
                o.insert(QStringLiteral("userCode"), r->userCode().toUtf8String());
            else
                o.insert(QStringLiteral("userCode"), r->maskedUserCode());
            if (!r->extraKeys().isEmpty())
                o.insert(QStringLiteral("extraKeys"), QJsonArray::fromStringList(r->extraKeys()));
            ctx.out.result(o);
            finish(Ok);
        });
}

} // namespace aerodesk::cli
