#pragma once

#include "core/connections/RefreshOutcome.h"

#include <QStringList>
#include <QWidget>

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::connections {
class BulkAccountRefresher;
}

namespace aerodesk::ui {

/// The Connections panel's "Refresh all / Refresh selected" run: a connections::
/// BulkAccountRefresher (bounded concurrency, GET /v2/accounts/{id} per connection, each answer
/// stored) on the session's client and store, shown as "Refreshing 120 of 1,000…" with a
/// progress bar and Cancel. Hidden while nothing runs; after a run it says what happened until
/// the next one. Each connection's outcome is emitted (the panel re-reads the row and marks it).
class BulkRefreshBar : public QWidget
{
    Q_OBJECT
public:
    explicit BulkRefreshBar(session::Session &session, QWidget *parent = nullptr);
    ~BulkRefreshBar() override;

    /// Why a run cannot start now ("" when it can).
    QString blockedBecause() const;
    bool isRunning() const;
    /// Starts a run over `connectionIds` (ignored while one runs or when blocked).
    void start(const QStringList &connectionIds);
    void cancel();
    QProgressBar *progressBar() const { return m_bar; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *label() const { return m_label; }

Q_SIGNALS:
    void outcome(const aerodesk::connections::RefreshOutcome &outcome);
    void runningChanged(bool running);
    void finished(const aerodesk::connections::BulkRefreshSummary &summary);

private:
    void onProgress(int done, int total);
    void onFinished(const connections::BulkRefreshSummary &summary);

    session::Session &m_session;
    std::unique_ptr<connections::BulkAccountRefresher> m_refresher;
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_dismiss = nullptr;
};

} // namespace aerodesk::ui
