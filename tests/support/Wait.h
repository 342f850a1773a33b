#pragma once

#include <functional>

namespace aerodesk::test {

/// Processes Qt events until `done()` is true or `timeoutMs` passes. Returns done().
/// Tests wait with this (never with sleeps), so a hang becomes a failure with a message.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 10000);

} // namespace aerodesk::test
