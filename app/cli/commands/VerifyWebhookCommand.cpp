#include "VerifyWebhookCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliInput.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/SecretRingStore.h"
#include "core/webhooks/SignatureVerifier.h"

#include <QSettings>

#include <memory>
#include <optional>

namespace aerodesk::cli {

namespace {

void report(CliContext &ctx, const webhooks::SecretRing &ring, const QByteArray &body,
            const std::optional<QByteArray> &header, const CliCommand::Finish &finish)
{
    const webhooks::WebhookVerdict v = webhooks::SignatureVerifier::verify(body, header, ring);
    QJsonObject o { { QStringLiteral("ok"), v.ok() },
                    { QStringLiteral("verdict"), webhooks::verdictKindName(v.kind) },
                    { QStringLiteral("secret"), webhooks::verdictSecretName(v.secret) },
                    { QStringLiteral("message"), v.message } };
    if (!v.detail.isEmpty())
        o.insert(QStringLiteral("detail"), v.detail);
    if (ring.previousValidUntil().isValid())
        o.insert(QStringLiteral("previousSecretValidUntil"),
                 ring.previousValidUntil().toString(Qt::ISODate));
    ctx.out.result(o);
    if (!v.ok())
        ctx.out.progress(QStringLiteral("aerodesk-cli: rejected: %1").arg(v.message));
    finish(v.ok() ? Ok : Negative);
}

} // namespace

void VerifyWebhookCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("body"),
                  QStringLiteral("The raw body, exactly as received (\"-\": standard input)."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("signature"),
                  QStringLiteral("The X-Webhook-Signature header value (sha256=<hex>)."),
                  QStringLiteral("header") });
    p.addOption(
        { QStringLiteral("secret-file"),
          QStringLiteral("Check against the secret in this file instead of the keychain's."),
          QStringLiteral("file") });
}

void VerifyWebhookCommand::run(CliContext &ctx, Finish finish)
{
    if (!ctx.options->isSet(QStringLiteral("body"))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Give the raw body with --body FILE."));
        return finish(Usage);
    }
    auto body = CliInput::read(ctx.options->value(QStringLiteral("body")));
    if (!body) {
        ctx.out.error(QStringLiteral("input"), body.error());
        return finish(BadInput);
    }
    std::optional<QByteArray> header;
    if (ctx.options->isSet(QStringLiteral("signature")))
        header = ctx.options->value(QStringLiteral("signature")).toLatin1();

    auto ring = std::make_shared<webhooks::SecretRing>(ctx.clock);
    if (ctx.options->isSet(QStringLiteral("secret-file"))) {
        auto secret = CliInput::read(ctx.options->value(QStringLiteral("secret-file")), 4096);
        if (!secret) {
            ctx.out.error(QStringLiteral("input"), secret.error());
            return finish(BadInput);
        }
        QByteArray line = secret->endsWith('\n') ? secret->chopped(1) : secret.value();
        crypto::secureWipe(secret.value());
        ring->setCurrent(crypto::SecureBytes::takeFrom(line));
        return report(ctx, *ring, body.value(), header, finish);
    }
    auto settings = std::make_shared<QSettings>();
    auto store = std::make_shared<webhooks::SecretRingStore>(*ctx.keychain, *settings);
    store->load(*ring,
                [&ctx, ring, settings, store, body = body.value(), header,
                 finish](const keychain::KeychainError &e) {
                    if (!e.ok()) {
                        ctx.out.error(
                            QStringLiteral("keychain"),
                            QStringLiteral("No webhook secret could be read for \"%1\": %2")
                                .arg(ctx.keychain->profile(), e.message));
                        return finish(Keychain);
                    }
                    report(ctx, *ring, body, header, finish);
                });
}

} // namespace aerodesk::cli
