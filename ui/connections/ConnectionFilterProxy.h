#pragma once

#include "core/connections/ExpiryChecker.h"

#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

#include <optional>

namespace aerodesk::ui {

class ConnectionTableModel;

/// Filters and sorts a ConnectionTableModel.
///
/// Text filter (as you type): split on white space; every word must appear, case-insensitively,
/// in what the row shows — bank, status, band text, and the ids as displayed (masked, or in full
/// when the row is revealed). A word that is a complete connectionId or aeroPassUserUuid (any
/// case, surrounding spaces ignored) also matches its row even while masked: pasting a full id
/// finds it, but typing part of the hidden middle of an id finds nothing, so the filter cannot be
/// used to guess a hidden id character by character.
///
/// Band filter: one band or all. Expiry-day filter: rows whose expiry falls on that UTC calendar
/// day (what a timeline bar counts). All filters combine with AND.
///
/// Sorting works on any column with the model's raw values (ConnectionTableModel::compareRows):
/// days left and dates numerically, unknown expiry after known ones, text case-insensitively.
class ConnectionFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject *parent = nullptr);

    /// Must be a ConnectionTableModel (other models are shown unfiltered).
    void setSourceModel(QAbstractItemModel *model) override;
    /// Ranks the rows by `column` first (ConnectionTableModel::prepareSortKeys), then sorts.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    void setBandFilter(std::optional<connections::ExpiryStatus> band);
    std::optional<connections::ExpiryStatus> bandFilter() const { return m_band; }
    /// Invalid date = no day filter.
    void setExpiryDay(const QDate &day);
    QDate expiryDay() const { return m_day; }
    void clearFilters();

    /// While a bulk load appends many rows: new rows are filtered as usual but go to the end
    /// instead of their sorted place (Qt's sorted insert rebuilds its whole row mapping once per
    /// inserted position, O(rows x batch)); rows changed meanwhile are re-matched and everything
    /// is sorted once when it ends. Nested calls count.
    void beginBulkLoad();
    void endBulkLoad();
    bool isBulkLoading() const { return m_bulkDepth > 0; }

Q_SIGNALS:
    void filtersChanged();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void refilter();
    void prepareSortKeys();

    ConnectionTableModel *m_model = nullptr;
    QString m_text;
    QStringList m_words;
    QStringList m_normalizedWords;
    QStringList m_foldedWords;
    int m_bulkDepth = 0;
    bool m_changedDuringBulk = false;
    std::optional<connections::ExpiryStatus> m_band;
    QDate m_day;
};

} // namespace aerodesk::ui
