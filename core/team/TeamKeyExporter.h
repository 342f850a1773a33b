#pragma once

#include "core/crypto/SecureBytes.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamError.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/team/TeamKeychain.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace aerodesk::team {

/// Exports a held team key for another agent (the lead's side of enrolment, docs/team.md):
/// reads the key from this console's keychain, then wraps it for the agent's enrolment public
/// key or under a passphrase. The passphrase wrap (scrypt, about a second and 128 MiB at the
/// default cost) runs on the thread pool, so neither call blocks the caller's event loop. The
/// key itself goes nowhere but into the wrapped export: no file, setting or log line.
class TeamKeyExporter
{
public:
    /// A passphrase shorter than this is refused (bytes of its UTF-8).
    static constexpr qsizetype kMinPassphraseBytes = 12;
    /// Why `passphrase` is refused (too short), or nullopt.
    static std::optional<QString> passphraseProblem(const crypto::SecureBytes &passphrase);

    explicit TeamKeyExporter(const QString &team);
    ~TeamKeyExporter(); ///< a pending export's callback is dropped (its worker finishes alone)
    TeamKeyExporter(const TeamKeyExporter &) = delete;
    TeamKeyExporter &operator=(const TeamKeyExporter &) = delete;

    struct Exported
    {
        QString keyId; ///< the team key's id ("tk1-…")
        QString recipientKeyId; ///< the agent's enrolment key id; empty for a passphrase export
        QByteArray armoured; ///< the export's text, to hand to the agent
        ScryptParams scrypt; ///< a passphrase export's cost
    };
    using Done = std::function<void(Result<Exported, TeamError>)>;

    QString team() const { return m_keychain.team(); }
    void setTimeoutMs(int ms) { m_keychain.setTimeoutMs(ms); }

    /// `keyId` empty: the team's current key; else that held key (the next epoch's during a
    /// rotation). `passphrase` is wiped once used; one that passphraseProblem() refuses ends at
    /// once with EmptyPassphrase and nothing read. `done` runs once, on the caller's thread.
    void withPassphrase(crypto::SecureBytes passphrase, const QString &createdBy,
                        const QString &keyId, Done done);
    /// Wraps for `agent`'s enrolment public key (no KDF: done on the caller's thread).
    void forAgent(const EnrolmentPublicKey &agent, const QString &createdBy, const QString &keyId,
                  Done done);

private:
    void readKey(const QString &keyId, TeamKeychain::KeyDone done);

    TeamKeychain m_keychain;
    std::unique_ptr<QObject> m_context; ///< parent of the worker's watcher, on the caller's thread
};

} // namespace aerodesk::team
