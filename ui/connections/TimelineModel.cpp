#include "ui/connections/TimelineModel.h"

#include "core/timeline/CorrelationId.h"

#include <algorithm>

namespace aerodesk::ui {

using timeline::TimelineEntry;

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TimelineModel::setEntries(QList<TimelineEntry> entries)
{
    TimelineEntry::sortByTime(entries);
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

void TimelineModel::addEntry(const TimelineEntry &entry)
{
    const auto at = std::upper_bound(
        m_entries.begin(), m_entries.end(), entry,
        [](const TimelineEntry &a, const TimelineEntry &b) { return a.at < b.at; });
    const int row = int(at - m_entries.begin());
    beginInsertRows({}, row, row);
    m_entries.insert(row, entry);
    endInsertRows();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const TimelineEntry &e = m_entries.at(index.row());
    switch (role) {
    case KindNameRole:
        return timeline::timelineKindName(e.kind);
    case CorrelationRole:
        return e.correlationId;
    case StepTextRole:
        return e.toText();
    case Qt::ToolTipRole:
        return e.toText();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case KindColumn:
            return timeline::timelineKindLabel(e.kind);
        case SummaryColumn:
            return e.summary;
        case CorrelationColumn:
            return timeline::CorrelationId::brief(e.correlationId);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time (UTC)");
    case KindColumn:
        return tr("Kind");
    case SummaryColumn:
        return tr("Step");
    case CorrelationColumn:
        return tr("Correlation");
    default:
        return {};
    }
}

} // namespace aerodesk::ui
