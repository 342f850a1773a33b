#pragma once

#include "core/api/ApiError.h"
#include "core/api/LinkWidgetEvent.h"
#include "core/connections/Connection.h"

#include <QObject>
#include <QStringList>

namespace aerodesk {
class Clock;
}
namespace aerodesk::api {
class ApiClient;
class LinkWidgetEventDispatcher;
} // namespace aerodesk::api
namespace aerodesk::store {
class ConnectionRepository;
}

namespace aerodesk::connections {

/// "pageSuccess → persist before anything else". Installs itself as the LinkWidgetEventDispatcher's
/// persist hook: when the widget reports a success, every connectionId it carries (top-level or
/// per account) is written to the encrypted store — synchronously, inside dispatch(), before any
/// signal of the dispatcher runs — so no GET /accounts, no job and no other call can start for a
/// connection the console has not recorded. A reconnect keeps the stored row (same blind index):
/// its summary, history and createdAt stay.
///
/// Only after the write succeeded does the recorder make its own follow-up: GET
/// /v2/accounts/{id} for each recorded connection, stored as the account summary (bank, status,
/// expiry, lastRefresh). If the store write fails, recordFailed() says why and NO follow-up call
/// is made (the dispatcher also emits persistFailed for the UI to warn loudly).
///
/// Lives on the thread of its repository (the store is used synchronously there).
class LinkRecorder : public QObject
{
    Q_OBJECT
public:
    LinkRecorder(api::LinkWidgetEventDispatcher &dispatcher,
                 store::ConnectionRepository &repository, api::ApiClient &client,
                 const Clock &clock, QObject *parent = nullptr);
    ~LinkRecorder() override;

    /// Whether to GET /v2/accounts after recording (default true).
    void setFetchAccounts(bool fetch) { m_fetchAccounts = fetch; }
    bool fetchAccounts() const { return m_fetchAccounts; }

Q_SIGNALS:
    /// The connections of one pageSuccess are in the store (emitted inside dispatch, after the
    /// write). `created` lists the ids that were not tracked before (the rest were updated).
    void recorded(const QStringList &connectionIds, const QStringList &created);
    /// The store write failed: nothing else was started. `why` is one clear sentence.
    void recordFailed(const QStringList &connectionIds, const QString &why);
    /// The follow-up GET /v2/accounts answered and the row was updated.
    void accountLoaded(const QString &connectionId,
                       const aerodesk::connections::Connection &connection);
    /// The follow-up failed (API or store); the recorded row stays as it was.
    void accountFailed(const QString &connectionId, const QString &why);

private:
    bool persist(const api::LinkWidgetEvent::PageSuccess &success, QString *why);
    void onPageSuccess(const api::LinkWidgetEvent::PageSuccess &success);
    void loadAccount(const QString &connectionId);

    api::LinkWidgetEventDispatcher &m_dispatcher;
    store::ConnectionRepository &m_repository;
    api::ApiClient &m_client;
    const Clock &m_clock;
    bool m_fetchAccounts = true;
    QStringList m_lastRecorded; ///< ids written by the last hook call (empty: it failed)
};

} // namespace aerodesk::connections
