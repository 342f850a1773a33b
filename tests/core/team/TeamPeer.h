#pragma once
// Test helpers for core/team: the Node peer (team-peer.js) and small fixtures.

#include "core/team/ScryptParams.h"
#include "core/team/TeamKeyExport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace aerodesk::test {

/// Runs tests/core/team/team-peer.js with Node. Returns its stdout; `ok` false (and a test
/// failure recorded, unless `expectFailure`) when Node is missing or the script fails.
QByteArray runTeamPeer(const QStringList &args, bool *ok, bool expectFailure = false);

/// Cheap scrypt cost for tests that are not about the defaults (N = 2^10, r = 8, p = 1).
team::ScryptParams cheapScrypt();

/// A copy of `exported` whose header JSON is re-encoded after `edit` (same sealed bytes).
QByteArray withEditedHeader(const team::TeamKeyExport &exported,
                            const std::function<void(QJsonObject &)> &edit);
/// Armoured text of an arbitrary outer JSON object (for malformed exports).
QByteArray armouredExport(const QJsonObject &outer);

/// A random team name, so parallel tests never share a keychain profile.
QString uniqueTeam();

} // namespace aerodesk::test
