#pragma once

#include <QLoggingCategory>

/// One Qt logging category per area. Turn them on with QT_LOGGING_RULES, e.g.
/// `QT_LOGGING_RULES="aerodesk.*.debug=true"`. Every line may end up in the diagnostic log a
/// support person sends on: never log a secret, a token, a userCode or an unmasked id.
namespace aerodesk::log {
Q_DECLARE_LOGGING_CATEGORY(api) ///< aerodesk.api: HTTP calls, tokens (never their values)
Q_DECLARE_LOGGING_CATEGORY(jobs) ///< aerodesk.jobs: job start, polls, bounds, MFA
Q_DECLARE_LOGGING_CATEGORY(store) ///< aerodesk.store: the encrypted store, migrations, loads
Q_DECLARE_LOGGING_CATEGORY(keychain) ///< aerodesk.keychain: keychain reads/writes (names only)
Q_DECLARE_LOGGING_CATEGORY(crypto) ///< aerodesk.crypto: key parsing, decrypt failures (causes only)
Q_DECLARE_LOGGING_CATEGORY(embedded) ///< aerodesk.embedded: event payloads, retUrl answers
Q_DECLARE_LOGGING_CATEGORY(webhooks) ///< aerodesk.webhooks: verdicts, rotation, the listener
Q_DECLARE_LOGGING_CATEGORY(connections) ///< aerodesk.connections: link recording, import, refresh
Q_DECLARE_LOGGING_CATEGORY(session) ///< aerodesk.session: environment and store changes
Q_DECLARE_LOGGING_CATEGORY(
    sandboxhost) ///< aerodesk.sandboxhost: starting/stopping the emulator child
Q_DECLARE_LOGGING_CATEGORY(selftest) ///< aerodesk.selftest: --self-test steps
Q_DECLARE_LOGGING_CATEGORY(walkthrough) ///< aerodesk.walkthrough: guided sandbox walkthrough steps
Q_DECLARE_LOGGING_CATEGORY(ui) ///< aerodesk.ui: what panels show (every error shown is logged)
Q_DECLARE_LOGGING_CATEGORY(cli) ///< aerodesk.cli: aerodesk-cli commands
} // namespace aerodesk::log
