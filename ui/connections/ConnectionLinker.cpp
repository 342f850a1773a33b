#include "ui/connections/ConnectionLinker.h"

#include "core/connections/LinkRecorder.h"
#include "core/session/Session.h"
#include "core/timeline/TimelineRecorder.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QWidget>

namespace aerodesk::ui {

ConnectionLinker::ConnectionLinker(session::Session &session, QWidget &dialogParent,
                                   QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_dialogParent(dialogParent)
{
}

ConnectionLinker::~ConnectionLinker()
{
    if (m_dialog && !m_dialog->isVisible())
        delete m_dialog; // never shown: nobody else will close it
}

LinkWidgetDialog *ConnectionLinker::dialog() const
{
    return m_dialog.data();
}

QString ConnectionLinker::blockedBecause() const
{
    if (!m_session.isReady())
        return m_session.lastError().isEmpty()
            ? tr("the environment is still starting (waiting for its credentials and client).")
            : tr("the environment could not be set up: %1").arg(m_session.lastError());
    if (!m_session.store() || !m_session.linkRecorder())
        return tr("the local store is not open yet, so a new connection could not be recorded.");
    if (m_opening)
        return tr("a widget is already being opened.");
    return {};
}

void ConnectionLinker::linkBank()
{
    if (!blockedBecause().isEmpty())
        return;
    m_reconnect = false;
    if (LinkWidgetDialog *dialog = open())
        dialog->startLink();
}

void ConnectionLinker::reconnect(const QString &connectionId)
{
    if (connectionId.isEmpty() || !blockedBecause().isEmpty())
        return;
    m_reconnect = true;
    if (LinkWidgetDialog *dialog = open())
        dialog->startReconnect(connectionId);
}

LinkWidgetDialog *ConnectionLinker::open()
{
    auto *dialog =
        new LinkWidgetDialog(*m_session.client(), *m_session.widgetEvents(), &m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    if (auto *timeline = m_session.timeline()) // one timeline per connection (issue 15)
        timeline->attach(dialog->session(), *m_session.widgetEvents());
    // Shown with its first step: until then the panel says the token is being fetched.
    connect(dialog, &LinkWidgetDialog::stepShown, this, [this, dialog] {
        if (!dialog->isVisible()) {
            dialog->show();
            dialog->raise();
            dialog->activateWindow();
        }
        setOpening(false);
    });
    connect(dialog, &LinkWidgetDialog::sessionFinished, this,
            [this, dialog](const api::LinkWidgetResult &result) {
                if (!dialog->isVisible())
                    dialog->deleteLater(); // ended before its first step
                onFinished(result);
            });
    setOpening(true);
    return dialog;
}

void ConnectionLinker::onFinished(const api::LinkWidgetResult &result)
{
    const bool wasOpening = m_opening;
    setOpening(false);
    if (result.linked()) {
        const QString id = result.success.connectionId;
        const connections::LinkRecorder *recorder = m_session.linkRecorder();
        if (recorder && recorder->unsaved().contains(id, Qt::CaseInsensitive))
            Q_EMIT message(tr("%1 was linked but is not stored yet: see the warning above the "
                              "table and use Retry.")
                               .arg(ConnectionTableModel::mask(id)),
                           true);
        else
            Q_EMIT message(m_reconnect ? tr("%1 reconnected.").arg(ConnectionTableModel::mask(id))
                                       : tr("%1 linked.").arg(ConnectionTableModel::mask(id)),
                           false);
    } else if (result.outcome == api::LinkWidgetResult::Outcome::Closed) {
        Q_EMIT message(tr("The widget was closed before the link was completed."), false);
    } else {
        Q_EMIT message(wasOpening ? tr("The widget could not be opened: %1").arg(result.message)
                                  : tr("The widget ended: %1").arg(result.message),
                       true);
    }
    Q_EMIT finished(result);
}

void ConnectionLinker::setOpening(bool opening)
{
    if (m_opening == opening)
        return;
    m_opening = opening;
    Q_EMIT openingChanged(opening);
}

} // namespace aerodesk::ui
