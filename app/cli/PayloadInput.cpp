#include "PayloadInput.h"

#include "CliContext.h"
#include "CliExit.h"
#include "CliInput.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/PayloadDecryptor.h"

#include <memory>

namespace aerodesk::cli {

void PayloadInput::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("file"), QStringLiteral("Read the hex payload from this file."),
                  QStringLiteral("file") });
    p.addOption({ { QStringLiteral("key"), QStringLiteral("key-file") },
                  QStringLiteral("The partner private key (PEM) to use instead of the keychain's."),
                  QStringLiteral("file") });
}

std::optional<QByteArray> PayloadInput::readHex(CliContext &ctx, const CliCommand::Finish &finish)
{
    QString source = QStringLiteral("-");
    if (ctx.options->isSet(QStringLiteral("file")))
        source = ctx.options->value(QStringLiteral("file"));
    else if (!ctx.args.isEmpty() && ctx.args.first() != QLatin1String("-"))
        return ctx.args.first().toLatin1();
    auto in = CliInput::read(source, 1 << 20);
    if (!in) {
        ctx.out.error(QStringLiteral("input"), in.error());
        finish(BadInput);
        return std::nullopt;
    }
    return in.value();
}

void PayloadInput::loadKey(CliContext &ctx, CliCommand::Finish finish, KeyReady ready)
{
    if (ctx.options->isSet(QStringLiteral("key"))) {
        auto pem = CliInput::read(ctx.options->value(QStringLiteral("key")), 64 << 10);
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
        return ready(key.value());
    }
    auto keys = std::make_shared<embedded::EmbeddedKeyStore>(*ctx.keychain);
    keys->loadPartnerKey([&ctx, keys, finish, ready](Result<crypto::RsaPrivateKey, QString> key) {
        if (!key) {
            ctx.out.error(QStringLiteral("keychain"), key.error());
            return finish(Keychain);
        }
        ready(key.value());
    });
}

std::optional<embedded::EventPayload>
PayloadInput::open(CliContext &ctx, const crypto::RsaPrivateKey &key, const QByteArray &hex,
                   embedded::HexInput &input, const CliCommand::Finish &finish)
{
    // Never diagnosed here: a wrong key, PKCS#1 v1.5 and OAEP-SHA-256 are all the one
    // decrypt-failed, so a script cannot use the CLI as a padding oracle (issue 13). The cause
    // is told apart in the console's payload inspector only.
    embedded::PayloadDecryptor::Options options;
    options.diagnose = false;
    auto r = embedded::PayloadDecryptor::decrypt(key, hex, options, &input);
    if (!r) {
        QJsonObject extra { { QStringLiteral("code"), embedded::payloadErrcName(r.error().code) } };
        if (r.error().position >= 0)
            extra.insert(QStringLiteral("position"), qint64(r.error().position));
        extra.insert(QStringLiteral("hexInput"), hexNote(input));
        ctx.out.error(QStringLiteral("payload"), r.error().message, extra);
        finish(BadInput);
        return std::nullopt;
    }
    return std::move(r).value();
}

QJsonObject PayloadInput::hexNote(const embedded::HexInput &input)
{
    QJsonObject o { { QStringLiteral("normalised"), input.wasNormalised() } };
    if (input.wasNormalised())
        o.insert(QStringLiteral("note"), input.describe());
    return o;
}

} // namespace aerodesk::cli
