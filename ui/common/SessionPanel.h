#pragma once

#include "ui/common/CallbackGuard.h"

#include <QWidget>

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

/// The base of every panel bound to the console's session::Session. It connects the session's
/// signals once, here, and turns them into virtual hooks a panel overrides:
///
///   sessionEnvironmentChanged()          the environment was swapped (or first set)
///   sessionEnvironmentFailed(why)        the environment could not be set up
///   sessionStoreChanged()                the encrypted store was opened
///   sessionStoreFailed(why)              the store could not be opened
///
/// and it owns the callback guards: environmentToken() is stale after the next environment change
/// (and when the panel goes), panelToken() only when the panel goes. A callback of an
/// asynchronous call captures one and returns at once when it is no longer alive; with a live
/// token, `this` is valid.
///
/// A panel calls syncWithSession() at the end of its constructor: it runs
/// sessionEnvironmentChanged() once for the state the session is already in (virtual calls from
/// this base's constructor would not reach the panel). A panel may be built without a session
/// (boundSession() is then null and no hook ever runs), e.g. the Connections panel fed by hand.
class SessionPanel : public QWidget
{
    Q_OBJECT
public:
    explicit SessionPanel(session::Session *session, QWidget *parent = nullptr);
    ~SessionPanel() override;

    session::Session *boundSession() const { return m_session; }

protected:
    virtual void sessionEnvironmentChanged() { }
    virtual void sessionEnvironmentFailed(const QString &why);
    virtual void sessionStoreChanged() { }
    virtual void sessionStoreFailed(const QString &why);

    /// Resets the environment guard and runs sessionEnvironmentChanged() (no-op without session).
    void syncWithSession();

    CallbackGuard::Token environmentToken() const { return m_environmentGuard.token(); }
    CallbackGuard::Token panelToken() const { return m_panelGuard.token(); }

private:
    session::Session *m_session = nullptr;
    CallbackGuard m_panelGuard;
    CallbackGuard m_environmentGuard;
};

} // namespace aerodesk::ui
