#include "ui/connections/ConnectionImporter.h"

#include "core/audit/AuditTrail.h"
#include "core/connections/ConnectionId.h"
#include "core/connections/EmulatorListingImporter.h"
#include "core/connections/IdFileImporter.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "ui/connections/ConnectionIdDialog.h"
#include "ui/connections/ConnectionLiveUpdates.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace aerodesk::ui {

using connections::Connection;
using connections::ImportSummary;

ConnectionImporter::ConnectionImporter(session::Session &session, ConnectionsPanel &panel,
                                       ConnectionStoreFeed &feed, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
    , m_feed(feed)
{
    m_menu = new QMenu(tr("Import"), &m_panel);
    m_menu->setObjectName(QStringLiteral("importMenu"));
    m_menu->setAccessibleName(tr("Import connections"));
    m_menu->setToolTipsVisible(true);
    m_fromSandbox = m_menu->addAction(tr("From the sandbox listing"));
    m_fromSandbox->setObjectName(QStringLiteral("importFromSandboxAction"));
    m_fromSandbox->setStatusTip(
        tr("Track every connection of the sandbox (GET /sandbox/connections, pages of 5,000)"));
    m_fromFile = m_menu->addAction(tr("From a file (CSV or JSON)…"));
    m_fromFile->setObjectName(QStringLiteral("importFromFileAction"));
    m_fromFile->setStatusTip(tr("Track the connection ids listed in a CSV, JSON or text file"));
    m_pasteId = m_menu->addAction(tr("Paste a connection id…"));
    m_pasteId->setObjectName(QStringLiteral("importPastedIdAction"));
    m_pasteId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    m_pasteId->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_pasteId->setStatusTip(tr("Track one connection by its id"));

    connect(m_fromSandbox, &QAction::triggered, this, &ConnectionImporter::startSandboxImport);
    connect(m_fromFile, &QAction::triggered, this, &ConnectionImporter::chooseFile);
    connect(m_pasteId, &QAction::triggered, this, &ConnectionImporter::openPasteDialog);
    for (auto signal : { &session::Session::environmentChanged, &session::Session::storeChanged })
        connect(&m_session, signal, this, &ConnectionImporter::updateState);
    updateState();
}

ConnectionImporter::~ConnectionImporter() = default;

ConnectionIdDialog *ConnectionImporter::pasteDialog() const
{
    return m_dialog;
}

void ConnectionImporter::updateState()
{
    // A team store that cannot be reached: nothing is imported (and nothing queued).
    const ConnectionLiveUpdates *live = m_panel.liveUpdates();
    QString common = live ? live->writeRefusal() : QString();
    if (common.isEmpty() && !m_session.store())
        common = tr("the local store is not open yet.");
    auto set = [](QAction *a, const QString &why) {
        a->setEnabled(why.isEmpty());
        a->setToolTip(why.isEmpty() ? a->statusTip() : tr("Unavailable: %1").arg(why));
    };
    set(m_fromFile, common);
    set(m_pasteId, common);
    QString sandbox = common;
    if (sandbox.isEmpty() && !m_session.isReady())
        sandbox = tr("the environment is still starting.");
    else if (sandbox.isEmpty() && !m_session.isSandbox())
        sandbox = tr("only a sandbox has a listing of its connections.");
    else if (sandbox.isEmpty() && m_listing)
        sandbox = tr("an import from the listing is under way.");
    set(m_fromSandbox, sandbox);
    Q_EMIT availabilityChanged(common.isEmpty(), common);
}

void ConnectionImporter::startSandboxImport()
{
    store::Store *db = m_session.store();
    if (!db || !m_session.client() || !m_session.isSandbox() || m_listing)
        return;
    m_listing = std::make_unique<connections::EmulatorListingImporter>(*m_session.client(),
                                                                       db->connections());
    connect(m_listing.get(), &connections::EmulatorListingImporter::progress, this,
            [this](int done, int total) {
                Q_EMIT progress(done, total);
                Q_EMIT message(
                    tr("Importing from the sandbox listing: %1 of %2…").arg(done).arg(total),
                    false);
            });
    connect(m_listing.get(), &connections::EmulatorListingImporter::finished, this,
            [this](const ImportSummary &summary) {
                // Emitted by the importer itself: free it from the event loop.
                m_listing.release()->deleteLater();
                updateState();
                report(tr("the sandbox listing"), summary);
                m_feed.reload(false); // read the imported rows back, off the UI thread
                Q_EMIT finished(summary);
            });
    m_listing->start();
    Q_EMIT progress(0, 0);
    Q_EMIT message(tr("Importing from the sandbox listing…"), false);
    updateState();
}

void ConnectionImporter::chooseFile()
{
    const QString path =
        QFileDialog::getOpenFileName(&m_panel, tr("Import connection ids"), QString(),
                                     tr("Connection ids (*.csv *.json *.txt);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void ConnectionImporter::importFile(const QString &path, ImportDone done)
{
    const QString name = QFileInfo(path).fileName();
    const auto finish = [this, name, done](const ImportSummary &summary) {
        report(name, summary);
        if (done)
            done(summary);
        Q_EMIT finished(summary);
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ImportSummary summary;
        summary.error = tr("%1 could not be read: %2").arg(name, file.errorString());
        return finish(summary);
    }
    const auto outcome = connections::IdFileImporter::parse(file.readAll());
    if (!outcome.fatal.isEmpty()) {
        ImportSummary summary;
        summary.error = outcome.fatal;
        return finish(summary);
    }
    QList<QPair<QString, QString>> ids;
    for (const auto &e : outcome.entries)
        ids.append({ e.connectionId, e.aeroPassUserUuid });
    importIds(ids, [outcome, finish](ImportSummary summary) {
        summary.total = int(outcome.entries.size() + outcome.errors.size() + outcome.duplicates);
        summary.skipped += int(outcome.errors.size()) + outcome.duplicates;
        if (!outcome.errors.isEmpty() && summary.error.isEmpty())
            summary.error = tr("line %1: %2")
                                .arg(outcome.errors.first().line)
                                .arg(outcome.errors.first().message) +
                (outcome.errors.size() > 1
                     ? tr(" (and %n more)", nullptr, int(outcome.errors.size() - 1))
                     : QString());
        finish(summary);
    });
}

namespace {

/// What an import job found and wrote, handed back to the UI thread.
struct ImportWritten
{
    ImportSummary summary;
    std::vector<Connection> show;
};

/// On the store jobs' thread: which ids are new, which known rows gain a uuid; then one write.
ImportWritten writeIds(store::Store &db, const QList<QPair<QString, QString>> &idsAndUuids)
{
    ImportWritten out;
    ImportSummary &summary = out.summary;
    summary.total = int(idsAndUuids.size());
    QList<Connection> write;
    for (const auto &[rawId, uuid] : idsAndUuids) {
        auto valid = connections::ConnectionId::validate(rawId);
        if (!valid.ok()) {
            ++summary.skipped;
            continue;
        }
        const QString id = valid.value();
        if (db.connections().contains(id)) {
            auto existing = db.connections().get(id);
            if (existing.ok() && !uuid.isEmpty() && existing->aeroPassUserUuid != uuid) {
                existing->aeroPassUserUuid = uuid;
                write.append(existing.value());
                ++summary.updated;
            } else {
                ++summary.skipped; // already tracked, nothing new
            }
            if (existing.ok())
                out.show.push_back(existing.value());
            continue;
        }
        Connection c;
        c.connectionId = id;
        c.aeroPassUserUuid = uuid;
        write.append(c);
        out.show.push_back(c);
        ++summary.created;
    }
    if (auto s = db.connections().upsertMany(write); !s) {
        summary.error = s.error().message;
        summary.created = summary.updated = 0;
        out.show.clear();
    }
    return out;
}

} // namespace

void ConnectionImporter::importIds(const QList<QPair<QString, QString>> &idsAndUuids,
                                   ImportDone done)
{
    store::StoreJobs *jobs = m_session.storeJobs();
    if (!jobs) {
        ImportSummary summary;
        summary.total = int(idsAndUuids.size());
        summary.error = tr("The store is not open yet.");
        if (done)
            done(summary);
        return;
    }
    // The existence checks and the write are a round trip or more each on a team store: a job.
    jobs->run<std::shared_ptr<ImportWritten>>(
        this,
        [idsAndUuids](store::Store *db, const store::StoreError &openError) {
            auto out = std::make_shared<ImportWritten>();
            if (!db) {
                out->summary.total = int(idsAndUuids.size());
                out->summary.error = openError.message;
                return out;
            }
            *out = writeIds(*db, idsAndUuids);
            return out;
        },
        [this, done](std::shared_ptr<ImportWritten> out) {
            if (!out->show.empty())
                m_panel.appendConnections(std::move(out->show));
            if (done)
                done(out->summary);
        });
}

void ConnectionImporter::openPasteDialog()
{
    if (!m_session.store())
        return;
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    m_dialog = new ConnectionIdDialog(&m_panel);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ConnectionIdDialog::idAccepted, this, [this](const QString &id) {
        importIds({ { id, QString() } }, [this, id](const ImportSummary &summary) {
            report(tr("the pasted id"), summary);
            if (summary.ok())
                m_panel.selectConnection(id);
        });
    });
    m_dialog->open();
}

void ConnectionImporter::report(const QString &source, const ImportSummary &s)
{
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::Import,
                      tr("connection ids from %1: %2 new, %3 updated, %4 skipped")
                          .arg(source)
                          .arg(s.created)
                          .arg(s.updated)
                          .arg(s.skipped),
                      !s.error.isEmpty() && s.imported() == 0 ? audit::AuditOutcome::Failed
                          : s.cancelled                       ? audit::AuditOutcome::Cancelled
                                                              : audit::AuditOutcome::Ok);
    if (!s.error.isEmpty() && s.imported() == 0) {
        Q_EMIT message(tr("Import from %1 failed: %2").arg(source, s.error), true);
        return;
    }
    QString text = tr("Imported from %1: %2 new, %3 updated, %4 skipped.")
                       .arg(source)
                       .arg(s.created)
                       .arg(s.updated)
                       .arg(s.skipped);
    if (s.cancelled)
        text += tr(" Cancelled before the end.");
    if (!s.error.isEmpty())
        text += QLatin1Char(' ') + tr("Stopped: %1").arg(s.error);
    Q_EMIT message(text, !s.error.isEmpty());
}

} // namespace aerodesk::ui
