#include "ui/connections/ConnectionActions.h"

#include "core/api/ApiClient.h"
#include "core/audit/AuditTrail.h"
#include "core/connections/AccountApply.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "ui/common/Icons.h"
#include "ui/connections/ConnectionLiveUpdates.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QAbstractButton>
#include <QAction>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace aerodesk::ui {

using connections::Connection;

ConnectionActions::ConnectionActions(session::Session &session, ConnectionsPanel &panel,
                                     ConnectionStoreFeed &feed, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_panel(panel)
    , m_feed(feed)
{
    m_refreshDetails =
        make(tr("Refresh details"), QStringLiteral("refreshDetailsAction"), Qt::Key_F5,
             QStringLiteral("action-refresh"),
             tr("Read the account again (GET /accounts): bank, status, expiry, account summary"));
    m_refreshBalance = make(tr("Refresh balance"), QStringLiteral("refreshBalanceAction"),
                            QKeySequence(Qt::CTRL | Qt::Key_B), QStringLiteral("action-balance"),
                            tr("Start a balance job on this connection"));
    m_fetchTransactions =
        make(tr("Fetch transactions"), QStringLiteral("fetchTransactionsAction"),
             QKeySequence(Qt::CTRL | Qt::Key_T), QStringLiteral("action-transactions"),
             tr("Start a transactions job (the last 90 days)"));
    m_identity =
        make(tr("Identity"), QStringLiteral("identityAction"), QKeySequence(Qt::CTRL | Qt::Key_I),
             QStringLiteral("action-identity"), tr("Start an identity job on this connection"));
    m_reconnect = make(
        tr("Reconnect…"), QStringLiteral("reconnectAction"), QKeySequence(Qt::CTRL | Qt::Key_R),
        QStringLiteral("action-reconnect"),
        tr("Renew this connection through the widget (the same connection, never a new link)"));
    m_remove = make(tr("Remove…"), QStringLiteral("removeAction"), QKeySequence::Delete,
                    QStringLiteral("action-remove"),
                    tr("Stop tracking this connection: remove it and its history from the store"));

    connect(m_refreshDetails, &QAction::triggered, this, &ConnectionActions::doRefreshDetails);
    connect(m_refreshBalance, &QAction::triggered, this,
            [this] { startJob(api::JobType::Balance); });
    connect(m_fetchTransactions, &QAction::triggered, this,
            [this] { startJob(api::JobType::Transactions); });
    connect(m_identity, &QAction::triggered, this, [this] { startJob(api::JobType::Identity); });
    connect(m_reconnect, &QAction::triggered, this, [this] {
        const QString id = currentId();
        if (!id.isEmpty())
            Q_EMIT reconnectRequested(id);
    });
    connect(m_remove, &QAction::triggered, this, &ConnectionActions::doRemove);

    connect(&m_session, &session::Session::environmentChanged, this, [this] {
        if (jobs::JobRunner *runner = m_session.jobs()) {
            connect(runner, &jobs::JobRunner::started, this, &ConnectionActions::updateState);
            connect(runner, &jobs::JobRunner::finished, this, &ConnectionActions::updateState,
                    Qt::QueuedConnection);
        }
        updateState();
    });
    if (jobs::JobRunner *runner = m_session.jobs()) {
        connect(runner, &jobs::JobRunner::started, this, &ConnectionActions::updateState);
        connect(runner, &jobs::JobRunner::finished, this, &ConnectionActions::updateState,
                Qt::QueuedConnection);
    }
    connect(&m_session, &session::Session::environmentFailed, this,
            &ConnectionActions::updateState);
    connect(&m_session, &session::Session::storeChanged, this, &ConnectionActions::updateState);
    connect(&m_session, &session::Session::storeFailed, this, &ConnectionActions::updateState);
    updateState();
}

QAction *ConnectionActions::make(const QString &text, const QString &objectName,
                                 const QKeySequence &shortcut, const QString &icon,
                                 const QString &description)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    // Only while focus is inside the Connections panel (the panel adds the actions to itself).
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setStatusTip(description);
    action->setProperty("iconName", icon);
    action->setIcon(Icons::themed(icon, m_panel.palette().color(QPalette::ButtonText)));
    return action;
}

void ConnectionActions::refreshIcons()
{
    for (QAction *a : all())
        a->setIcon(Icons::themed(a->property("iconName").toString(),
                                 m_panel.palette().color(QPalette::ButtonText)));
}

QList<QAction *> ConnectionActions::all() const
{
    return { m_refreshDetails, m_refreshBalance, m_fetchTransactions,
             m_identity,       m_reconnect,      m_remove };
}

