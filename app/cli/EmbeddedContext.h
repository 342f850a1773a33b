#pragma once

#include "CliCommand.h"
#include "core/embedded/EventOutcome.h"
#include "core/embedded/HexInput.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk::embedded {
class EmbeddedKeyStore;
class EmbeddedWorkflow;
class EmulatorEventSource;
class PartnerUserDirectory;
class RetUrlClient;
} // namespace aerodesk::embedded

namespace aerodesk::cli {

struct CliContext;

/// The embedded-banking objects of one aerodesk-cli run, built as session::Session builds them
/// for the console: the environment's keychain profile, EmbeddedKeyStore, RetUrlClient with the
/// environment's allow-list, PartnerUserDirectory (read first), the sandbox's
/// EmulatorEventSource (sandboxes only) and the EmbeddedWorkflow that applies the rules. Needs
/// the run's ApiClient (the command's needsApi()).
class EmbeddedContext : public QObject
{
    Q_OBJECT
public:
    explicit EmbeddedContext(CliContext &ctx, QObject *parent = nullptr);
    ~EmbeddedContext() override;

    embedded::EmbeddedWorkflow &workflow() { return *m_workflow; }
    embedded::PartnerUserDirectory &users() { return *m_users; }

    /// Reads the partner-user list, then `ready`. A list that cannot be read is not fatal here:
    /// the workflow still answers with a non-OK status (a connect: DATA_STORE_UNAVAILABLE).
    void load(std::function<void()> ready);

    /// The outcome's fields as JSON (never a secret), with the hex normalisation note.
    static QJsonObject toJson(const embedded::EventOutcome &outcome,
                              const embedded::HexInput *input = nullptr);
    /// 0 answered; 4 an OK that could not be given because the code could not be stored
    /// (DATA_STORE_UNAVAILABLE sent instead); 5 the answer did not reach the provider; 1
    /// otherwise (refused, not sent, confirmation needed).
    static int exitFor(const embedded::EventOutcome &outcome, bool okRequested);
    /// Waits until the partner-user list's changes are in the keychain (the process ends
    /// right after), then prints the outcome (its message also on stderr unless answered) and
    /// finishes.
    void report(CliContext &ctx, const embedded::EventOutcome &outcome,
                std::shared_ptr<embedded::HexInput> input, bool okRequested,
                CliCommand::Finish finish);

private:
    std::unique_ptr<embedded::EmbeddedKeyStore> m_keys;
    std::unique_ptr<embedded::RetUrlClient> m_retUrls;
    std::unique_ptr<embedded::EmulatorEventSource> m_sandbox;
    std::unique_ptr<embedded::PartnerUserDirectory> m_users;
    std::unique_ptr<embedded::EmbeddedWorkflow> m_workflow;
};

} // namespace aerodesk::cli
