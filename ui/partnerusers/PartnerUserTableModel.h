#pragma once

#include "core/embedded/PartnerUser.h"

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>

namespace aerodesk::embedded {
class EmbeddedWorkflow;
class PartnerUserDirectory;
} // namespace aerodesk::embedded

namespace aerodesk::ui {

/// The partner users of one environment as a table: id, state, connected since, last silent
/// authentication, pending events, note. It mirrors an embedded::PartnerUserDirectory (rows)
/// and the workflow's pending events (the count column); it never holds or shows a userCode.
class PartnerUserTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Id, State, ConnectedSince, LastSilentAuth, Pending, Note, ColumnCount };
    /// Raw values for sorting and tests: id, state name, QDateTime, QDateTime, int, note.
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit PartnerUserTableModel(QObject *parent = nullptr);

    /// Follows `users` and `workflow` (the environment's; null: empty).
    void setSources(embedded::PartnerUserDirectory *users, embedded::EmbeddedWorkflow *workflow);
    /// Reads the directory and the pending counts again.
    void reload();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const embedded::PartnerUser &user(int row) const { return m_rows.at(row); }
    /// The row of `id`, or -1.
    int rowOf(const QString &id) const;

private:
    QPointer<embedded::PartnerUserDirectory> m_users;
    QPointer<embedded::EmbeddedWorkflow> m_workflow;
    QList<embedded::PartnerUser> m_rows;
    QList<int> m_pending;
};

} // namespace aerodesk::ui
