#pragma once

#include "core/connections/Connection.h"

#include <QList>
#include <QListWidget>

namespace aerodesk::ui {

/// A connection's history (store::ConnectionHistory: jobs, errors, webhooks seen, refreshes) in
/// time order, oldest first: one item per event, "2024-05-01 12:00:00 UTC · job" over a wrapped
/// summary line, so it reads in the narrow detail pane.
class ConnectionHistoryView : public QListWidget
{
    Q_OBJECT
public:
    explicit ConnectionHistoryView(QWidget *parent = nullptr);

    void setEvents(const QList<connections::ConnectionEvent> &events);
    /// Shows one line instead of events (nothing selected, a read error).
    void setPlaceholder(const QString &text);
    /// "Balance job: Completed — …" etc.; public for tests and for the accessible text.
    static QString summary(const connections::ConnectionEvent &event);
    /// Every row's text, one line each (for tests and the accessible description).
    QStringList lines() const;
};

} // namespace aerodesk::ui
