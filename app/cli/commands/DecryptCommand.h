#pragma once

#include "../CliCommand.h"

#include <memory>

namespace aerodesk::cli {

class CliAuditTrail;

/// `decrypt`: an embedded-banking event payload (hex) → JSON, with the partner private key from a
/// file or the keychain. The userCode is masked unless --reveal (with --reason). Recorded as
/// `decrypt` in the audit log of --store.
class DecryptCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("decrypt"); }
    QString summary() const override
    {
        return QStringLiteral("Decrypt an embedded-banking event payload (hex) to JSON.");
    }
    QString arguments() const override { return QStringLiteral("[hex | -]"); }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;

private:
    static void decrypt(CliContext &ctx, bool reveal, const QString &reason, Finish finish,
                        std::shared_ptr<CliAuditTrail> audit);
};

} // namespace aerodesk::cli
