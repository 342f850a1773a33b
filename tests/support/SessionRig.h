#pragma once
// A session::Session on the real emulator, as the GUI tests of the session-bound panels need it:
// the sandbox started (EmulatorRig through ClientHarness) with its credentials in the real
// keychain under a fresh profile, an optional encrypted store in a temporary folder (its key in
// that profile), and the environment handed to the session when the test says so (panels are
// usually built first, to see their "waiting" state). Keychain entries the test created are
// removed at the end with removeAtEnd().

#include "core/session/Session.h"
#include "core/util/Clock.h"
#include "tests/core/api/ClientHarness.h"

#include <QSettings>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace aerodesk::test {

class SessionRig
{
public:
    /// `clock` (if given) must outlive the rig; by default the system clock.
    explicit SessionRig(const Clock *clock = nullptr);
    ~SessionRig();
    SessionRig(const SessionRig &) = delete;
    SessionRig &operator=(const SessionRig &) = delete;

    /// Starts the sandbox with `args` and stores its credentials; the session has no environment.
    bool start(const QStringList &args = { QStringLiteral("--seed"), QStringLiteral("42"),
                                           QStringLiteral("--time-scale"),
                                           QStringLiteral("0.05") });
    /// Opens an encrypted store in the rig's folder (StoreOpener: key in the rig's keychain
    /// profile, removed at the end) and gives it to the session. False (and a failure) otherwise.
    bool openStore();
    /// Hands the sandbox's environment to the session (Session::environmentChanged).
    void setEnvironment();
    /// Entries the test writes under the profile (e.g. "eb.partnerPrivateKey"), removed at the end.
    void removeAtEnd(const QStringList &names) { m_cleanup << names; }

    session::Session &session() { return *m_session; }
    ClientHarness &harness() { return m_harness; }
    keychain::Keychain &keychain() { return *m_harness.keychain; }
    const Clock &clock() const { return *m_clock; }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }
    /// The session's QSettings (not secrets: e.g. the webhook secrets' rotation time).
    QSettings &settings() { return *m_settings; }

private:
    SystemClock m_systemClock;
    const Clock *m_clock;
    ClientHarness m_harness;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings; ///< the session's own, in the rig's folder
    std::unique_ptr<session::Session> m_session;
    QStringList m_cleanup;
};

} // namespace aerodesk::test
