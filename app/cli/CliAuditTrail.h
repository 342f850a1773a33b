#pragma once

#include "CliCommand.h"
#include "core/audit/AuditAction.h"
#include "core/audit/AuditOutcome.h"

#include <QCommandLineParser>

#include <functional>
#include <memory>

namespace aerodesk::audit {
class AuditTrail;
}
namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::cli {

struct CliContext;

/// The audit log of a CLI command that is not about the store (decrypt, eb-*, import-key;
/// issue 15): with `--store FILE|URL [--store-profile NAME]` it opens that store (CliStore)
/// and records one record; without `--store` the command works as before and says on
/// stderr that it was not recorded. finish() records, waits for the keychain head, then exits.
class CliAuditTrail
{
public:
    static void addOptions(QCommandLineParser &p);
    /// Opens the store of --store (if given), then `ready(audit)`; a store that cannot be
    /// opened ends the command (before it acts) with the store's error.
    static void open(CliContext &ctx, CliCommand::Finish finish,
                     std::function<void(std::shared_ptr<CliAuditTrail>)> ready);

    bool recording() const { return m_trail != nullptr; }
    /// Records one record (when recording) and finishes with `code` once the head is written.
    /// False (nothing recorded, nothing finished) when the append failed.
    bool record(audit::AuditAction action, const QString &object, audit::AuditOutcome outcome,
                const QString &reason = {});
    /// Finishes with `code` once the head of what was recorded is in the keychain.
    void done(int code);
    /// record() then done().
    void finish(audit::AuditAction action, const QString &object, audit::AuditOutcome outcome,
                int code, const QString &reason = {});

    /// Keeps `trail` and `keychain` alive until the event loop runs again. Call it from a
    /// keychain callback (verify, whenIdle) that holds them: dropping the last Keychain there
    /// would delete the running job (a child of its Keychain) under itself.
    static void releaseLater(std::shared_ptr<audit::AuditTrail> trail,
                             std::shared_ptr<keychain::Keychain> keychain);

private:
    CliCommand::Finish m_finish;
    std::shared_ptr<keychain::Keychain> m_keychain;
    std::shared_ptr<audit::AuditTrail> m_trail;
};

} // namespace aerodesk::cli
