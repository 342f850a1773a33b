#include "core/util/LogCategories.h"

namespace aerodesk::log {
Q_LOGGING_CATEGORY(api, "aerodesk.api", QtInfoMsg)
Q_LOGGING_CATEGORY(jobs, "aerodesk.jobs", QtInfoMsg)
Q_LOGGING_CATEGORY(store, "aerodesk.store", QtInfoMsg)
Q_LOGGING_CATEGORY(keychain, "aerodesk.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(crypto, "aerodesk.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(embedded, "aerodesk.embedded", QtInfoMsg)
Q_LOGGING_CATEGORY(webhooks, "aerodesk.webhooks", QtInfoMsg)
Q_LOGGING_CATEGORY(connections, "aerodesk.connections", QtInfoMsg)
Q_LOGGING_CATEGORY(session, "aerodesk.session", QtInfoMsg)
Q_LOGGING_CATEGORY(sandboxhost, "aerodesk.sandboxhost", QtInfoMsg)
Q_LOGGING_CATEGORY(selftest, "aerodesk.selftest", QtInfoMsg)
Q_LOGGING_CATEGORY(walkthrough, "aerodesk.walkthrough", QtInfoMsg)
Q_LOGGING_CATEGORY(ui, "aerodesk.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(cli, "aerodesk.cli", QtInfoMsg)
} // namespace aerodesk::log
