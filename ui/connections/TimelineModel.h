#pragma once

#include "core/timeline/TimelineEntry.h"

#include <QAbstractTableModel>
#include <QList>

namespace aerodesk::ui {

/// A connection's timeline as a table (time, kind, step, correlation id), oldest first. One
/// model row per step, no widget per row: thousands of steps scroll as one view.
class TimelineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, SummaryColumn, CorrelationColumn, ColumnCount };
    enum Role {
        KindNameRole = Qt::UserRole + 1, ///< timelineKindName(): what the kind filter matches
        CorrelationRole, ///< the full correlation id
        StepTextRole, ///< TimelineEntry::toText(): what "Copy step" copies
    };

    explicit TimelineModel(QObject *parent = nullptr);

    void setEntries(QList<timeline::TimelineEntry> entries);
    /// Adds a step in its place by time (a live step is usually the newest: appended).
    void addEntry(const timeline::TimelineEntry &entry);
    const timeline::TimelineEntry &entry(int row) const { return m_entries.at(row); }
    const QList<timeline::TimelineEntry> &entries() const { return m_entries; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<timeline::TimelineEntry> m_entries;
};

} // namespace aerodesk::ui
