#pragma once

#include <QCoreApplication>
#include <QString>

namespace aerodesk::keychain {

/// The label a keychain item shows in Seahorse / Keychain Access / secret-tool:
/// "AeroDesk — <profile>: <what it holds>" (e.g. "AeroDesk — Production: API secret"), so that
/// items are told apart without opening them. Built from the profile and the entry name only
/// (keychain::entries): never a secret value, a userCode or a connection id. A partner user's
/// userCode entry names the partner user id (the partner's own handle, already in the item's
/// `user` attribute), never the code.
class KeychainLabel
{
    Q_DECLARE_TR_FUNCTIONS(aerodesk::keychain::KeychainLabel)

public:
    static QString forEntry(const QString &profile, const QString &name);
};

} // namespace aerodesk::keychain
