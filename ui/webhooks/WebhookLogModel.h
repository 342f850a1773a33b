#pragma once

#include "core/webhooks/WebhookLog.h"

#include <QAbstractTableModel>
#include <QList>

namespace aerodesk::ui {

/// The Webhooks panel's delivery log as a table: time (UTC), event, verdict, secret matched,
/// body size. It mirrors a webhooks::WebhookLog (bounded: when the log drops its oldest entry,
/// the model removes its first row). The verdict column has an icon and words, never colour
/// alone; its tooltip is the verifier's sentence.
class WebhookLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Event, Verdict, Secret, Size, ColumnCount };
    /// Raw values for sorting/tests: QDateTime, event, verdict kind name, secret name, qint64.
    static constexpr int RawRole = Qt::UserRole + 1;

    explicit WebhookLogModel(webhooks::WebhookLog &log, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const webhooks::WebhookLogEntry &entry(int row) const { return m_rows.at(row); }
    /// Empties the log and the table.
    void clear();

private:
    void onAppended(const webhooks::WebhookLogEntry &entry);

    webhooks::WebhookLog &m_log;
    QList<webhooks::WebhookLogEntry> m_rows;
};

} // namespace aerodesk::ui
