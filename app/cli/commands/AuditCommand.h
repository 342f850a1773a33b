#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `audit verify`: checks the audit log's hash chain and the head kept in the keychain; exit 0
/// when intact, 1 with the first broken record on stderr otherwise.
/// `audit export`: the log (optionally filtered) as CSV on stdout or into --output FILE; the
/// export itself is recorded in the log.
class AuditCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("audit"); }
    QString arguments() const override { return QStringLiteral("verify|export"); }
    QString summary() const override
    {
        return QStringLiteral("Verify the audit log of staff actions, or export it as CSV.");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;
};

} // namespace aerodesk::cli
