#pragma once

#include "core/connections/Connection.h"
#include "core/connections/ExpiryChecker.h"
#include "core/util/Clock.h"

#include <QAbstractTableModel>
#include <QDate>
#include <QHash>
#include <QMap>
#include <QSet>

#include <vector>

namespace aerodesk::ui {

/// The tracked connections as a table: bank, connectionId and aeroPassUserUuid (masked unless
/// the row is revealed), status, expiry date, days left and expiry band.
///
/// - Identifiers are masked ("abcd…wxyz"); no role of data() carries a full id unless that
///   row was revealed with setRevealed(). The filter proxy matches a full id only through
///   hasIdExactly(), never through a role.
/// - The band is shown by icon (DecorationRole), text and colour (Foreground/BackgroundRole, from
///   the application palette, so light and dark palettes both work).
/// - SortRole gives raw values: QDateTime for the expiry date, qint64 for days left, the band's
///   severity (0 = expired … 4 = unknown) for the band; unknown expiry gives an invalid QVariant.
/// - Expiry is computed with an injected Clock (UTC, connections::ExpiryChecker); call
///   refreshExpiry() when time has passed. Dates and days are UTC calendar days.
/// - Rows are keyed by connectionId (trimmed, lower-cased): appending a known id updates its
///   row instead of adding a second one.
class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        BankColumn,
        ConnectionIdColumn,
        AeroPassUserUuidColumn,
        StatusColumn,
        ExpiryDateColumn,
        DaysLeftColumn,
        BandColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, ///< raw value of the cell (see the class comment)
        BandRole, ///< int(connections::ExpiryStatus) of the row, any column
        ExpiryDayRole, ///< QDate (UTC) of the expiry, invalid when unknown
        RevealedRole, ///< bool: are this row's ids shown in full
        RefreshOutcomeRole, ///< QString: the last bulk refresh of the row, "ok", "error" or ""
    };

    explicit ConnectionTableModel(const Clock &clock, QObject *parent = nullptr);

    /// Same as QAbstractTableModel::index() without its two virtual calls: the sorted proxy asks
    /// for two indexes per comparison, a few million times when it sorts 100,000 rows.
    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Replaces every row (one model reset). Reveals are forgotten.
    void setConnections(std::vector<connections::Connection> connections);
    /// Appends one batch with a single beginInsertRows/endInsertRows; connections already in the
    /// model (same connectionId) update their row in place instead. Feed a large load in batches
    /// (a few thousand rows each) so views and proxies never stall on one huge insert.
    void appendConnections(std::vector<connections::Connection> batch);
    /// Room for `total` rows (rows, the id index, the filter keys), so a load of a known size
    /// neither moves its rows nor rehashes its index as it grows. Never shrinks.
    void reserveRows(qsizetype total);
    /// Replaces the row with the same connectionId, or appends the connection. Returns its row.
    int upsertConnection(const connections::Connection &connection);
    /// Removes the row with that connectionId; false when there is none.
    bool removeConnection(const QString &connectionId);
    /// Recomputes every row's expiry against the clock; emits dataChanged for rows that changed
    /// and connectionEnteredSevenDayBand for rows that crossed into the 7-day band.
    void refreshExpiry();

    int rowOf(const QString &connectionId) const; ///< -1 when absent
    const connections::Connection &connection(int row) const;
    connections::ExpiryInfo expiry(int row) const;
    QDate expiryDay(int row) const;
    /// The cell's text as shown (masked ids unless revealed); used by the filter proxy.
    QString displayText(int row, int column) const;
    /// True when `normalizedId` (see normalizedId()) is exactly this row's connectionId or
    /// aeroPassUserUuid.
    bool hasIdExactly(int row, const QString &normalizedId) const;
    /// The filter's test for one row, on keys kept per row (so a keystroke over 100,000 rows
    /// builds no strings): every word of `foldedWords` (each foldCase()d, no white space) is in
    /// the row's shown bank, status, ids (masked unless revealed) or band text, or is, in
    /// `normalizedWords` (same index, normalizedId()), exactly the row's connectionId or
    /// aeroPassUserUuid. Same result as displayText(..).contains(word, Qt::CaseInsensitive)
    /// over those columns || hasIdExactly(); tests/ui/connections compare the two.
    bool matchesWords(int row, const QStringList &foldedWords,
                      const QStringList &normalizedWords) const;
    /// The rows whose connectionId or aeroPassUserUuid is exactly `normalizedId` (hasIdExactly),
    /// found through the id index and the compact per-row hashes, ascending.
    std::vector<int> rowsWithIdExactly(const QString &normalizedId) const;
    /// A filter's words prepared once per query for the fast matchesWords() below.
    struct FilterWords
    {
        QStringList folded; ///< foldCase() of each word
        QStringList normalized; ///< normalizedId() of each word
        std::vector<quint64> masks; ///< charMask() of each folded word
        std::vector<quint32> idHashes; ///< idHash() of each normalized word
    };
    static FilterWords prepareFilterWords(const QStringList &words);
    /// Same result as matchesWords(row, words.folded, words.normalized), read mostly from a
    /// compact per-row array (text mask, id hashes) instead of the rows: a row whose shown text
    /// lacks one of a word's characters, or whose ids hash differently, is passed over without
    /// a search or a string compare.
    bool matchesWords(int row, const FilterWords &words) const;
    /// One bit per UTF-16 code unit value modulo 64: if `needle` is in `haystack`, then
    /// charMask(needle) & ~charMask(haystack) == 0.
    static quint64 charMask(QStringView text);
    /// Orders two rows by `column` on raw values: unknown expiry/days after every known one,
    /// text case-insensitively. Negative, 0 or positive.
    int compareRows(int left, int right, int column) const;
    /// Ranks every row by `column` once (equal rows, equal rank), so that compareRows() on that
    /// column is one integer compare until any row changes (then it compares the rows again).
    /// The proxy calls it before it sorts or re-filters a sorted table. Cheap when still valid.
    void prepareSortKeys(int column) const;
    /// Per row, its rank by `column` (prepareSortKeys() first; equal rows, equal rank, ranks
    /// 0 … rowCount() - 1). Valid until any row changes. The filter proxy sorts by counting.
    const std::vector<int> &sortRanks(int column) const;

    bool isRevealed(int row) const;
    /// Shows (or hides again) this row's connectionId and aeroPassUserUuid in full.
    void setRevealed(int row, bool revealed);

    /// The outcome of the last (bulk) refresh of `connectionId`: shown on the Status column as
    /// an icon with `text` in its tooltip ("ok", or the error). Kept until the model is reset.
    void setRefreshOutcome(const QString &connectionId, bool ok, const QString &text);
    /// Connections per UTC expiry day, for days in [from, to]; days with none are absent.
    QMap<QDate, int> expiryCountsByDay(const QDate &from, const QDate &to) const;

    /// "abcd…wxyz" for ids longer than 12 characters, all bullets for shorter ones (so a short
    /// value is never shown whole), "" for "".
    static QString mask(const QString &id);
    /// Trimmed and lower-cased, as ids are compared.
    static QString normalizedId(const QString &id);
    /// Simple Unicode case folding, one code point at a time: what Qt::CaseInsensitive compares
    /// (so folded text compared case-sensitively orders and matches as the original did).
    static QString foldCase(QStringView text);
    /// foldCase(), sharing `text` itself when folding changes nothing.
    static QString foldCaseShared(const QString &text);

