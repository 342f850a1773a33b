#pragma once

#include "../CliCommand.h"

#include <memory>

namespace aerodesk::cli {

class CliAuditTrail;

/// `import-key`: validates a PEM and stores it in the keychain as the partner private key or the
/// provider public key (the only place it is kept). Recorded as `import` (the key's kind, never
/// its material) in the audit log of --store.
class ImportKeyCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import-key"); }
    QString summary() const override
    {
        return QStringLiteral(
            "Import the partner private key or the provider public key (PEM) into the keychain.");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;

private:
    static void importKey(CliContext &ctx, bool partner, Finish finish,
                          std::shared_ptr<CliAuditTrail> audit);
};

} // namespace aerodesk::cli
