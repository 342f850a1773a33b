#include "core/store/StoreHealth.h"

#include "core/util/LogCategories.h"

namespace aerodesk::store {

StoreHealth::StoreHealth(QObject *parent)
    : QObject(parent)
{
}

QString StoreHealth::refusal() const
{
    if (m_state == State::Online)
        return {};
    return tr("Team store unreachable since %1 — showing what was loaded, read-only; retrying. "
              "Nothing was saved and nothing is queued: try again when it is back.")
        .arg(m_since.toLocalTime().toString(QStringLiteral("HH:mm")));
}

QString StoreHealth::statusText() const
{
    switch (m_state) {
    case State::Online:
        return {};
    case State::Offline:
        return tr("Team store unreachable since %1 — showing what was loaded, read-only; "
                  "retrying.")
            .arg(m_since.toLocalTime().toString(QStringLiteral("HH:mm")));
    case State::Recovering:
        return tr("Team store reachable again — reconnecting and catching up.");
    }
    return {};
}

void StoreHealth::markOffline(const QString &reason, const QDateTime &at)
{
    if (m_state != State::Offline || m_reason.isEmpty())
        m_reason = reason;
    if (m_state == State::Online || !m_since.isValid())
        m_since = at;
    set(State::Offline);
}

void StoreHealth::markRecovering()
{
    set(State::Recovering);
}

void StoreHealth::markOnline()
{
    m_since = QDateTime();
    m_reason.clear();
    set(State::Online);
}

void StoreHealth::set(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(aerodesk::log::store) << "team store health:" << state;
    Q_EMIT changed(state);
}

} // namespace aerodesk::store