Q_SIGNALS:
    /// A connection already in the model moved into the 7-day band (by an update or by
    /// refreshExpiry()). Rows loaded by setConnections()/appendConnections() for the first time
    /// do not count as entering. The console turns this into a tray notification.
    void connectionEnteredSevenDayBand(const QString &connectionId);

private:
    struct Row
    {
        connections::Connection connection;
        connections::ExpiryInfo expiry;
        QDate expiryDay;
        QString idKey;
        QString uuidKey;
        // Kept in step with the fields above by updateKeys() (filter and sort read only these).
        QString haystack; ///< folded shown text of the matched columns, '\n'-separated
        QString bankKey; ///< folded bank name
        QString statusKey; ///< folded status
        QString idSortKey; ///< folded shown connectionId (masked unless revealed)
        QString uuidSortKey; ///< folded shown aeroPassUserUuid
        qint64 expiryMs = 0;
        int longestField = 0; ///< a longer word cannot be in the haystack (it holds no '\n')
        quint64 haystackMask = 0; ///< charMask(haystack)
        bool revealed = false;
    };

    /// What the filter reads first for each row, kept in step with m_rows (index for index)
    /// once built: 24 bytes a row, so a keystroke over 100,000 rows stays in the cache.
    struct FilterKeys
    {
        quint64 haystackMask = 0;
        quint32 idHash = 0;
        quint32 uuidHash = 0;
        int longestField = 0;
    };
    static quint32 idHash(const QString &normalizedId);
    static FilterKeys filterKeysOf(const Row &row);
    void refreshFilterKeys(size_t row) const;
    void ensureFilterKeys() const;

    Row makeRow(connections::Connection connection, bool revealed = false) const;
    void updateKeys(Row &row) const;
    QString interned(const QString &key) const;
    int compareRowsDirect(const Row &a, const Row &b, int column) const;
    void rowsChanged() { m_rankColumn = -1; }
    void replaceRow(int row, connections::Connection connection);
    void rebuildIndex();
    QVariant displayData(const Row &row, int column) const;
    QVariant accessibleData(const Row &row, int column) const;
    QVariant sortData(const Row &row, int column) const;

    const Clock &m_clock;
    connections::ExpiryChecker m_checker;
    std::vector<Row> m_rows;
    QHash<QString, int> m_rowById;
    struct Outcome
    {
        bool ok = false;
        QString text;
    };
    QHash<QString, Outcome> m_refreshOutcomes; ///< by normalised connectionId
    /// One shared copy of each folded bank/status: equal keys then compare by pointer, which
    /// is most compares when sorting 100,000 rows over a few banks.
    mutable QSet<QString> m_keyPool;
    mutable std::vector<int> m_rank; ///< per row, by m_rankColumn (see prepareSortKeys())
    mutable int m_rankColumn = -1; ///< -1: no valid ranks
    mutable std::vector<FilterKeys> m_filterKeys; ///< see FilterKeys; rebuilt when sizes differ
    mutable std::vector<QString> m_foldedBandText; ///< by int(ExpiryStatus), filled on use
};

} // namespace aerodesk::ui
