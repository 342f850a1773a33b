#pragma once

#include "core/connections/ExpiryChecker.h"
#include "ui/connections/ConnectionTableModel.h"

#include <QAbstractProxyModel>
#include <QDate>
#include <QStringList>

#include <optional>
#include <vector>

namespace aerodesk::ui {

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
/// Equal rows keep the model's order (a stable sort, either direction).
///
/// How (100,000 rows; docs/performance-list.md): a flat proxy, not a QSortFilterProxyModel. It
/// keeps one sorted permutation of all source rows, recomputed (by counting, on the model's
/// integer ranks) only when the sort column changes or many rows change. A filter change is one
/// pass over that permutation and one layout change; a filter that only narrows the previous one
/// (a letter typed at the end) tests only the rows shown now, plus rows whose full id is one of
/// the words. A changed, inserted or removed row is moved, inserted or removed on its own.
class ConnectionFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit ConnectionFilterProxy(QObject *parent = nullptr);

    /// Must be a ConnectionTableModel (other models show no rows).
    void setSourceModel(QAbstractItemModel *model) override;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Ranks the rows by `column` (ConnectionTableModel::sortRanks), then orders them; -1 shows
    /// the model's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// True while rows are kept sorted and filtered as they change: always, except during a
    /// bulk load.
    bool dynamicSortFilter() const { return m_bulkDepth == 0; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_filter.text; }
    void setBandFilter(std::optional<connections::ExpiryStatus> band);
    std::optional<connections::ExpiryStatus> bandFilter() const { return m_filter.band; }
    /// Invalid date = no day filter.
    void setExpiryDay(const QDate &day);
    QDate expiryDay() const { return m_filter.day; }
    void clearFilters();

    /// While a bulk load appends many rows: new rows are filtered as usual but go to the end
    /// instead of their sorted place; rows changed meanwhile are re-matched and everything is
    /// sorted once when it ends. Nested calls count.
    void beginBulkLoad();
    void endBulkLoad();
    /// Computes the sort column's ranks now (ConnectionTableModel::sortRanks, kept until rows
    /// change), so the sort at endBulkLoad() only orders: a caller can spread the end of a load
    /// over two event-loop turns.
    void prepareSort() const;
    bool isBulkLoading() const { return m_bulkDepth > 0; }

    /// True when the model's row `sourceRow` passes every filter.
    bool acceptsSourceRow(int sourceRow) const;

Q_SIGNALS:
    void filtersChanged();

private:
    struct Filter
    {
        QString text;
        ConnectionTableModel::FilterWords words;
        std::optional<connections::ExpiryStatus> band;
        QDate day;
    };

    void applyFilter(Filter next);
    bool narrows(const Filter &next) const;
    std::vector<int> visibleFromOrder(bool narrowing) const;
    void resetOrder();
    void sortOrderOnly();
    bool orderedBefore(int leftRow, int rightRow) const;
    void setVisible(std::vector<int> rows, QAbstractItemModel::LayoutChangeHint hint);
    void resortAndRefilter();
    int proxyRowOf(int sourceRow) const;
    int orderPosOf(int sourceRow) const;
    int visibleInsertPos(int sourceRow) const;
    void updateRow(int sourceRow, int firstColumn, int lastColumn, const QList<int> &roles);
    void insertRowSorted(int sourceRow);

    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight,
                       const QList<int> &roles);
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onRowsRemoved(const QModelIndex &parent, int first, int last);
    void onModelReset();

    ConnectionTableModel *m_model = nullptr;
    Filter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_bulkDepth = 0;
    std::vector<int> m_order; ///< every source row, sorted (appended unsorted during a bulk load)
    std::vector<int> m_visible; ///< proxy row -> source row; a subsequence of m_order
    mutable std::vector<int> m_proxyRow; ///< source row -> proxy row or -1 (m_proxyRowValid)
    mutable std::vector<int> m_orderPos; ///< source row -> position in m_order (m_orderPosValid)
    mutable bool m_proxyRowValid = false;
    mutable bool m_orderPosValid = false;
};

} // namespace aerodesk::ui
