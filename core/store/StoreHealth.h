#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

namespace aerodesk::store {

/// Can this console reach its team store right now? (docs/team.md, "When the database goes
/// away".) Lives on the UI thread; fed by StoreLive (its listener's connection and reconnect
/// loop) and by writes that failed with StoreError::Kind::Unreachable.
///
/// The rules are here, not in widgets: only Online may write (canWrite()); otherwise every
/// writing action is refused with refusal() — nothing is queued to be sent later. A SQLite store
/// is always Online.
class StoreHealth : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Online,
        Offline, ///< the server cannot be reached: what is shown stays, read-only
        Recovering, ///< it answers again; the console is reconnecting and catching up
    };
    Q_ENUM(State)

    explicit StoreHealth(QObject *parent = nullptr);

    State state() const { return m_state; }
    /// When the store became unreachable (UTC); invalid while Online.
    QDateTime since() const { return m_since; }
    /// The last failure's words (never a secret: libpq's and SqlFailure's texts).
    const QString &reason() const { return m_reason; }
    bool canWrite() const { return m_state == State::Online; }
    /// Why a write is refused now ("Team store unreachable since HH:MM — …"); empty when Online.
    QString refusal() const;
    /// The banner's text; empty when Online.
    QString statusText() const;

    /// Unreachable since `at` (the first failure of an outage is kept as its start).
    void markOffline(const QString &reason, const QDateTime &at = QDateTime::currentDateTimeUtc());
    void markRecovering();
    void markOnline();

Q_SIGNALS:
    void changed(aerodesk::store::StoreHealth::State state);

private:
    void set(State state);

    State m_state = State::Online;
    QDateTime m_since;
    QString m_reason;
};

} // namespace aerodesk::store