QString ConnectionActions::balanceUnavailableReason(const QJsonObject &summary)
{
    const QJsonValue can = summary.value(QStringLiteral("canFetchBalance"));
    const bool refused = can.isBool()
        ? !can.toBool()
        : (can.isString() &&
           can.toString().compare(QLatin1String("false"), Qt::CaseInsensitive) == 0);
    if (!refused)
        return {};
    return tr(
        "Balance unavailable: this account says canFetchBalance is false (it was linked manually "
        "with routing and account numbers, so the bank cannot be asked for a balance; AC-105). "
        "Relink it through a bank login to fetch balances.");
}

QString ConnectionActions::currentId() const
{
    const int row = m_panel.currentSourceRow();
    return row < 0 ? QString() : m_panel.model()->connection(row).connectionId;
}

void ConnectionActions::setState(QAction *action, const QString &blockedBecause)
{
    action->setEnabled(blockedBecause.isEmpty());
    const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
    action->setToolTip(
        blockedBecause.isEmpty()
            ? QStringLiteral("%1 (%2)").arg(action->statusTip(), shortcut)
            : tr("%1 — unavailable: %2").arg(action->text().remove(QChar(0x2026)), blockedBecause));
}

void ConnectionActions::updateState()
{
    // Offline first: it is what the agent most needs to know, and every action here writes.
    QString common = storeRefusal();
    if (common.isEmpty() && !m_session.isReady())
        common = m_session.lastError().isEmpty()
            ? tr("the environment is still starting (waiting for its credentials and client).")
            : tr("the environment could not be set up: %1").arg(m_session.lastError());
    else if (common.isEmpty() && !m_session.store())
        common = tr("the local store is not open yet.");
    const int row = m_panel.currentSourceRow();
    if (common.isEmpty() && row < 0)
        common = tr("select a connection in the table first.");
    if (!common.isEmpty()) {
        for (QAction *a : all())
            setState(a, common);
        return;
    }
    const Connection &c = m_panel.model()->connection(row);
    const QString id = c.connectionId;
    setState(m_refreshDetails,
             m_refreshing.contains(id) ? tr("a refresh of this connection is under way.")
                                       : QString());
    auto jobBlock = [&](api::JobType type) -> QString {
        if (auto key = m_session.jobs()->runningJob(id, type)) {
            const QString jobId = m_session.jobs()->jobId(*key);
            return jobId.isEmpty()
                ? tr("a %1 job is already starting on this connection.").arg(api::jobTypeName(type))
                : tr("a %1 job is already running on this connection (%2).")
                      .arg(api::jobTypeName(type), jobId);
        }
        return {};
    };
    QString balance = balanceUnavailableReason(c.accountSummary);
    if (balance.isEmpty())
        balance = jobBlock(api::JobType::Balance);
    setState(m_refreshBalance, balance);
    setState(m_fetchTransactions, jobBlock(api::JobType::Transactions));
    setState(m_identity, jobBlock(api::JobType::Identity));
    setState(m_reconnect, {});
    setState(m_remove, {});
}

bool ConnectionActions::onTeamStore() const
{
    const store::Store *db = m_session.store();
    return db && db->target().isPostgres();
}

QString ConnectionActions::storeRefusal() const
{
    const ConnectionLiveUpdates *live = m_panel.liveUpdates();
    return live ? live->writeRefusal() : QString();
}

void ConnectionActions::doRefreshDetails()
{
    const QString id = currentId();
    api::ApiClient *client = m_session.client();
    if (id.isEmpty() || !client || !m_session.store())
        return;
    if (const QString refused = storeRefusal(); !refused.isEmpty()) {
        Q_EMIT message(refused, true); // nothing is queued to be sent later
        return;
    }
    // The version the agent is looking at: if another console changes the row before this
    // refresh is saved, the save is a Conflict, shown — never a silent overwrite.
    const qint64 seen = m_panel.model()->connection(m_panel.currentSourceRow()).version;
    m_refreshing.insert(id);
    updateState();
    Q_EMIT message(tr("Refreshing %1…").arg(ConnectionTableModel::mask(id)), false);
    client->getAccount(
        id, [this, alive = m_guard.token(), id, seen](Result<api::Account, api::ApiError> result) {
            if (alive)
                onAccount(id, seen, result);
        });
}

