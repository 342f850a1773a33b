#pragma once

#include "core/api/Account.h"
#include "core/api/ApiError.h"
#include "core/api/JobType.h"
#include "core/connections/Connection.h"
#include "core/store/StoreError.h"
#include "core/util/Result.h"
#include "ui/common/CallbackGuard.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

class QAction;
class QJsonObject;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class ConnectionsPanel;
class ConnectionStoreFeed;

/// The row actions of the Connections panel, as QActions shared by the panel's toolbar, the
/// table's context menu and keyboard shortcuts (active while focus is inside the panel):
///
/// | action | shortcut | what it does |
/// |---|---|---|
/// | Refresh details | F5 | GET /v2/accounts/{id} through session.client(); store and row updated |
/// | Refresh balance | Ctrl+B | session.jobs()->start(Balance, id) — disabled when canFetchBalance
/// is false | | Fetch transactions | Ctrl+T | a transactions job | | Identity | Ctrl+I | an
/// identity job | | Reconnect… | Ctrl+R | emits reconnectRequested(id): the panel
/// (ConnectionLinker) runs LinkWidgetSession::startReconnect | | Remove… | Delete | asks, then
/// removes the connection and its history from the store |
///
/// Every action is disabled until it can work, and its tooltip then says why: no environment
/// yet, no store, no row selected, a job of that kind already running on the row, a refresh
/// under way, or (balance) the account summary's canFetchBalance is false.
class ConnectionActions : public QObject
{
    Q_OBJECT
public:
    ConnectionActions(session::Session &session, ConnectionsPanel &panel, ConnectionStoreFeed &feed,
                      QObject *parent = nullptr);

    QAction *refreshDetails() const { return m_refreshDetails; }
    QAction *refreshBalance() const { return m_refreshBalance; }
    QAction *fetchTransactions() const { return m_fetchTransactions; }
    QAction *identity() const { return m_identity; }
    QAction *reconnect() const { return m_reconnect; }
    QAction *remove() const { return m_remove; }
    QList<QAction *> all() const;

    /// Why a balance cannot be fetched for this account summary, or an empty string when it can
    /// (canFetchBalance true or not known yet).
    static QString balanceUnavailableReason(const QJsonObject &accountSummary);

    /// Re-evaluates every action's enabled state and tooltip.
    void updateState();
    /// Redraws the icons in the current palette's ink (after a light/dark switch).
    void refreshIcons();

Q_SIGNALS:
    /// Reconnect this (existing) connection — the panel connects it to its ConnectionLinker, whose
    /// dialog runs LinkWidgetSession::startReconnect(connectionId). Never a fresh link.
    void reconnectRequested(const QString &connectionId);
    /// One sentence for the panel's message line (`error`: shown as a problem).
    void message(const QString &text, bool error);

private:
    QAction *make(const QString &text, const QString &objectName, const QKeySequence &shortcut,
                  const QString &icon, const QString &description);
    QString currentId() const;
    void doRefreshDetails();
    void startJob(api::JobType type);
    void doRemove();
    void onAccount(const QString &connectionId, qint64 seenVersion,
                   const Result<api::Account, api::ApiError> &result);
    /// Saves `mine` (a row at the version this console read) on the store jobs' thread;
    /// `saved` runs once it is saved. Otherwise saveFailed().
    void save(const connections::Connection &mine, std::function<void()> saved);
    /// A Conflict opens the notice; another error is reported (offline) and said.
    void saveFailed(const connections::Connection &mine, const store::StoreError &error);
    /// "Another agent changed this connection at … — your change was not saved": the current
    /// row, Reload (take theirs) or Apply my change again on top (at the current version).
    void showConflict(const connections::Connection &mine, const connections::Connection &current);
    /// The team store's refusal (offline), or empty.
    QString storeRefusal() const;
    /// The open store is a team store (PostgreSQL): removals reach every console.
    bool onTeamStore() const;
    void setState(QAction *action, const QString &blockedBecause);

    session::Session &m_session;
    CallbackGuard m_guard; ///< replies that arrive after this object is gone drop out
    ConnectionsPanel &m_panel;
    ConnectionStoreFeed &m_feed;
    QSet<QString> m_refreshing;
    QAction *m_refreshDetails = nullptr;
    QAction *m_refreshBalance = nullptr;
    QAction *m_fetchTransactions = nullptr;
    QAction *m_identity = nullptr;
    QAction *m_reconnect = nullptr;
    QAction *m_remove = nullptr;
};

} // namespace aerodesk::ui
