#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace aerodesk::test {

/// Runs tests/interop/oaep-peer.js with Node (an independent RSA-OAEP implementation).
/// Returns the decoded output bytes; sets `ok` false (and records a test failure with Node's
/// message) when Node is missing or fails.
QByteArray runNodeOaep(const QString &mode, const QString &keyFile, const QByteArray &data,
                       const QString &hash, bool *ok);

/// Runs tests/interop/<script> with Node and `arguments`; returns its stdout and exit code
/// (-1 when Node is missing or hung, with a test failure recorded).
struct NodeRun
{
    QByteArray out;
    int exitCode = -1;
};
NodeRun runNodeScript(const QString &script, const QStringList &arguments);

} // namespace aerodesk::test
