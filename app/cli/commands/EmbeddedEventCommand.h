#pragma once

#include "../CliCommand.h"
#include "../EmbeddedContext.h"
#include "core/embedded/EmbeddedWorkflow.h"

#include <memory>
#include <optional>

namespace aerodesk::cli {

class CliAuditTrail;

/// The common run of the commands that answer one embedded-banking event for a partner user
/// (eb-connect, eb-silent-auth, eb-status): read the hex, load the key (--key or the keychain),
/// decrypt (one decrypt-failed for every decryption failure), read the partner-user list, hand the
/// event to the EmbeddedWorkflow for --user, then answer() — and print the EventOutcome as one JSON
/// document. The answer is recorded as `retUrl.answer` in the audit log of --store.
class EmbeddedEventCommand : public CliCommand
{
public:
    QString arguments() const override { return QStringLiteral("[hex | -]"); }
    void addOptions(QCommandLineParser &parser) override;
    bool needsApi() const override { return true; }
    void run(CliContext &ctx, Finish finish) override;

protected:
    using Answered = embedded::EmbeddedWorkflow::Done;
    /// Checks the command's own options; a usage problem, or empty.
    virtual QString checkOptions(const CliContext &) const { return {}; }
    /// The event kind this command answers; nullopt: any.
    virtual std::optional<embedded::EventPayload::Kind> expects() const = 0;
    /// True when the command answers OK (connect / silent auth), false for a status.
    virtual bool answersOk() const = 0;
    virtual void answer(CliContext &ctx, embedded::EmbeddedWorkflow &workflow, int id,
                        Answered done) = 0;

private:
    void handle(CliContext &ctx, const QString &user, Finish finish,
                std::shared_ptr<CliAuditTrail> audit);
    static void recordAnswer(CliAuditTrail &audit, const embedded::EventOutcome &o, int code);

    std::unique_ptr<EmbeddedContext> m_eb;
};

} // namespace aerodesk::cli
