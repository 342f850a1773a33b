#pragma once

#include "core/timeline/TimelineEntry.h"

#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace aerodesk::ui {

class TimelineModel;

/// A connection's timeline in the detail pane (issue 15): every step in time order — API calls,
/// jobs and polls, widget events, webhooks, staff actions — with a kind filter, the selected
/// step's correlation id, and "Copy step" (context menu and Ctrl+C) that copies the selected
/// step(s) as text. Model/view: thousands of steps are one table.
class ConnectionTimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit ConnectionTimelineView(QWidget *parent = nullptr);

    void setEntries(const QList<timeline::TimelineEntry> &entries);
    /// A live step (TimelineRecorder::recorded for the connection shown).
    void addEntry(const timeline::TimelineEntry &entry);
    /// Shows a line instead of steps (nothing selected, a read error).
    void setPlaceholder(const QString &text);

    /// Only steps of `kind` (nullopt: every kind); the combo box shows the same.
    void setKindFilter(std::optional<timeline::TimelineKind> kind);
    /// Copies the selected steps' text (TimelineEntry::toText, blank line between) to the
    /// clipboard; false when nothing is selected.
    bool copySelectedSteps();

    TimelineModel *model() const { return m_model; }
    QSortFilterProxyModel *filteredModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QAction *copyAction() const { return m_copy; }

private:
    void applyFilter();
    void showSelectedCorrelation();

    TimelineModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_kind = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_correlation = nullptr;
    QLabel *m_placeholder = nullptr;
    QAction *m_copy = nullptr;
};

} // namespace aerodesk::ui
