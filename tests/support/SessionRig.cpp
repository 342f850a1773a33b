#include "tests/support/SessionRig.h"

#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "tests/support/Wait.h"

#include <QSettings>

#include <gtest/gtest.h>
#include <optional>

namespace aerodesk::test {

SessionRig::SessionRig(const Clock *clock)
    : m_clock(clock ? clock : &m_systemClock)
    , m_settings(std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("session.ini")),
                                             QSettings::IniFormat))
    , m_session(std::make_unique<session::Session>(*m_clock, m_settings.get()))
{
}

SessionRig::~SessionRig()
{
    // The session (and what it holds) goes before the keychain entries it used.
    m_session.reset();
    if (!m_harness.keychain || m_cleanup.isEmpty())
        return;
    int pending = int(m_cleanup.size());
    for (const QString &name : std::as_const(m_cleanup))
        m_harness.keychain->remove(name, [&](const keychain::KeychainError &) { --pending; });
    waitUntil([&] { return pending == 0; }, 10000);
}

bool SessionRig::start(const QStringList &args)
{
    return m_harness.start(args);
}

bool SessionRig::openStore()
{
    if (!m_harness.keychain) {
        ADD_FAILURE() << "SessionRig::openStore() before start()";
        return false;
    }
    store::StoreOpener opener(*m_harness.keychain);
    std::optional<Result<std::shared_ptr<store::Store>, store::StoreError>> opened;
    opener.open(m_dir.filePath(QStringLiteral("store.sqlite")),
                [&](auto r) { opened.emplace(std::move(r)); });
    m_cleanup << QString::fromLatin1(keychain::entries::kStoreKey);
    if (!waitUntil([&] { return opened.has_value(); }, 20000)) {
        ADD_FAILURE() << "the store did not open within 20 s";
        return false;
    }
    if (!opened->ok()) {
        ADD_FAILURE() << "the store did not open: " << opened->error().message.toStdString();
        return false;
    }
    m_cleanup << QString::fromLatin1(keychain::entries::kAuditHead);
    m_session->setStore(opened->value(), m_harness.keychain->profile());
    return true;
}

void SessionRig::setEnvironment()
{
    m_session->setEnvironment(m_harness.environment());
}

} // namespace aerodesk::test
