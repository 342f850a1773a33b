#pragma once

#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>

namespace aerodesk::jobs {

/// Work for the UI thread, run in the order posted and never inside post(), at most about
/// budgetMs of it per event-loop turn: what is left waits for the next turn, so timers, input
/// and painting run in between. JobRunner posts every request it sends and every answer it
/// handles here: 500 jobs whose answers arrive together cost a few frames of latency instead of
/// one long stall (bench/JobsStallProbe.cpp, docs/performance-list.md).
class PacedQueue : public QObject
{
    Q_OBJECT
public:
    explicit PacedQueue(int budgetMs, QObject *parent = nullptr);

    /// Runs `work` on a later turn (after the work posted before it).
    void post(std::function<void()> work);
    int pending() const { return int(m_work.size()); }
    /// Turns that ran work so far (each ran at least one item).
    int turns() const { return m_turns; }
    /// The most items one turn ran.
    int mostPerTurn() const { return m_mostPerTurn; }
    int budgetMs() const { return m_budgetMs; }

private:
    void drain();

    std::deque<std::function<void()>> m_work;
    QTimer m_next;
    int m_budgetMs;
    int m_turns = 0;
    int m_mostPerTurn = 0;
};

} // namespace aerodesk::jobs
