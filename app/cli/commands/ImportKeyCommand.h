#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `import-key`: validates a PEM and stores it in the keychain as the partner private key or the
/// provider public key (the only place it is kept).
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
};

} // namespace aerodesk::cli
