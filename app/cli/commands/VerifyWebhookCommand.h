#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `verify-webhook`: checks X-Webhook-Signature over a raw body file against the profile's current
/// and (in its overlap window) previous secret, or a secret file.
class VerifyWebhookCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("verify-webhook"); }
    QString summary() const override
    {
        return QStringLiteral("Verify a webhook body against its X-Webhook-Signature header.");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
