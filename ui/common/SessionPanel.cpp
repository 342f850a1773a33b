#include "ui/common/SessionPanel.h"

#include "core/session/Session.h"

namespace aerodesk::ui {

SessionPanel::SessionPanel(session::Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    if (!m_session)
        return;
    connect(m_session, &session::Session::environmentChanged, this, &SessionPanel::syncWithSession);
    connect(m_session, &session::Session::environmentFailed, this,
            [this](const QString &why) { sessionEnvironmentFailed(why); });
    connect(m_session, &session::Session::storeChanged, this, [this] { sessionStoreChanged(); });
    connect(m_session, &session::Session::storeFailed, this,
            [this](const QString &why) { sessionStoreFailed(why); });
}

SessionPanel::~SessionPanel() = default;

void SessionPanel::sessionEnvironmentFailed(const QString &) { }

void SessionPanel::sessionStoreFailed(const QString &) { }

void SessionPanel::syncWithSession()
{
    if (!m_session)
        return;
    m_environmentGuard.reset();
    sessionEnvironmentChanged();
}

} // namespace aerodesk::ui
