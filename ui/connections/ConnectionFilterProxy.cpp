#include "ui/connections/ConnectionFilterProxy.h"

#include "ui/connections/ConnectionTableModel.h"

#include <QRegularExpression>

#include <algorithm>
#include <functional>
#include <utility>

namespace aerodesk::ui {

namespace {

/// More rows than this changed or inserted at once are placed by one re-sort and one layout
/// change instead of one by one (each costs O(rows) in the proxy and a signal to the view).
constexpr int kRowsPlacedOneByOne = 32;

} // namespace

ConnectionFilterProxy::ConnectionFilterProxy(QObject *parent)
    : QAbstractProxyModel(parent)
{
}

void ConnectionFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    beginResetModel();
    if (sourceModel())
        disconnect(sourceModel(), nullptr, this, nullptr);
    m_model = qobject_cast<ConnectionTableModel *>(model);
    QAbstractProxyModel::setSourceModel(model);
    if (model) {
        connect(model, &QAbstractItemModel::dataChanged, this,
                &ConnectionFilterProxy::onDataChanged);
        connect(model, &QAbstractItemModel::rowsInserted, this,
                &ConnectionFilterProxy::onRowsInserted);
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &ConnectionFilterProxy::onRowsAboutToBeRemoved);
        connect(model, &QAbstractItemModel::rowsRemoved, this,
                &ConnectionFilterProxy::onRowsRemoved);
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this,
                &ConnectionFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::modelReset, this, &ConnectionFilterProxy::onModelReset);
        // The model never moves rows or changes its layout; if a model did, start again.
        connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this,
                &ConnectionFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::layoutChanged, this,
                &ConnectionFilterProxy::onModelReset);
        connect(model, &QAbstractItemModel::rowsAboutToBeMoved, this,
                &ConnectionFilterProxy::beginResetModel);
        connect(model, &QAbstractItemModel::rowsMoved, this, &ConnectionFilterProxy::onModelReset);
        connect(model, &QAbstractItemModel::headerDataChanged, this,
                &QAbstractItemModel::headerDataChanged);
    }
    resetOrder();
    m_visible = visibleFromOrder(false);
    m_proxyRowValid = false;
    endResetModel();
}

// --- QAbstractItemModel ---------------------------------------------------------------------

QModelIndex ConnectionFilterProxy::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ConnectionFilterProxy::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex ConnectionFilterProxy::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int ConnectionFilterProxy::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_visible.size());
}

int ConnectionFilterProxy::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !sourceModel() ? 0 : sourceModel()->columnCount();
}

bool ConnectionFilterProxy::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_visible.empty();
}

QModelIndex ConnectionFilterProxy::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid() || proxyIndex.model() != this ||
        proxyIndex.row() >= rowCount())
        return {};
    return m_model->index(m_visible[static_cast<size_t>(proxyIndex.row())], proxyIndex.column());
}

QModelIndex ConnectionFilterProxy::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid() || sourceIndex.model() != m_model)
        return {};
    const int row = proxyRowOf(sourceIndex.row());
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QVariant ConnectionFilterProxy::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!sourceModel())
        return {};
    if (orientation == Qt::Vertical && section >= 0 && section < rowCount())
        section = m_visible[static_cast<size_t>(section)];
    return sourceModel()->headerData(section, orientation, role);
}

// --- Filters ----------------------------------------------------------------------------------

bool ConnectionFilterProxy::acceptsSourceRow(int sourceRow) const
{
    if (!m_model)
        return false;
    if (m_filter.band && m_model->expiry(sourceRow).status != *m_filter.band)
        return false;
    if (m_filter.day.isValid() && m_model->expiryDay(sourceRow) != m_filter.day)
        return false;
    return m_filter.words.folded.isEmpty() || m_model->matchesWords(sourceRow, m_filter.words);
}

void ConnectionFilterProxy::setFilterText(const QString &text)
{
    if (text == m_filter.text)
        return;
    Filter next = m_filter;
    next.text = text;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    next.words = ConnectionTableModel::prepareFilterWords(text.split(spaces, Qt::SkipEmptyParts));
    applyFilter(std::move(next));
}

