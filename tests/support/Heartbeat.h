#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <algorithm>

namespace aerodesk::test {

/// Measures the longest gap between two turns of the UI thread's event loop while it lives
/// (a 20 ms timer): a fault that blocks the UI thread shows as a long gap.
class Heartbeat
{
public:
    Heartbeat()
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout,
                         [this] { m_longest = std::max(m_longest, m_sinceLast.restart()); });
        m_sinceLast.start();
        m_timer.start();
    }
    qint64 longestGapMs() const { return std::max(m_longest, m_sinceLast.elapsed()); }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
};

/// The UI thread never stopped answering for this long in a fault test.
constexpr qint64 kUiStallMs = 1000;

} // namespace aerodesk::test
