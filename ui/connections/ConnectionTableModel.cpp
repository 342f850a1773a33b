#include "ui/connections/ConnectionTableModel.h"

#include "core/util/RadixSort.h"
#include "ui/connections/ExpiryBandStyle.h"

#include <QApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QStyle>

#include <algorithm>
#include <bit>
#include <limits>

namespace aerodesk::ui {

using connections::Connection;
using connections::ExpiryInfo;
using connections::ExpiryStatus;

namespace {

const QString kDash = QStringLiteral("—");

/// What an id column shows: the id masked, whole once revealed, a dash when there is none.
/// Masked on demand, not kept per row: at 100,000 rows two stored masks were ~13 MB.
QString idLabel(bool revealed, const QString &full)
{
    if (full.isEmpty())
        return kDash;
    return revealed ? full : ConnectionTableModel::mask(full);
}

int compareDays(const ExpiryInfo &a, const ExpiryInfo &b)
{
    const bool aKnown = a.status != ExpiryStatus::Unknown;
    const bool bKnown = b.status != ExpiryStatus::Unknown;
    if (aKnown != bKnown)
        return aKnown ? -1 : 1; // unknown after every known value
    if (!aKnown)
        return 0;
    return a.daysLeft < b.daysLeft ? -1 : (a.daysLeft > b.daysLeft ? 1 : 0);
}

/// a == b for normalised ids, cheapest checks first: every row is tested against a pasted id,
/// and ids of one kind all have the same length (QString's == then compares every character).
bool sameIdKey(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    return n == b.size() && (n == 0 || (a.front() == b.front() && a.back() == b.back() && a == b));
}

} // namespace

ConnectionTableModel::ConnectionTableModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_checker(clock)
{
}

QModelIndex ConnectionTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || column >= ColumnCount ||
        row >= static_cast<int>(m_rows.size()))
        return {};
    return createIndex(row, column);
}

int ConnectionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConnectionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConnectionTableModel::mask(const QString &id)
{
    if (id.isEmpty())
        return {};
    if (id.size() <= 12)
        return QString(8, QChar(0x2022)); // never show most of a short value
    return id.left(4) + QChar(0x2026) + id.right(4);
}

QString ConnectionTableModel::normalizedId(const QString &id)
{
    return id.trimmed().toLower();
}

QString ConnectionTableModel::foldCaseShared(const QString &text)
{
    // The folded copy is dropped when it equals `text`, which is kept instead (shared, not a
    // second allocation: ids and their masks are usually folded already).
    QString folded = foldCase(text);
    return folded == text ? text : folded;
}

QString ConnectionTableModel::foldCase(QStringView text)
{
    QString folded(text.size(), Qt::Uninitialized);
    QChar *out = folded.data();
    bool ascii = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x80) {
            ascii = false;
            break;
        }
        out[i] = QChar(c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c);
    }
    if (ascii)
        return folded;
    // Per code point, as Qt's case-insensitive compare and search fold (never 1:n).
    folded.clear();
    folded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            const char32_t f = QChar::toCaseFolded(QChar::surrogateToUcs4(c, text[i + 1]));
            ++i;
            folded += QChar(QChar::highSurrogate(f));
            folded += QChar(QChar::lowSurrogate(f));
        } else {
            folded += QChar(QChar::toCaseFolded(c.unicode()));
        }
    }
    return folded;
}

QString ConnectionTableModel::interned(const QString &key) const
{
    if (const auto known = m_keyPool.constFind(key); known != m_keyPool.cend())
        return *known;
    if (m_keyPool.size() > 4096)
        m_keyPool.clear(); // many distinct values: sharing would not pay; keep the pool small
    m_keyPool.insert(key);
    return key;
}

