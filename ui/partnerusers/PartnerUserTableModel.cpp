#include "ui/partnerusers/PartnerUserTableModel.h"

#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/PartnerUserDirectory.h"

namespace aerodesk::ui {

namespace {

/// `at` in UTC, or `none` when it is not set.
QString utc(const QDateTime &at, const QString &none)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : none;
}

} // namespace

PartnerUserTableModel::PartnerUserTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PartnerUserTableModel::setSources(embedded::PartnerUserDirectory *users,
                                       embedded::EmbeddedWorkflow *workflow)
{
    if (m_users)
        disconnect(m_users, nullptr, this, nullptr);
    if (m_workflow)
        disconnect(m_workflow, nullptr, this, nullptr);
    m_users = users;
    m_workflow = workflow;
    if (users) {
        connect(users, &embedded::PartnerUserDirectory::changed, this,
                &PartnerUserTableModel::reload);
        connect(users, &embedded::PartnerUserDirectory::loaded, this,
                &PartnerUserTableModel::reload);
    }
    if (workflow)
        connect(workflow, &embedded::EmbeddedWorkflow::pendingChanged, this,
                &PartnerUserTableModel::reload);
    reload();
}

void PartnerUserTableModel::reload()
{
    beginResetModel();
    m_rows = m_users ? m_users->users() : QList<embedded::PartnerUser> {};
    m_pending.clear();
    for (const embedded::PartnerUser &u : m_rows)
        m_pending.append(m_workflow ? int(m_workflow->pendingFor(u.id).size()) : 0);
    endResetModel();
}

int PartnerUserTableModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int PartnerUserTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PartnerUserTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartnerUserTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const embedded::PartnerUser &u = m_rows.at(index.row());
    const int pending = m_pending.value(index.row());
    if (role == RawRole) {
        switch (index.column()) {
        case Id:
            return u.id;
        case State:
            return embedded::PartnerUser::stateName(u.state);
        case ConnectedSince:
            return u.connectedSince;
        case LastSilentAuth:
            return u.lastSilentAuth;
        case Pending:
            return pending;
        case Note:
            return u.note;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Id:
            return u.id;
        case State:
            return embedded::PartnerUser::stateLabel(u.state);
        case ConnectedSince:
            return utc(u.connectedSince, tr("not connected"));
        case LastSilentAuth:
            return utc(u.lastSilentAuth, tr("never"));
        case Pending:
            return pending;
        case Note:
            return u.note;
        }
        return {};
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Note || index.column() == State)
            return u.note;
        if (index.column() == Pending)
            return tr("%n event(s) received for this user and not answered yet", nullptr, pending);
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() == Pending)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant PartnerUserTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("Partner user");
    case State:
        return tr("State");
    case ConnectedSince:
        return tr("Connected since");
    case LastSilentAuth:
        return tr("Last silent authentication");
    case Pending:
        return tr("Pending events");
    case Note:
        return tr("Note");
    }
    return {};
}

} // namespace aerodesk::ui
