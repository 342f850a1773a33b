#include "DecryptCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliInput.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/PayloadDecryptor.h"

#include <QJsonArray>

#include <memory>

namespace aerodesk::cli {

namespace {

void decryptWith(CliContext &ctx, const crypto::RsaPrivateKey &key, const QByteArray &hex,
                 const CliCommand::Finish &finish)
{
    auto r = embedded::PayloadDecryptor::decrypt(key, hex);
    if (!r) {
        QJsonObject extra { { QStringLiteral("code"), embedded::payloadErrcName(r.error().code) } };
        if (r.error().position >= 0)
            extra.insert(QStringLiteral("position"), qint64(r.error().position));
        ctx.out.error(QStringLiteral("payload"), r.error().message, extra);
        return finish(BadInput);
    }
    QJsonObject o { { QStringLiteral("kind"), r->kindName() },
                    { QStringLiteral("retUrl"), r->retUrl().toString() },
                    { QStringLiteral("keyFingerprint"),
                      QString::fromLatin1(key.publicKey().fingerprintSha256()) },
                    { QStringLiteral("payload"), r->displayObject() } };
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
}

} // namespace

void DecryptCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("file"), QStringLiteral("Read the hex payload from this file."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("key-file"),
                  QStringLiteral("The partner private key (PEM) to use instead of the keychain's."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("reveal"),
                  QStringLiteral("Print the userCode itself (it is a secret).") });
}

void DecryptCommand::run(CliContext &ctx, Finish finish)
{
    QString source = QStringLiteral("-");
    QByteArray hex;
    if (ctx.options->isSet(QStringLiteral("file")))
        source = ctx.options->value(QStringLiteral("file"));
    else if (!ctx.args.isEmpty() && ctx.args.first() != QLatin1String("-"))
        hex = ctx.args.first().toLatin1();
    if (hex.isEmpty()) {
        auto in = CliInput::read(source, 1 << 20);
        if (!in) {
            ctx.out.error(QStringLiteral("input"), in.error());
            return finish(BadInput);
        }
        hex = in.value();
    }
    if (ctx.options->isSet(QStringLiteral("key-file"))) {
        auto pem = CliInput::read(ctx.options->value(QStringLiteral("key-file")), 64 << 10);
        if (!pem) {
            ctx.out.error(QStringLiteral("input"), pem.error());
            return finish(BadInput);
        }
        auto key = crypto::RsaPrivateKey::fromPem(pem.value());
        crypto::secureWipe(pem.value());
        if (!key) {
            ctx.out.error(QStringLiteral("key"),
                          QStringLiteral("The key file is not a usable private key: %1")
                              .arg(key.error().message),
                          { { QStringLiteral("code"), crypto::cryptoErrcName(key.error().code) } });
            return finish(BadInput);
        }
        return decryptWith(ctx, key.value(), hex, finish);
    }
    auto keys = std::make_shared<embedded::EmbeddedKeyStore>(*ctx.keychain);
    keys->loadPartnerKey([&ctx, keys, hex, finish](Result<crypto::RsaPrivateKey, QString> key) {
        if (!key) {
            ctx.out.error(QStringLiteral("keychain"), key.error());
            return finish(Keychain);
        }
        decryptWith(ctx, key.value(), hex, finish);
    });
}

} // namespace aerodesk::cli