void ConnectionTableModel::updateKeys(Row &row) const
{
    const Connection &c = row.connection;
    row.idSortKey = foldCaseShared(idLabel(row.revealed, c.connectionId));
    row.uuidSortKey = foldCaseShared(idLabel(row.revealed, c.aeroPassUserUuid));
    // The band's text, folded, once per band (tr() per row would cost more than the rest).
    const auto band = static_cast<size_t>(row.expiry.status);
    if (band >= m_foldedBandText.size())
        m_foldedBandText.resize(band + 1);
    if (m_foldedBandText[band].isNull())
        m_foldedBandText[band] = foldCase(ExpiryBandStyle::text(row.expiry.status));
    const QString &bankShown = c.bankName.isEmpty() ? foldCase(kDash) : row.bankKey;
    const QString &statusShown = c.status.isEmpty() ? foldCase(kDash) : row.statusKey;
    const QChar sep(u'\n'); // a filter word never holds white space: no match spans two fields
    QString haystack;
    haystack.reserve(bankShown.size() + statusShown.size() + row.idSortKey.size() +
                     row.uuidSortKey.size() + m_foldedBandText[band].size() + 4);
    haystack.append(bankShown).append(sep).append(statusShown).append(sep);
    haystack.append(row.idSortKey).append(sep).append(row.uuidSortKey).append(sep);
    haystack.append(m_foldedBandText[band]);
    row.haystackMask = charMask(haystack);
    row.haystack = std::move(haystack);
    row.longestField =
        static_cast<int>(std::max({ bankShown.size(), statusShown.size(), row.idSortKey.size(),
                                    row.uuidSortKey.size(), m_foldedBandText[band].size() }));
}

ConnectionTableModel::Row ConnectionTableModel::makeRow(Connection connection, bool revealed) const
{
    Row row;
    row.revealed = revealed;
    row.expiry = m_checker.check(connection.connectionExpiry);
    if (connection.connectionExpiry.isValid())
        row.expiryDay = connection.connectionExpiry.toUTC().date();
    row.idKey = normalizedId(connection.connectionId);
    row.uuidKey = normalizedId(connection.aeroPassUserUuid);
    row.bankKey = interned(foldCase(connection.bankName));
    row.statusKey = interned(foldCase(connection.status));
    // A few banks and statuses across 100,000 rows: one shared copy of each (~10 MB less).
    connection.bankName = interned(connection.bankName);
    connection.status = interned(connection.status);
    row.expiryMs =
        connection.connectionExpiry.isValid() ? connection.connectionExpiry.toMSecsSinceEpoch() : 0;
    row.connection = std::move(connection);
    updateKeys(row);
    return row;
}

void ConnectionTableModel::rebuildIndex()
{
    m_rowById.clear();
    m_rowById.reserve(static_cast<qsizetype>(m_rows.size()));
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i)
        m_rowById.insert(m_rows[static_cast<size_t>(i)].idKey, i);
}

