#pragma once

#include "core/api/ApiError.h"
#include "core/api/LinkWidgetEvent.h"
#include "core/connections/Connection.h"
#include "core/connections/UnsavedLink.h"

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
/// A connectionId the store refused is NEVER dropped: it stays in memory (unsaved(), in the order
/// it arrived, with its aeroPassUserUuid) until retryUnsaved() stores it — then recorded() and the
/// follow-up run for it as for a fresh success. unsavedChanged() tells the UI how many wait.
/// Session hands the list on to the next recorder when it rebuilds it (adoptUnsaved()).
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

    /// The connectionIds the widget linked but the store refused, oldest first (never logged or
    /// shown in full by this class).
    QStringList unsaved() const;
    int unsavedCount() const { return int(m_unsaved.size()); }
    /// The store's last refusal ("" when nothing waits).
    QString unsavedReason() const { return m_unsavedReason; }
    /// Writes every unsaved connection again, in one transaction. True when they are all stored
    /// (recorded() and the follow-up GET /accounts then run for them); false, with recordFailed()
    /// and the list kept, when the store refuses again. True when nothing waits.
    bool retryUnsaved();
    const UnsavedLinks &unsavedLinks() const { return m_unsaved; }
    /// Takes over the unsaved connections of a recorder being replaced (same list, same order).
    void adoptUnsaved(const UnsavedLinks &unsaved, const QString &reason);

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
    /// How many linked connections wait in memory for the store changed (0: all stored).
    void unsavedChanged(int count);

private:
    bool persist(const api::LinkWidgetEvent::PageSuccess &success, QString *why);
    /// Writes `items` in one transaction; `created` gets the ids that were new. Empty on success,
    /// otherwise the store's reason.
    QString write(const QList<UnsavedLink> &items, QStringList *created);
    void keepUnsaved(const QList<UnsavedLink> &items, const QString &why);
    void onPageSuccess(const api::LinkWidgetEvent::PageSuccess &success);
    void loadAccount(const QString &connectionId);

    api::LinkWidgetEventDispatcher &m_dispatcher;
    store::ConnectionRepository &m_repository;
    api::ApiClient &m_client;
    const Clock &m_clock;
    bool m_fetchAccounts = true;
    QStringList m_lastRecorded; ///< ids written by the last hook call (empty: it failed)
    UnsavedLinks m_unsaved; ///< linked, refused by the store, kept until stored
    QString m_unsavedReason;
};

} // namespace aerodesk::connections
