#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace aerodesk::keychain {

/// Gives a QtKeychain item its descriptive label (KeychainLabel) in the freedesktop Secret
/// Service. QtKeychain 0.13 (Debian 12) has no label API: its libsecret backend labels every
/// item with the service name, so every AeroDesk item showed as just "AeroDesk". After a write,
/// the item is found by its attributes (server=<service>, user=<profile>/<name>) with
/// org.freedesktop.Secret.Service.SearchItems and its org.freedesktop.Secret.Item Label property
/// is set. The attributes — and so every lookup, `secret-tool lookup server AeroDesk …` and
/// `secret-tool clear server AeroDesk` — stay as they were.
///
/// Best effort and asynchronous: `done` runs once on `context`'s thread when finished or failed
/// (a failure is logged, never an error of the write). Without D-Bus (macOS, Windows) it is a
/// no-op that calls `done` on the next event-loop turn.
class SecretServiceLabeler
{
public:
    static void apply(const QString &service, const QString &qualifiedKey, const QString &label,
                      QObject *context, std::function<void()> done);
};

} // namespace aerodesk::keychain
