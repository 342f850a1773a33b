#pragma once
// Helpers of the embedded-banking GUI tests (payload inspector, partner users): the sandbox's
// /sandbox/eb/state read through the session, a keychain read of a partner user's userCode, and
// unique partner-user names whose keychain entries are removed at the end.

#include "core/keychain/KeychainError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace aerodesk::test {

class SessionRig;

/// GET /sandbox/eb/state through the session's EmulatorEventSource; an empty object (and a
/// test failure) when it does not answer.
QJsonObject sandboxEbState(SessionRig &rig);
/// The sandbox's row for `user` (empty object when none).
QJsonObject sandboxEbUser(SessionRig &rig, const QString &user);
/// The sandbox's log rows of `kind` ("connect-answer", "auth-answer"…) for `user`.
QJsonArray sandboxEbLog(SessionRig &rig, const QString &kind, const QString &user);

/// Reads "userCode.<user>" with the rig's keychain (the session's profile): the error kind
/// (NotFound when there is none) — the value is dropped at once.
keychain::KeychainError::Kind storedUserCode(SessionRig &rig, const QString &user);

/// A partner-user id unique to this run ("<prefix>-<random>"); its userCode entry and the
/// partner-user list are removed from the rig's profile at the end.
QString uniquePartnerUser(SessionRig &rig, const QString &prefix);

} // namespace aerodesk::test