void ConnectionFilterProxy::setBandFilter(std::optional<connections::ExpiryStatus> band)
{
    if (band == m_filter.band)
        return;
    Filter next = m_filter;
    next.band = band;
    applyFilter(std::move(next));
}

void ConnectionFilterProxy::setExpiryDay(const QDate &day)
{
    const QDate value = day.isValid() ? day : QDate();
    if (value == m_filter.day)
        return;
    Filter next = m_filter;
    next.day = value;
    applyFilter(std::move(next));
}

void ConnectionFilterProxy::clearFilters()
{
    applyFilter(Filter());
}

bool ConnectionFilterProxy::narrows(const Filter &next) const
{
    // Every row `next` accepts was accepted before, except rows that match a word by their full
    // id (visibleFromOrder() adds those): same or new band/day, and every old word inside a new
    // one (a row whose shown text holds the new word holds the old one too).
    if ((m_filter.band && m_filter.band != next.band) ||
        (m_filter.day.isValid() && m_filter.day != next.day))
        return false;
    for (const QString &old : m_filter.words.folded) {
        const bool inside = std::any_of(next.words.folded.cbegin(), next.words.folded.cend(),
                                        [&](const QString &word) { return word.contains(old); });
        if (!inside)
            return false;
    }
    return true;
}

void ConnectionFilterProxy::applyFilter(Filter next)
{
    const bool narrowing = m_bulkDepth == 0 && narrows(next);
    m_filter = std::move(next);
    setVisible(visibleFromOrder(narrowing), QAbstractItemModel::NoLayoutChangeHint);
    Q_EMIT filtersChanged();
}

std::vector<int> ConnectionFilterProxy::visibleFromOrder(bool narrowing) const
{
    std::vector<int> rows;
    if (!m_model)
        return rows;
    const bool noFilter =
        m_filter.words.folded.isEmpty() && !m_filter.band && !m_filter.day.isValid();
    if (noFilter)
        return m_order;
    // Rows are matched in the model's order, then listed in the sorted order: the match reads
    // each row's filter keys front to back (the model's order is the store's, unrelated to the
    // sort, and walking it in sorted order missed the cache on nearly every row), and the
    // listing only reads a one-byte-per-row array that stays in the cache.
    const size_t count = m_order.size();
    std::vector<char> accepted(count, 0);
    if (!narrowing) {
        for (size_t row = 0; row < count; ++row)
            accepted[row] = acceptsSourceRow(static_cast<int>(row)) ? 1 : 0;
    } else {
        // Candidates: the rows shown now, and rows whose full id is one of the words (a pasted
        // id matches even where its shorter prefix, the masked text, did not).
        for (const int row : m_visible)
            accepted[static_cast<size_t>(row)] = 1;
        for (const QString &id : m_filter.words.normalized) {
            for (const int row : m_model->rowsWithIdExactly(id))
                accepted[static_cast<size_t>(row)] = 1;
        }
        for (size_t row = 0; row < count; ++row) {
            if (accepted[row] && !acceptsSourceRow(static_cast<int>(row)))
                accepted[row] = 0;
        }
    }
    rows.reserve(narrowing ? m_visible.size() : count);
    for (const int row : m_order) {
        if (accepted[static_cast<size_t>(row)])
            rows.push_back(row);
    }
    return rows;
}

// --- Sorting ----------------------------------------------------------------------------------

void ConnectionFilterProxy::sort(int column, Qt::SortOrder order)
{
    if (m_model && (column < -1 || column >= m_model->columnCount()))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    if (!m_model)
        return;
    sortOrderOnly();
    // Same rows as shown now, in the new order.
    std::vector<char> shown(m_order.size(), 0);
    for (const int row : m_visible)
        shown[static_cast<size_t>(row)] = 1;
    std::vector<int> rows;
    rows.reserve(m_visible.size());
    for (const int row : m_order) {
        if (shown[static_cast<size_t>(row)])
            rows.push_back(row);
    }
    setVisible(std::move(rows), QAbstractItemModel::VerticalSortHint);
}