void ConnectionTableModel::setConnections(std::vector<Connection> connections)
{
    rowsChanged();
    beginResetModel();
    m_rows.clear();
    m_filterKeys.clear();
    m_refreshOutcomes.clear();
    m_rowById.clear();
    m_rows.reserve(connections.size());
    for (Connection &connection : connections) {
        Row row = makeRow(std::move(connection));
        const auto existing = m_rowById.constFind(row.idKey);
        if (existing != m_rowById.constEnd()) {
            m_rows[static_cast<size_t>(*existing)] = std::move(row); // last one wins
            continue;
        }
        m_rowById.insert(row.idKey, static_cast<int>(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endResetModel();
}

void ConnectionTableModel::reserveRows(qsizetype total)
{
    const auto n = static_cast<size_t>(std::max<qsizetype>(total, 0));
    m_rows.reserve(n);
    m_filterKeys.reserve(n);
    m_rowById.reserve(static_cast<qsizetype>(n));
}

void ConnectionTableModel::appendConnections(std::vector<Connection> batch)
{
    rowsChanged();
    const int oldCount = static_cast<int>(m_rows.size());
    const bool keysKept = m_filterKeys.size() == m_rows.size();
    // One hash lookup per row: a new id is entered in the index at the position it will have;
    // an id already in the table is replaced after the insert (so nothing observes an index
    // entry past the end), and a repeat inside the batch replaces the row it added.
    std::vector<Row> added;
    added.reserve(batch.size());
    std::vector<std::pair<int, Connection>> replaced;
    for (Connection &connection : batch) {
        const qsizetype indexed = m_rowById.size();
        int &slot = m_rowById[normalizedId(connection.connectionId)];
        if (m_rowById.size() != indexed) {
            slot = oldCount + static_cast<int>(added.size());
            added.push_back(makeRow(std::move(connection)));
        } else if (slot >= oldCount) {
            added[static_cast<size_t>(slot - oldCount)] = makeRow(std::move(connection));
        } else {
            replaced.emplace_back(slot, std::move(connection));
        }
    }
    const auto replaceExisting = [this, &replaced] {
        for (auto &[row, connection] : replaced)
            replaceRow(row, std::move(connection));
    };
    if (added.empty())
        return replaceExisting();
    beginInsertRows(QModelIndex(), oldCount, oldCount + static_cast<int>(added.size()) - 1);
    // Grow geometrically: an exact reserve() here moved every row on each of a load's many
    // small appends (O(rows) per append).
    if (m_rows.capacity() < m_rows.size() + added.size())
        m_rows.reserve(std::max(m_rows.size() + added.size(), 2 * m_rows.capacity()));
    for (Row &row : added) {
        if (keysKept)
            m_filterKeys.push_back(filterKeysOf(row));
        m_rows.push_back(std::move(row));
    }
    if (!keysKept)
        m_filterKeys.clear();
    endInsertRows();
    replaceExisting();
}

void ConnectionTableModel::replaceRow(int row, Connection connection)
{
    rowsChanged();
    Row &target = m_rows[static_cast<size_t>(row)];
    const ExpiryStatus before = target.expiry.status;
    target = makeRow(std::move(connection), target.revealed); // same connection, same choice
    refreshFilterKeys(static_cast<size_t>(row));
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    if (before != ExpiryStatus::Within7Days && target.expiry.status == ExpiryStatus::Within7Days)
        Q_EMIT connectionEnteredSevenDayBand(target.connection.connectionId);
}

int ConnectionTableModel::upsertConnection(const Connection &connection)
{
    const int existing = rowOf(connection.connectionId);
    if (existing >= 0) {
        replaceRow(existing, connection);
        return existing;
    }
    appendConnections({ connection });
    return static_cast<int>(m_rows.size()) - 1;
}

bool ConnectionTableModel::removeConnection(const QString &connectionId)
{
    const int row = rowOf(connectionId);
    if (row < 0)
        return false;
    rowsChanged();
    beginRemoveRows(QModelIndex(), row, row);
    if (m_filterKeys.size() == m_rows.size())
        m_filterKeys.erase(m_filterKeys.begin() + row);
    else
        m_filterKeys.clear();
    m_rows.erase(m_rows.begin() + row);
    rebuildIndex();
    endRemoveRows();
    return true;
}

void ConnectionTableModel::refreshExpiry()
{
    int first = -1;
    int last = -1;
    QStringList entered;
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        Row &row = m_rows[static_cast<size_t>(i)];
        const ExpiryInfo now = m_checker.check(row.connection.connectionExpiry);
        if (now.status == row.expiry.status && now.daysLeft == row.expiry.daysLeft)
            continue;
        if (row.expiry.status != ExpiryStatus::Within7Days &&
            now.status == ExpiryStatus::Within7Days)
            entered << row.connection.connectionId;
        rowsChanged();
        const bool bandChanged = now.status != row.expiry.status;
        row.expiry = now;
        if (bandChanged) {
            updateKeys(row); // the band's text is matched by the filter
            refreshFilterKeys(static_cast<size_t>(i));
        }
        if (first < 0)
            first = i;
        last = i;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, ExpiryDateColumn), index(last, BandColumn));
    for (const QString &id : std::as_const(entered))
        Q_EMIT connectionEnteredSevenDayBand(id);
}

int ConnectionTableModel::rowOf(const QString &connectionId) const
{
    return m_rowById.value(normalizedId(connectionId), -1);
}

const Connection &ConnectionTableModel::connection(int row) const
{
    return m_rows.at(static_cast<size_t>(row)).connection;
}

ExpiryInfo ConnectionTableModel::expiry(int row) const
{
    return m_rows.at(static_cast<size_t>(row)).expiry;
}

QDate ConnectionTableModel::expiryDay(int row) const
{
    return m_rows.at(static_cast<size_t>(row)).expiryDay;
}

bool ConnectionTableModel::isRevealed(int row) const
{
    return row >= 0 && row < rowCount() && m_rows[static_cast<size_t>(row)].revealed;
}

void ConnectionTableModel::setRevealed(int row, bool revealed)
{
    if (row < 0 || row >= rowCount() || m_rows[static_cast<size_t>(row)].revealed == revealed)
        return;
    rowsChanged();
    m_rows[static_cast<size_t>(row)].revealed = revealed;
    updateKeys(m_rows[static_cast<size_t>(row)]);
    refreshFilterKeys(static_cast<size_t>(row));
    Q_EMIT dataChanged(index(row, ConnectionIdColumn), index(row, AeroPassUserUuidColumn));
}

bool ConnectionTableModel::hasIdExactly(int row, const QString &normalized) const
{
    if (normalized.isEmpty())
        return false;
    const Row &r = m_rows.at(static_cast<size_t>(row));
    return sameIdKey(r.idKey, normalized) || sameIdKey(r.uuidKey, normalized);
}

bool ConnectionTableModel::matchesWords(int row, const QStringList &foldedWords,
                                        const QStringList &normalizedWords) const
{
    const Row &r = m_rows[static_cast<size_t>(row)];
    for (qsizetype i = 0; i < foldedWords.size(); ++i) {
        // A pasted full id is longer than any masked field: skip the search, test the id.
        const QString &word = foldedWords.at(i);
        if (word.size() <= r.longestField && r.haystack.contains(word, Qt::CaseSensitive))
            continue;
        const QString &id = normalizedWords.at(i);
        if (id.isEmpty() || (!sameIdKey(r.idKey, id) && !sameIdKey(r.uuidKey, id)))
            return false;
    }
    return true;
}

ConnectionTableModel::FilterWords ConnectionTableModel::prepareFilterWords(const QStringList &words)
{
    FilterWords prepared;
    for (const QString &word : words) {
        prepared.folded << foldCase(word);
        prepared.normalized << normalizedId(word);
        prepared.masks.push_back(charMask(prepared.folded.constLast()));
        prepared.idHashes.push_back(idHash(prepared.normalized.constLast()));
    }
    return prepared;
}

bool ConnectionTableModel::matchesWords(int row, const FilterWords &words) const
{
    ensureFilterKeys();
    const FilterKeys &keys = m_filterKeys[static_cast<size_t>(row)];
    for (qsizetype i = 0; i < words.folded.size(); ++i) {
        const QString &word = words.folded.at(i);
        const auto w = static_cast<size_t>(i);
        // Most rows lack one of the word's characters: no search. A pasted full id is longer
        // than any masked field: no search either, only the id is tested.
        if ((words.masks[w] & ~keys.haystackMask) == 0 && word.size() <= keys.longestField &&
            m_rows[static_cast<size_t>(row)].haystack.contains(word, Qt::CaseSensitive))
            continue;
        const QString &id = words.normalized.at(i);
        if (id.isEmpty())
            return false;
        const quint32 hash = words.idHashes[w];
        const Row &r = m_rows[static_cast<size_t>(row)];
        if (!(keys.idHash == hash && sameIdKey(r.idKey, id)) &&
            !(keys.uuidHash == hash && sameIdKey(r.uuidKey, id)))
            return false;
    }
    return true;
}

std::vector<int> ConnectionTableModel::rowsWithIdExactly(const QString &normalizedId) const
{
    std::vector<int> rows;
    if (normalizedId.isEmpty())
        return rows;
    ensureFilterKeys();
    const quint32 hash = idHash(normalizedId);
    const int byId = m_rowById.value(normalizedId, -1);
    for (size_t i = 0; i < m_filterKeys.size(); ++i) {
        if ((static_cast<int>(i) == byId) ||
            (m_filterKeys[i].uuidHash == hash && sameIdKey(m_rows[i].uuidKey, normalizedId)))
            rows.push_back(static_cast<int>(i));
    }
    return rows;
}

quint32 ConnectionTableModel::idHash(const QString &normalizedId)
{
    return static_cast<quint32>(qHash(normalizedId, 0));
}

ConnectionTableModel::FilterKeys ConnectionTableModel::filterKeysOf(const Row &row)
{
    return { row.haystackMask, idHash(row.idKey), idHash(row.uuidKey), row.longestField };
}

void ConnectionTableModel::refreshFilterKeys(size_t row) const
{
    if (m_filterKeys.size() == m_rows.size())
        m_filterKeys[row] = filterKeysOf(m_rows[row]);
}

void ConnectionTableModel::ensureFilterKeys() const
{
    if (m_filterKeys.size() == m_rows.size())
        return;
    m_filterKeys.resize(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_filterKeys[i] = filterKeysOf(m_rows[i]);
}

quint64 ConnectionTableModel::charMask(QStringView text)
{
    quint64 mask = 0;
    for (const QChar c : text)
        mask |= quint64(1) << (c.unicode() & 63);
    return mask;
}

QString ConnectionTableModel::displayText(int row, int column) const
{
    return displayData(m_rows.at(static_cast<size_t>(row)), column).toString();
}

int ConnectionTableModel::compareRows(int left, int right, int column) const
{
    if (column == m_rankColumn) {
        const int a = m_rank[static_cast<size_t>(left)];
        const int b = m_rank[static_cast<size_t>(right)];
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    return compareRowsDirect(m_rows.at(static_cast<size_t>(left)),
                             m_rows.at(static_cast<size_t>(right)), column);
}

void ConnectionTableModel::prepareSortKeys(int column) const
{
    if (column == m_rankColumn || column < 0 || column >= ColumnCount)
        return;
    // Each row's order reduced to integers first, so the sort below compares plain numbers.
    struct Key
    {
        qint64 a = 0;
        qint64 b = 0;
        qint64 c = 0;
        int row = 0;
        bool operator<(const Key &o) const
        {
            return a != o.a ? a < o.a : (b != o.b ? b < o.b : c < o.c);
        }
        bool sameAs(const Key &o) const { return a == o.a && b == o.b && c == o.c; }
    };
    // Text and band: the rank is the index among the distinct values present, sorted once —
    // no sort of the rows at all.
    auto rankStrings = [&](QString Row::*member) {
        // Few distinct banks/statuses (interned): sort the distinct values once.
        QHash<QString, int> distinct;
        for (const Row &row : m_rows)
            distinct.insert(row.*member, 0);
        QStringList values = distinct.keys();
        std::sort(values.begin(), values.end(), [](const QString &l, const QString &r) {
            return l.compare(r, Qt::CaseSensitive) < 0;
        });
        for (qsizetype i = 0; i < values.size(); ++i)
            distinct[values.at(i)] = static_cast<int>(i);
        m_rank.resize(m_rows.size());
        for (size_t i = 0; i < m_rows.size(); ++i)
            m_rank[i] = distinct.value(m_rows[i].*member);
        m_rankColumn = column;
    };
    switch (column) {
    case BankColumn:
        rankStrings(&Row::bankKey);
        return;
    case StatusColumn:
        rankStrings(&Row::statusKey);
        return;
    case ConnectionIdColumn:
        rankStrings(&Row::idSortKey);
        return;
    case AeroPassUserUuidColumn:
        rankStrings(&Row::uuidSortKey);
        return;
    case BandColumn: {
        std::vector<int> dense; // severity -> rank among the severities present
        for (const Row &row : m_rows) {
            const auto severity = static_cast<size_t>(ExpiryBandStyle::severity(row.expiry.status));
            if (severity >= dense.size())
                dense.resize(severity + 1, -1);
            dense[severity] = 0;
        }
        int next = 0;
        for (int &rank : dense)
            rank = rank < 0 ? -1 : next++;
        m_rank.resize(m_rows.size());
        for (size_t i = 0; i < m_rows.size(); ++i)
            m_rank[i] =
                dense[static_cast<size_t>(ExpiryBandStyle::severity(m_rows[i].expiry.status))];
        m_rankColumn = column;
        return;
    }
    default:
        break;
    }
    // Expiry date and days left: (unknown, days left, ms), ranked. The whole key fits one
    // integer — days above the time, each less its minimum (a few months of milliseconds and of
    // days take under 50 bits), unknown last — ordered by a radix sort, reading each row once
    // in its own order (rows are large: reading them in sorted order missed the cache on every
    // row). Days are part of the key because rows read them at slightly different moments during
    // a load, so near midnight they do not always follow the time. Ranges too wide for 63 bits
    // (dates centuries apart) sort full keys instead.
    const auto unknownAt = [this](size_t i) {
        return m_rows[i].expiry.status == ExpiryStatus::Unknown;
    };
    qint64 minDays = std::numeric_limits<qint64>::max(),
           maxDays = std::numeric_limits<qint64>::min();
    qint64 minMs = minDays, maxMs = maxDays;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (unknownAt(i))
            continue;
        const Row &row = m_rows[i];
        minDays = std::min<qint64>(minDays, row.expiry.daysLeft);
        maxDays = std::max<qint64>(maxDays, row.expiry.daysLeft);
        minMs = std::min(minMs, row.expiryMs);
        maxMs = std::max(maxMs, row.expiryMs);
    }
    const auto bits = [](qint64 low, qint64 high) {
        return low > high ? 0 : int(std::bit_width(quint64(high) - quint64(low)));
    };
    const int msBits = bits(minMs, maxMs);
    m_rank.resize(m_rows.size());
    if (bits(minDays, maxDays) + msBits <= 63) {
        // Local, not kept: two 1.6 MB arrays at 100,000 rows, for a few ms per sort.
        std::vector<util::KeyedIndex> packed(m_rows.size());
        for (size_t i = 0; i < m_rows.size(); ++i) {
            const Row &row = m_rows[i];
            packed[i] = { unknownAt(i) ? std::numeric_limits<quint64>::max()
                                       : (quint64(row.expiry.daysLeft - minDays) << msBits) |
                                  quint64(row.expiryMs - minMs),
                          static_cast<int>(i) };
        }
        util::radixSortByKey(packed);
        int rank = 0;
        for (size_t i = 0; i < packed.size(); ++i) {
            if (i > 0 && packed[i - 1].first != packed[i].first)
                ++rank;
            m_rank[static_cast<size_t>(packed[i].second)] = rank;
        }
        m_rankColumn = column;
        return;
    }
    std::vector<Key> keys(m_rows.size());
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const Row &row = m_rows[i];
        const bool unknown = unknownAt(i);
        keys[i].row = static_cast<int>(i);
        keys[i].a = unknown ? 1 : 0; // unknown after every known value, all equal
        keys[i].b = unknown ? 0 : row.expiry.daysLeft;
        keys[i].c = unknown ? 0 : row.expiryMs;
    }
    std::sort(keys.begin(), keys.end());
    int rank = 0;
    for (size_t i = 0; i < keys.size(); ++i) {
        if (i > 0 && !keys[i - 1].sameAs(keys[i]))
            ++rank;
        m_rank[static_cast<size_t>(keys[i].row)] = rank;
    }
    m_rankColumn = column;
}

const std::vector<int> &ConnectionTableModel::sortRanks(int column) const
{
    prepareSortKeys(column);
    if (m_rankColumn != column) { // column out of range: every row ties
        m_rankColumn = -1;
        m_rank.assign(m_rows.size(), 0);
    }
    return m_rank;
}

int ConnectionTableModel::compareRowsDirect(const Row &a, const Row &b, int column) const
{
    switch (column) {
    // Folded keys compared case-sensitively order as the original text case-insensitively.
    case BankColumn:
        return a.bankKey.compare(b.bankKey, Qt::CaseSensitive);
    case ConnectionIdColumn:
        return a.idSortKey.compare(b.idSortKey, Qt::CaseSensitive);
    case AeroPassUserUuidColumn:
        return a.uuidSortKey.compare(b.uuidSortKey, Qt::CaseSensitive);
    case StatusColumn:
        return a.statusKey.compare(b.statusKey, Qt::CaseSensitive);
    case ExpiryDateColumn:
    case DaysLeftColumn: {
        const int byDays = compareDays(a.expiry, b.expiry);
        if (byDays != 0 || a.expiry.status == ExpiryStatus::Unknown)
            return byDays;
        const qint64 am = a.expiryMs;
        const qint64 bm = b.expiryMs;
        return am < bm ? -1 : (am > bm ? 1 : 0);
    }
    case BandColumn:
        return ExpiryBandStyle::severity(a.expiry.status) -
            ExpiryBandStyle::severity(b.expiry.status);
    default:
        return 0;
    }
}

QMap<QDate, int> ConnectionTableModel::expiryCountsByDay(const QDate &from, const QDate &to) const
{
    QMap<QDate, int> counts;
    if (!from.isValid() || !to.isValid() || to < from)
        return counts;
    // Counted by day offset into a plain array, then one map entry per day: a map lookup per
    // row made this about 10 ms at 100,000 rows, every 100 ms of a bulk load.
    const qint64 first = from.toJulianDay();
    std::vector<int> perDay(static_cast<size_t>(to.toJulianDay() - first + 1), 0);
    for (const Row &row : m_rows) {
        if (!row.expiryDay.isValid()) // its Julian day is the lowest qint64: no subtraction
            continue;
        const qint64 offset = row.expiryDay.toJulianDay() - first;
        if (offset >= 0 && offset < qint64(perDay.size()))
            ++perDay[static_cast<size_t>(offset)];
    }
    for (size_t day = 0; day < perDay.size(); ++day) {
        if (perDay[day] > 0)
            counts.insert(QDate::fromJulianDay(first + qint64(day)), perDay[day]);
    }
    return counts;
}

QVariant ConnectionTableModel::displayData(const Row &row, int column) const
{
    const Connection &c = row.connection;
    switch (column) {
    case BankColumn:
        return c.bankName.isEmpty() ? kDash : c.bankName;
    case ConnectionIdColumn:
        return idLabel(row.revealed, c.connectionId);
    case AeroPassUserUuidColumn:
        return idLabel(row.revealed, c.aeroPassUserUuid);
    case StatusColumn:
        return c.status.isEmpty() ? kDash : c.status;
    case ExpiryDateColumn:
        return row.expiryDay.isValid() ? row.expiryDay.toString(Qt::ISODate) : kDash;
    case DaysLeftColumn:
        return row.expiry.status == ExpiryStatus::Unknown ? kDash
                                                          : QString::number(row.expiry.daysLeft);
    case BandColumn:
        return ExpiryBandStyle::text(row.expiry.status);
    default:
        return {};
    }
}

QVariant ConnectionTableModel::accessibleData(const Row &row, int column) const
{
    const Connection &c = row.connection;
    switch (column) {
    case ConnectionIdColumn:
    case AeroPassUserUuidColumn: {
        const QString &full = column == ConnectionIdColumn ? c.connectionId : c.aeroPassUserUuid;
        if (full.isEmpty())
            return tr("not known");
        const QString shown = displayData(row, column).toString();
        return row.revealed ? shown : tr("%1, hidden").arg(shown);
    }
    case ExpiryDateColumn:
        return row.expiryDay.isValid() ? tr("%1 UTC").arg(c.connectionExpiry.toUTC().toString(
                                             QStringLiteral("yyyy-MM-dd HH:mm")))
                                       : tr("expiry unknown");
    case DaysLeftColumn:
        if (row.expiry.status == ExpiryStatus::Unknown)
            return tr("days left unknown");
        if (row.expiry.status == ExpiryStatus::Expired)
            return row.expiry.daysLeft < 0
                ? tr("expired %n day(s) ago", nullptr, static_cast<int>(-row.expiry.daysLeft))
                : tr("expired");
        return tr("%n day(s) left", nullptr, static_cast<int>(row.expiry.daysLeft));
    case BandColumn:
        return ExpiryBandStyle::description(row.expiry.status);
    default:
        return displayData(row, column);
    }
}

QVariant ConnectionTableModel::sortData(const Row &row, int column) const
{
    const Connection &c = row.connection;
    switch (column) {
    case BankColumn:
        return c.bankName;
    case ConnectionIdColumn:
    case AeroPassUserUuidColumn:
        return displayData(row, column); // sorting must not leak a hidden id either
    case StatusColumn:
        return c.status;
    case ExpiryDateColumn:
        return row.expiryDay.isValid() ? QVariant(c.connectionExpiry.toUTC()) : QVariant();
    case DaysLeftColumn:
        return row.expiry.status == ExpiryStatus::Unknown ? QVariant()
                                                          : QVariant(row.expiry.daysLeft);
    case BandColumn:
        return ExpiryBandStyle::severity(row.expiry.status);
    default:
        return {};
    }
}

void ConnectionTableModel::setRefreshOutcome(const QString &connectionId, bool ok,
                                             const QString &text)
{
    const QString key = normalizedId(connectionId);
    m_refreshOutcomes.insert(key, { ok, text });
    if (const int row = m_rowById.value(key, -1); row >= 0)
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn),
                           { Qt::DecorationRole, Qt::ToolTipRole, RefreshOutcomeRole });
}

