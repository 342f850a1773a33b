#pragma once

#include "core/connections/ImportSummary.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>

class QAction;
class QMenu;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::connections {
class EmulatorListingImporter;
}

namespace aerodesk::ui {

class ConnectionIdDialog;
class ConnectionStoreFeed;
class ConnectionsPanel;

/// The Connections panel's Import menu:
///  - From the sandbox listing — connections::EmulatorListingImporter (pages of 5,000, one
///    transaction each, progress per page); sandbox environments only. The rows are then read
///    back through the feed (StoreLoader, off the UI thread).
///  - From a file (CSV or JSON) — QFileDialog, connections::IdFileImporter; new ids are stored
///    and shown at once, ids already tracked keep their row (a new aeroPassUserUuid is merged).
///  - Paste a connection id — ConnectionIdDialog (ConnectionId::validate, message inline).
/// Each action is disabled, with the reason in its tooltip, until the session and store exist.
class ConnectionImporter : public QObject
{
    Q_OBJECT
public:
    ConnectionImporter(session::Session &session, ConnectionsPanel &panel,
                       ConnectionStoreFeed &feed, QObject *parent = nullptr);
    ~ConnectionImporter() override;

    QMenu *menu() const { return m_menu; }
    QAction *fromSandbox() const { return m_fromSandbox; }
    QAction *fromFile() const { return m_fromFile; }
    QAction *pasteId() const { return m_pasteId; }
    bool isImporting() const { return bool(m_listing); }
    /// The paste dialog while it is open (null otherwise).
    ConnectionIdDialog *pasteDialog() const;

    void startSandboxImport();
    using ImportDone = std::function<void(const connections::ImportSummary &summary)>;
    /// Imports the ids of a CSV/JSON/line file (what the file dialog calls). The store's reads
    /// and writes run as a store job (off the UI thread); the summary is reported, then handed
    /// to `done` and finished().
    void importFile(const QString &path, ImportDone done = {});
    /// Stores and shows ids (what the paste dialog and importFile call), as a store job; `done`
    /// gets the summary on this thread once they are stored and shown.
    void importIds(const QList<QPair<QString, QString>> &idsAndUuids, ImportDone done);
    void updateState();

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const aerodesk::connections::ImportSummary &summary);
    void message(const QString &text, bool error);
    /// The actions' enabled state changed: `available` is false when none can be used, `why` says
    /// why.
    void availabilityChanged(bool available, const QString &why);

private:
    void chooseFile();
    void openPasteDialog();
    void report(const QString &source, const connections::ImportSummary &summary);

    session::Session &m_session;
    ConnectionsPanel &m_panel;
    ConnectionStoreFeed &m_feed;
    QMenu *m_menu = nullptr;
    QAction *m_fromSandbox = nullptr;
    QAction *m_fromFile = nullptr;
    QAction *m_pasteId = nullptr;
    std::unique_ptr<connections::EmulatorListingImporter> m_listing;
    QPointer<ConnectionIdDialog> m_dialog;
};

} // namespace aerodesk::ui