void ConnectionFilterProxy::resetOrder()
{
    m_order.clear();
    m_orderPosValid = false;
    if (!m_model)
        return;
    sortOrderOnly();
}

void ConnectionFilterProxy::sortOrderOnly()
{
    m_orderPosValid = false;
    const int count = m_model ? m_model->rowCount() : 0;
    m_order.resize(static_cast<size_t>(count));
    if (m_sortColumn < 0 || count == 0) {
        for (int row = 0; row < count; ++row)
            m_order[static_cast<size_t>(row)] = row;
        return;
    }
    // Counting sort on the model's ranks (0 … count - 1): stable, O(rows), no comparisons.
    // Descending: the highest rank first, equal rows still in the model's order.
    const std::vector<int> &ranks = m_model->sortRanks(m_sortColumn);
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    const auto bucketOf = [&](int row) {
        const int rank = ranks[static_cast<size_t>(row)];
        return static_cast<size_t>(descending ? count - 1 - rank : rank);
    };
    std::vector<int> start(static_cast<size_t>(count) + 1, 0);
    for (int row = 0; row < count; ++row)
        ++start[bucketOf(row) + 1];
    for (size_t i = 1; i < start.size(); ++i)
        start[i] += start[i - 1];
    for (int row = 0; row < count; ++row)
        m_order[static_cast<size_t>(start[bucketOf(row)]++)] = row;
}

bool ConnectionFilterProxy::orderedBefore(int leftRow, int rightRow) const
{
    if (m_sortColumn >= 0) {
        const int c = m_model->compareRows(leftRow, rightRow, m_sortColumn);
        if (c != 0)
            return m_sortOrder == Qt::AscendingOrder ? c < 0 : c > 0;
    }
    return leftRow < rightRow;
}

void ConnectionFilterProxy::resortAndRefilter()
{
    sortOrderOnly();
    setVisible(visibleFromOrder(false), QAbstractItemModel::NoLayoutChangeHint);
}

// --- Mapping ----------------------------------------------------------------------------------