void ConnectionActions::onAccount(const QString &id, qint64 seenVersion,
                                  const Result<api::Account, api::ApiError> &result)
{
    store::StoreJobs *jobs = m_session.storeJobs();
    const QDateTime now = m_session.clock().nowUtc();
    const QString masked = ConnectionTableModel::mask(id);
    if (!jobs) {
        m_refreshing.remove(id);
        updateState();
        return;
    }
    if (!result.ok()) {
        m_refreshing.remove(id);
        const api::ApiError &e = result.error();
        QJsonObject detail { { QStringLiteral("what"), QStringLiteral("refresh details") },
                             { QStringLiteral("message"), e.message } };
        if (!e.code.isEmpty())
            detail.insert(QStringLiteral("code"), e.code);
        const connections::ConnectionEvent event { now, QStringLiteral("error"), detail };
        jobs->run<bool>(
            this,
            [id, event](store::Store *db, const store::StoreError &) {
                return db && db->history().record(id, event).ok();
            },
            [this, id](bool) { Q_EMIT m_feed.historyChanged(id); });
        Q_EMIT message(tr("Refresh of %1 failed: %2").arg(masked, e.message), true);
        updateState();
        return;
    }
    // Read, changed and saved on the store jobs' thread — on a team store each step is a round
    // trip to the server — and recorded in the history there once saved. The refresh stays
    // "under way" (m_refreshing) until the save has answered.
    struct Saved
    {
        Connection mine;
        store::StoreError error;
    };
    jobs->run<Saved>(
        this,
        [id, seenVersion, account = result.value(), now](store::Store *db,
                                                         const store::StoreError &openError) {
            Saved out;
            if (!db) {
                out.error = openError;
                return out;
            }
            auto stored = db->connections().get(id);
            Connection c = stored.ok() ? stored.value() : Connection {};
            c.connectionId = id;
            if (stored.ok() && seenVersion > 0)
                c.version = seenVersion; // based on what the agent saw, not on what is there now
            connections::applyAccount(c, account, now);
            out.mine = c;
            if (auto s = db->connections().upsert(c); !s) {
                out.error = s.error();
                return out;
            }
            (void)db->history().record(
                id,
                { now, QStringLiteral("refresh"),
                  QJsonObject { { QStringLiteral("what"), QStringLiteral("refresh details") },
                                { QStringLiteral("status"), c.status } } });
            return out;
        },
        [this, id, masked](Saved saved) {
            m_refreshing.remove(id);
            if (!saved.error.ok()) {
                saveFailed(saved.mine, saved.error);
            } else {
                const Connection &c = saved.mine;
                m_feed.refreshRow(id);
                Q_EMIT message(tr("%1 refreshed: %2, %3.")
                                   .arg(masked, c.bankName,
                                        c.status.isEmpty() ? tr("status unknown") : c.status),
                               false);
            }
            updateState();
        });
}

void ConnectionActions::save(const Connection &mine, std::function<void()> saved)
{
    store::StoreJobs *jobs = m_session.storeJobs();
    if (!jobs)
        return;
    jobs->run<store::StoreError>(
        this,
        [mine](store::Store *db, const store::StoreError &openError) {
            if (!db)
                return openError;
            auto s = db->connections().upsert(mine);
            return s.ok() ? store::StoreError {} : s.error();
        },
        [this, mine, saved = std::move(saved)](store::StoreError error) {
            if (!error.ok())
                saveFailed(mine, error);
            else if (saved)
                saved();
        });
}

void ConnectionActions::saveFailed(const Connection &mine, const store::StoreError &error)
{
    if (error.kind == store::StoreError::Kind::Conflict && error.current) {
        showConflict(mine, *error.current);
        return;
    }
    if (ConnectionLiveUpdates *live = m_panel.liveUpdates())
        live->reportFailure(error);
    Q_EMIT message(tr("%1 was refreshed but could not be saved in the store: %2")
                       .arg(ConnectionTableModel::mask(mine.connectionId), error.message),
                   true);
}