QVariant ConnectionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[static_cast<size_t>(index.row())];
    const int column = index.column();
    const ExpiryStatus band = row.expiry.status;
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::AccessibleTextRole:
        return accessibleData(row, column);
    case Qt::ToolTipRole:
        if (column == BandColumn || column == DaysLeftColumn || column == ExpiryDateColumn)
            return ExpiryBandStyle::description(band);
        if ((column == ConnectionIdColumn || column == AeroPassUserUuidColumn) && !row.revealed)
            return tr("Hidden — use Reveal ids to show it in full");
        if (column == BankColumn) // a long bank name is elided in its column: in full here
            return displayData(row, column);
        if (column == StatusColumn) {
            if (auto o = m_refreshOutcomes.constFind(row.idKey); o != m_refreshOutcomes.cend())
                return o->ok ? tr("Last refresh: ok") : tr("Last refresh failed: %1").arg(o->text);
        }
        return {};
    case Qt::DecorationRole:
        if (column == BandColumn)
            return ExpiryBandStyle::icon(band, QGuiApplication::palette());
        if (column == StatusColumn) {
            if (auto o = m_refreshOutcomes.constFind(row.idKey); o != m_refreshOutcomes.cend())
                return QApplication::style()->standardIcon(o->ok ? QStyle::SP_DialogApplyButton
                                                                 : QStyle::SP_MessageBoxWarning);
        }
        return {};
    case RefreshOutcomeRole:
        if (auto o = m_refreshOutcomes.constFind(row.idKey); o != m_refreshOutcomes.cend())
            return o->ok ? QStringLiteral("ok") : QStringLiteral("error");
        return QString();
    case Qt::ForegroundRole:
        if (column == BandColumn || column == DaysLeftColumn)
            return ExpiryBandStyle::ink(band, QGuiApplication::palette());
        return {};
    case Qt::BackgroundRole:
        if (column == BandColumn || column == DaysLeftColumn) {
            const QColor tint = ExpiryBandStyle::background(band, QGuiApplication::palette());
            return tint.isValid() ? QVariant(tint) : QVariant();
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == DaysLeftColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(row, column);
    case BandRole:
        return static_cast<int>(band);
    case ExpiryDayRole:
        return row.expiryDay;
    case RevealedRole:
        return row.revealed;
    default:
        return {};
    }
}

QVariant ConnectionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case BankColumn:
        return tr("Bank");
    case ConnectionIdColumn:
        return tr("Connection ID");
    case AeroPassUserUuidColumn:
        return tr("AeroPass user");
    case StatusColumn:
        return tr("Status");
    case ExpiryDateColumn:
        return role == Qt::DisplayRole ? tr("Expires") : tr("Expiry date (UTC)");
    case DaysLeftColumn:
        return tr("Days left");
    case BandColumn:
        return tr("Expiry band");
    default:
        return {};
    }
}

Qt::ItemFlags ConnectionTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> ConnectionTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(BandRole, "band");
    names.insert(ExpiryDayRole, "expiryDay");
    names.insert(RevealedRole, "revealed");
    return names;
}

} // namespace aerodesk::ui
