#include "ui/connections/ConnectionFilterProxy.h"

#include "ui/connections/ConnectionTableModel.h"

#include <QRegularExpression>

namespace aerodesk::ui {

ConnectionFilterProxy::ConnectionFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ConnectionTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ConnectionFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ConnectionTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ConnectionFilterProxy::setFilterText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    m_words = text.split(spaces, Qt::SkipEmptyParts);
    m_normalizedWords.clear();
    for (const QString &word : std::as_const(m_words))
        m_normalizedWords << ConnectionTableModel::normalizedId(word);
    refilter();
}

void ConnectionFilterProxy::setBandFilter(std::optional<connections::ExpiryStatus> band)
{
    if (band == m_band)
        return;
    m_band = band;
    refilter();
}

void ConnectionFilterProxy::setExpiryDay(const QDate &day)
{
    const QDate value = day.isValid() ? day : QDate();
    if (value == m_day)
        return;
    m_day = value;
    refilter();
}

void ConnectionFilterProxy::clearFilters()
{
    m_text.clear();
    m_words.clear();
    m_normalizedWords.clear();
    m_band.reset();
    m_day = QDate();
    refilter();
}

void ConnectionFilterProxy::refilter()
{
    invalidateRowsFilter();
    Q_EMIT filtersChanged();
}

bool ConnectionFilterProxy::matchesWord(int row, const QString &word,
                                        const QString &normalizedWord) const
{
    for (int column :
         { ConnectionTableModel::BankColumn, ConnectionTableModel::StatusColumn,
           ConnectionTableModel::ConnectionIdColumn, ConnectionTableModel::AeroPassUserUuidColumn,
           ConnectionTableModel::BandColumn }) {
        if (m_model->displayText(row, column).contains(word, Qt::CaseInsensitive))
            return true;
    }
    return m_model->hasIdExactly(row, normalizedWord);
}

bool ConnectionFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid())
        return !sourceParent.isValid();
    if (m_band && m_model->expiry(sourceRow).status != *m_band)
        return false;
    if (m_day.isValid() && m_model->expiryDay(sourceRow) != m_day)
        return false;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        if (!matchesWord(sourceRow, m_words.at(i), m_normalizedWords.at(i)))
            return false;
    }
    return true;
}

bool ConnectionFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_model)
        return QSortFilterProxyModel::lessThan(left, right);
    return m_model->compareRows(left.row(), right.row(), left.column()) < 0;
}

} // namespace aerodesk::ui
