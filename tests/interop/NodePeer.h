#pragma once

#include <QByteArray>
#include <QString>

namespace aerodesk::test {

/// Runs tests/interop/oaep-peer.js with Node (an independent RSA-OAEP implementation).
/// Returns the decoded output bytes; sets `ok` false (and records a test failure with Node's
/// message) when Node is missing or fails.
QByteArray runNodeOaep(const QString &mode, const QString &keyFile, const QByteArray &data,
                       const QString &hash, bool *ok);

} // namespace aerodesk::test
