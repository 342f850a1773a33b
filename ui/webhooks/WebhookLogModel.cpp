#include "ui/webhooks/WebhookLogModel.h"

#include "ui/common/Icons.h"
#include "ui/webhooks/WebhookVerdictView.h"

#include <QColor>

namespace aerodesk::ui {

WebhookLogModel::WebhookLogModel(webhooks::WebhookLog &log, QObject *parent)
    : QAbstractTableModel(parent)
    , m_log(log)
{
    m_rows = m_log.entries();
    connect(&m_log, &webhooks::WebhookLog::appended, this, &WebhookLogModel::onAppended);
}

void WebhookLogModel::clear()
{
    beginResetModel();
    m_log.clear();
    m_rows.clear();
    endResetModel();
}

void WebhookLogModel::onAppended(const webhooks::WebhookLogEntry &entry)
{
    if (m_rows.size() >= m_log.capacity()) {
        beginRemoveRows({}, 0, 0);
        m_rows.removeFirst();
        endRemoveRows();
    }
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.append(entry);
    endInsertRows();
}

int WebhookLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int WebhookLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant WebhookLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const webhooks::WebhookLogEntry &e = m_rows.at(index.row());
    const bool ok = e.verdict.ok();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Time:
            return e.receivedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        case Event:
            return e.event.isEmpty() ? tr("(no event)") : e.event;
        case Verdict:
            return (ok ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) +
                WebhookVerdictView::summary(e.verdict) +
                (e.rejected() ? tr(" — rejected (HTTP %1)").arg(e.httpStatus) : QString());
        case Secret:
            return WebhookVerdictView::secretText(e.verdict.secret);
        case Size:
            return tr("%1 B").arg(e.bodySize);
        }
        break;
    case RawRole:
        switch (index.column()) {
        case Time:
            return e.receivedAt;
        case Event:
            return e.event;
        case Verdict:
            return webhooks::verdictKindName(e.verdict.kind);
        case Secret:
            return webhooks::verdictSecretName(e.verdict.secret);
        case Size:
            return qint64(e.bodySize);
        }
        break;
    case Qt::ToolTipRole:
        return e.verdict.message;
    case Qt::DecorationRole:
        if (index.column() == Verdict) {
            const QColor ink = ok ? QColor(0x15, 0x80, 0x3d) : QColor(0xb9, 0x1c, 0x1c);
            return Icons::themed(
                ok ? QStringLiteral("expiry-ok") : QStringLiteral("expiry-expired"), ink);
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == Verdict)
            return ok ? QColor(0x15, 0x80, 0x3d) : QColor(0xb9, 0x1c, 0x1c);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Size)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant WebhookLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time:
        return tr("Received (UTC)");
    case Event:
        return tr("Event");
    case Verdict:
        return tr("Verdict");
    case Secret:
        return tr("Secret matched");
    case Size:
        return tr("Body");
    }
    return {};
}

} // namespace aerodesk::ui