void ConnectionActions::showConflict(const Connection &mine, const Connection &current)
{
    const QString masked = ConnectionTableModel::mask(current.connectionId);
    // The list shows the row as it is now (with its version), not what this console wanted.
    m_panel.upsertConnection(current);
    const QString when = current.updatedAt.isValid()
        ? QLocale().toString(current.updatedAt.toLocalTime(), QLocale::ShortFormat)
        : tr("an unknown time");
    const QString text =
        tr("Another agent changed this connection at %1 — your change was not saved.").arg(when);
    Q_EMIT message(tr("%1: %2").arg(masked, text), true);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Connection changed by another agent"),
                                text, QMessageBox::NoButton, &m_panel);
    box->setObjectName(QStringLiteral("conflictNotice"));
    box->setAccessibleName(tr("Your change was not saved"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(
        tr("Now in the store (version %1): %2 — %3, status %4, user %5.")
            .arg(current.version)
            .arg(masked, current.bankName.isEmpty() ? tr("unknown bank") : current.bankName,
                 current.status.isEmpty() ? tr("unknown") : current.status,
                 current.aeroPassUserUuid.isEmpty()
                     ? tr("none")
                     : ConnectionTableModel::mask(current.aeroPassUserUuid)));
    QPushButton *reload = box->addButton(tr("Reload"), QMessageBox::RejectRole);
    reload->setObjectName(QStringLiteral("conflictReload"));
    reload->setAccessibleName(tr("Reload: take the other agent's version"));
    QPushButton *again =
        box->addButton(tr("Apply my change again on top"), QMessageBox::AcceptRole);
    again->setObjectName(QStringLiteral("conflictApplyAgain"));
    again->setAccessibleName(tr("Apply my change again on top of the current version"));
    box->setDefaultButton(reload);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, again, mine, version = current.version](QAbstractButton *clicked) {
                const QString id = mine.connectionId;
                if (clicked != again) {
                    m_feed.refreshRow(id); // theirs, as it is now
                    Q_EMIT message(tr("%1 reloaded: showing the other agent's version.")
                                       .arg(ConnectionTableModel::mask(id)),
                                   false);
                    return;
                }
                if (const QString refused = storeRefusal(); !refused.isEmpty()) {
                    Q_EMIT message(refused, true);
                    return;
                }
                Connection retry = mine;
                retry.version = version; // on top of theirs; a newer change conflicts again
                save(retry, [this, id] {
                    m_feed.refreshRow(id);
                    Q_EMIT message(tr("%1: your change was applied on top of the other agent's.")
                                       .arg(ConnectionTableModel::mask(id)),
                                   false);
                });
            });
    box->open();
}

void ConnectionActions::startJob(api::JobType type)
{
    const QString id = currentId();
    jobs::JobRunner *runner = m_session.jobs();
    if (id.isEmpty() || !runner)
        return;
    if (const QString refused = storeRefusal(); !refused.isEmpty()) {
        Q_EMIT message(refused, true); // its outcome could not be recorded
        return;
    }
    runner->start(type, id);
    Q_EMIT message(tr("Started a %1 job on %2; its outcome goes into the history.")
                       .arg(api::jobTypeName(type), ConnectionTableModel::mask(id)),
                   false);
    updateState();
}

void ConnectionActions::doRemove()
{
    const QString id = currentId();
    if (id.isEmpty() || !m_session.store())
        return;
    if (const QString refused = storeRefusal(); !refused.isEmpty()) {
        Q_EMIT message(refused, true);
        return;
    }
    const QString masked = ConnectionTableModel::mask(id);
    const bool team = onTeamStore();
    const QString question = team
        ? tr("Stop tracking %1 for the whole team? It and its history are removed from the team "
             "store, and from every console showing it. The connection itself stays at Aerosync.")
        : tr("Stop tracking %1? It and its history are removed from the local store. "
             "The connection itself stays at Aerosync.");
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Remove connection"), question.arg(masked),
                        QMessageBox::Yes | QMessageBox::Cancel, &m_panel);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setAccessibleName(tr("Confirm removing the connection"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->button(QMessageBox::Yes)->setAccessibleName(tr("Remove the connection"));
    box->button(QMessageBox::Cancel)->setAccessibleName(tr("Keep the connection"));
    connect(box, &QMessageBox::finished, this, [this, id, masked, team](int result) {
        if (result != QMessageBox::Yes)
            return;
        store::StoreJobs *jobs = m_session.storeJobs();
        if (!jobs)
            return;
        // Removed on the store jobs' thread (a round trip on a team store); absent already
        // (NotFound) counts as removed.
        jobs->run<store::StoreError>(
            this,
            [id](store::Store *db, const store::StoreError &openError) {
                if (!db)
                    return openError;
                const auto removed = db->connections().remove(id);
                return removed || removed.error().kind == store::StoreError::Kind::NotFound
                    ? store::StoreError {}
                    : removed.error();
            },
            [this, id, masked, team](store::StoreError error) {
                const bool failed = !error.ok();
                if (audit::AuditTrail *trail = m_session.audit())
                    trail->record(audit::AuditAction::Remove, masked,
                                  failed ? audit::AuditOutcome::Failed : audit::AuditOutcome::Ok,
                                  {}, id);
                if (failed) {
                    if (ConnectionLiveUpdates *live = m_panel.liveUpdates())
                        live->reportFailure(error);
                    Q_EMIT message(tr("%1 could not be removed: %2").arg(masked, error.message),
                                   true);
                    return;
                }
                m_panel.removeConnection(id);
                Q_EMIT message((team ? tr("%1 removed from the team store.")
                                     : tr("%1 removed from the local store."))
                                   .arg(masked),
                               false);
                updateState();
            });
    });
    box->open();
}

} // namespace aerodesk::ui
