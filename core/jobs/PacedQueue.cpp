#include "core/jobs/PacedQueue.h"

#include <QElapsedTimer>
#include <QPointer>

#include <algorithm>

namespace aerodesk::jobs {

PacedQueue::PacedQueue(int budgetMs, QObject *parent)
    : QObject(parent)
    , m_budgetMs(std::max(1, budgetMs))
{
    m_next.setSingleShot(true);
    m_next.setInterval(0);
    connect(&m_next, &QTimer::timeout, this, &PacedQueue::drain);
}

void PacedQueue::post(std::function<void()> work)
{
    m_work.push_back(std::move(work));
    if (!m_next.isActive())
        m_next.start();
}

void PacedQueue::drain()
{
    QElapsedTimer spent;
    spent.start();
    const qint64 budgetNs = qint64(m_budgetMs) * 1000000;
    int ran = 0;
    // Only what was posted before this turn: work that posts more (an answer that sends the next
    // request) waits for the next turn too.
    std::size_t left = m_work.size();
    const QPointer<PacedQueue> alive(this); // work may end the runner that owns this queue
    while (left > 0 && !m_work.empty()) {
        std::function<void()> work = std::move(m_work.front());
        m_work.pop_front();
        --left;
        ++ran;
        work();
        if (!alive)
            return;
        if (spent.nsecsElapsed() >= budgetNs)
            break;
    }
    if (ran > 0) {
        ++m_turns;
        m_mostPerTurn = std::max(m_mostPerTurn, ran);
    }
    if (!m_work.empty() && !m_next.isActive())
        m_next.start();
}

} // namespace aerodesk::jobs
