#include "app/console/ConsoleWiring.h"

#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "ui/ConnectionsPanel.h"
#include "ui/ExpiryNotifier.h"
#include "ui/MainWindow.h"
#include "ui/PayloadInspectorPanel.h"
#include "ui/WalkthroughsPanel.h"

#include <QStatusBar>

namespace aerodesk {

ConsoleWiring::ConsoleWiring(ui::MainWindow &window, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_session(m_clock)
    , m_storeKeychain(QString::fromLatin1(store::StoreLocation::kKeychainProfile))
    , m_storeOpener(m_storeKeychain)
    , m_sandbox(window.environmentBanner(), &m_session)
{
}

void ConsoleWiring::installPanels()
{
    auto *connections = new ui::ConnectionsPanel(m_session);
    m_window.replacePanel(QStringLiteral("connections"), connections);
    auto *expiryNotifier = new ui::ExpiryNotifier(m_window.statusBar(), this);
    expiryNotifier->watch(connections);
    m_window.replacePanel(QStringLiteral("inspector"), new ui::PayloadInspectorPanel(m_session));
    m_window.replacePanel(QStringLiteral("walkthroughs"), new ui::WalkthroughsPanel(m_session));
}

void ConsoleWiring::start()
{
    m_storeOpener.open(store::Store::defaultPath(), [this](Result<std::shared_ptr<store::Store>, store::StoreError> r) {
        if (r)
            m_session.setStore(r.value());
        else
            m_session.setStoreFailed(r.error().message);
    });
    m_sandbox.start();
}

} // namespace aerodesk
