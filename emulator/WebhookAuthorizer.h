#pragma once

#include <QHttpServerRequest>
#include <QHttpServerResponse>

#include <functional>
#include <optional>

namespace aerodesk::emulator {

/// Decides whether a request to a protected sandbox route may proceed. Returns std::nullopt
/// when the request carries valid credentials (a live Bearer token, and `x-api-key` for the
/// webhook management API), otherwise the complete error response to send (403 AC-001 ...).
/// The sandbox server builds it from its token issuer and hands it to the route services
/// (WebhookService, EmbeddedBankingService), which never parse credentials themselves.
using Authorizer = std::function<std::optional<QHttpServerResponse>(const QHttpServerRequest &)>;

} // namespace aerodesk::emulator