void ConnectionFilterProxy::setVisible(std::vector<int> rows,
                                       QAbstractItemModel::LayoutChangeHint hint)
{
    if (rows == m_visible)
        return;
    // One layout change whatever came and went (as QSortFilterProxyModel::invalidate() does):
    // the current row and the selection follow their source rows, or go when filtered out.
    Q_EMIT layoutAboutToBeChanged({}, hint);
    const QModelIndexList before = persistentIndexList();
    std::vector<int> sourceRows;
    sourceRows.reserve(static_cast<size_t>(before.size()));
    for (const QModelIndex &index : before)
        sourceRows.push_back(m_visible[static_cast<size_t>(index.row())]);
    m_visible = std::move(rows);
    m_proxyRowValid = false;
    QModelIndexList after;
    after.reserve(before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        const int row = proxyRowOf(sourceRows[static_cast<size_t>(i)]);
        after << (row < 0 ? QModelIndex() : createIndex(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, hint);
}

int ConnectionFilterProxy::proxyRowOf(int sourceRow) const
{
    if (!m_proxyRowValid) {
        m_proxyRow.assign(m_model ? static_cast<size_t>(m_model->rowCount()) : 0, -1);
        for (size_t i = 0; i < m_visible.size(); ++i) {
            if (static_cast<size_t>(m_visible[i]) < m_proxyRow.size())
                m_proxyRow[static_cast<size_t>(m_visible[i])] = static_cast<int>(i);
        }
        m_proxyRowValid = true;
    }
    return sourceRow >= 0 && static_cast<size_t>(sourceRow) < m_proxyRow.size()
        ? m_proxyRow[static_cast<size_t>(sourceRow)]
        : -1;
}

int ConnectionFilterProxy::orderPosOf(int sourceRow) const
{
    if (!m_orderPosValid) {
        m_orderPos.assign(m_order.size(), -1);
        for (size_t i = 0; i < m_order.size(); ++i)
            m_orderPos[static_cast<size_t>(m_order[i])] = static_cast<int>(i);
        m_orderPosValid = true;
    }
    return m_orderPos[static_cast<size_t>(sourceRow)];
}

int ConnectionFilterProxy::visibleInsertPos(int sourceRow) const
{
    // m_visible is a subsequence of m_order: place the row by its position there.
    const int pos = orderPosOf(sourceRow);
    const auto it = std::lower_bound(m_visible.begin(), m_visible.end(), pos,
                                     [this](int row, int p) { return orderPosOf(row) < p; });
    return static_cast<int>(it - m_visible.begin());
}

// --- Source changes ---------------------------------------------------------------------------

void ConnectionFilterProxy::insertRowSorted(int sourceRow)
{
    const auto at = m_bulkDepth > 0
        ? m_order.end()
        : std::lower_bound(m_order.begin(), m_order.end(), sourceRow,
                           [this](int row, int r) { return orderedBefore(row, r); });
    m_order.insert(at, sourceRow);
    m_orderPosValid = false;
    if (!acceptsSourceRow(sourceRow))
        return;
    const int proxyRow = m_bulkDepth > 0 ? rowCount() : visibleInsertPos(sourceRow);
    beginInsertRows(QModelIndex(), proxyRow, proxyRow);
    m_visible.insert(m_visible.begin() + proxyRow, sourceRow);
    m_proxyRowValid = false;
    endInsertRows();
}

void ConnectionFilterProxy::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_model)
        return;
    const int count = last - first + 1;
    if (first < static_cast<int>(m_order.size())) {
        // Inserted in the middle (the model only appends): later rows moved down.
        for (int &row : m_order)
            row += row >= first ? count : 0;
        for (int &row : m_visible)
            row += row >= first ? count : 0;
        m_orderPosValid = false;
        m_proxyRowValid = false;
    }
    if (m_bulkDepth > 0) {
        // Filtered as usual, but at the end: sorted once by endBulkLoad().
        std::vector<int> accepted;
        for (int row = first; row <= last; ++row) {
            m_order.push_back(row);
            if (acceptsSourceRow(row))
                accepted.push_back(row);
        }
        m_orderPosValid = false;
        if (accepted.empty())
            return;
        beginInsertRows(QModelIndex(), rowCount(),
                        rowCount() + static_cast<int>(accepted.size()) - 1);
        m_visible.insert(m_visible.end(), accepted.begin(), accepted.end());
        m_proxyRowValid = false;
        endInsertRows();
        return;
    }
    if (count > kRowsPlacedOneByOne) {
        resortAndRefilter();
        return;
    }
    for (int row = first; row <= last; ++row)
        insertRowSorted(row);
}

void ConnectionFilterProxy::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_model)
        return;
    std::vector<int> gone;
    for (int row = first; row <= last; ++row) {
        const int proxyRow = proxyRowOf(row);
        if (proxyRow >= 0)
            gone.push_back(proxyRow);
    }
    std::sort(gone.begin(), gone.end(), std::greater<>());
    // One removal per run of adjacent proxy rows, from the bottom up.
    for (size_t i = 0; i < gone.size();) {
        size_t j = i;
        while (j + 1 < gone.size() && gone[j + 1] == gone[j] - 1)
            ++j;
        beginRemoveRows(QModelIndex(), gone[j], gone[i]);
        m_visible.erase(m_visible.begin() + gone[j], m_visible.begin() + gone[i] + 1);
        m_proxyRowValid = false;
        endRemoveRows();
        i = j + 1;
    }
}

void ConnectionFilterProxy::onRowsRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid() || !m_model)
        return;
    const int count = last - first + 1;
    const auto isGone = [&](int row) { return row >= first && row <= last; };
    m_order.erase(std::remove_if(m_order.begin(), m_order.end(), isGone), m_order.end());
    for (int &row : m_order)
        row -= row > last ? count : 0;
    for (int &row : m_visible)
        row -= row > last ? count : 0;
    m_orderPosValid = false;
    m_proxyRowValid = false;
}

