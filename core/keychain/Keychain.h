#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/keychain/KeychainError.h"

#include <QObject>
#include <QString>

#include <functional>

namespace aerodesk::keychain {

/// Asynchronous access to the OS keychain through QtKeychain (Secret Service on Linux,
/// Keychain on macOS, Credential Manager on Windows). Service name "AeroDesk"; every key is
/// namespaced by profile as "<profile>/<name>" (e.g. "Built-in sandbox/apiSecret").
///
/// Every call returns at once; the callback runs later on the caller's thread (event loop),
/// never synchronously inside the call. There is never a plaintext fallback.
class Keychain : public QObject
{
    Q_OBJECT
public:
    using WriteCallback = std::function<void(const KeychainError &)>;
    using ReadCallback = std::function<void(const KeychainError &, crypto::SecureBytes)>;

    static constexpr const char *kServiceName = "AeroDesk";

    explicit Keychain(QString profile, QObject *parent = nullptr);

    QString profile() const { return m_profile; }
    /// The key actually stored in the keychain for `name`: "<profile>/<name>".
    QString qualifiedKey(const QString &name) const;

    void write(const QString &name, const crypto::SecureBytes &secret, WriteCallback done);
    void read(const QString &name, ReadCallback done);
    void remove(const QString &name, WriteCallback done); ///< removing a missing entry is ok

    /// Per-operation timeout (default 15 s): a backend that never answers gives Kind::Timeout.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    QString m_profile;
    int m_timeoutMs = 15000;
};

} // namespace aerodesk::keychain