void ConnectionFilterProxy::onModelReset()
{
    resetOrder();
    m_visible = visibleFromOrder(false);
    m_proxyRowValid = false;
    endResetModel();
}

void ConnectionFilterProxy::onDataChanged(const QModelIndex &topLeft,
                                          const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!m_model || !topLeft.isValid() || !bottomRight.isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    if (m_bulkDepth > 0 || last - first + 1 > kRowsPlacedOneByOne) {
        if (m_bulkDepth == 0)
            resortAndRefilter(); // (during a bulk load: re-matched and placed when it ends)
        if (!m_visible.empty()) {
            Q_EMIT dataChanged(index(0, topLeft.column()),
                               index(rowCount() - 1, bottomRight.column()), roles);
        }
        return;
    }
    for (int row = first; row <= last; ++row)
        updateRow(row, topLeft.column(), bottomRight.column(), roles);
}

void ConnectionFilterProxy::updateRow(int sourceRow, int firstColumn, int lastColumn,
                                      const QList<int> &roles)
{
    // Still in its sorted place? (orderedBefore is a strict total order: ties by source row.)
    const int pos = orderPosOf(sourceRow);
    const int size = static_cast<int>(m_order.size());
    const bool inPlace = m_sortColumn < 0 ||
        ((pos == 0 || orderedBefore(m_order[static_cast<size_t>(pos - 1)], sourceRow)) &&
         (pos + 1 == size || orderedBefore(sourceRow, m_order[static_cast<size_t>(pos + 1)])));
    if (!inPlace) {
        m_order.erase(m_order.begin() + pos);
        const auto at = std::lower_bound(m_order.begin(), m_order.end(), sourceRow,
                                         [this](int row, int r) { return orderedBefore(row, r); });
        m_order.insert(at, sourceRow);
        m_orderPosValid = false;
    }
    const int oldProxy = proxyRowOf(sourceRow);
    const bool accepted = acceptsSourceRow(sourceRow);
    if (oldProxy < 0) {
        if (!accepted)
            return;
        const int proxyRow = visibleInsertPos(sourceRow);
        beginInsertRows(QModelIndex(), proxyRow, proxyRow);
        m_visible.insert(m_visible.begin() + proxyRow, sourceRow);
        m_proxyRowValid = false;
        endInsertRows();
        return;
    }
    if (!accepted) {
        beginRemoveRows(QModelIndex(), oldProxy, oldProxy);
        m_visible.erase(m_visible.begin() + oldProxy);
        m_proxyRowValid = false;
        endRemoveRows();
        return;
    }
    int proxyRow = oldProxy;
    if (!inPlace) {
        // Where it goes among the other shown rows (found without it, then put back).
        m_visible.erase(m_visible.begin() + oldProxy);
        const int newRow = visibleInsertPos(sourceRow);
        m_visible.insert(m_visible.begin() + oldProxy, sourceRow);
        const int destination = newRow > oldProxy ? newRow + 1 : newRow;
        if (destination != oldProxy && destination != oldProxy + 1 &&
            beginMoveRows(QModelIndex(), oldProxy, oldProxy, QModelIndex(), destination)) {
            m_visible.erase(m_visible.begin() + oldProxy);
            m_visible.insert(m_visible.begin() + newRow, sourceRow);
            m_proxyRowValid = false;
            endMoveRows();
            proxyRow = newRow;
        }
    }
    Q_EMIT dataChanged(index(proxyRow, firstColumn), index(proxyRow, lastColumn), roles);
}

// --- Bulk load --------------------------------------------------------------------------------

void ConnectionFilterProxy::beginBulkLoad()
{
    ++m_bulkDepth;
}

void ConnectionFilterProxy::prepareSort() const
{
    if (m_model && m_sortColumn >= 0)
        m_model->sortRanks(m_sortColumn);
}

void ConnectionFilterProxy::endBulkLoad()
{
    if (m_bulkDepth == 0 || --m_bulkDepth > 0)
        return;
    resortAndRefilter(); // sorts once; re-matches rows changed meanwhile
}

} // namespace aerodesk::ui
