#include "ui/ConnectionHistoryView.h"

#include <QHeaderView>
#include <QJsonObject>

namespace aerodesk::ui {

ConnectionHistoryView::ConnectionHistoryView(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("connectionHistory"));
    setAccessibleName(tr("Connection history"));
    setColumnCount(3);
    setHeaderLabels({tr("When (UTC)"), tr("Kind"), tr("What")});
    header()->setAccessibleName(tr("History columns"));
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(false);
    setTextElideMode(Qt::ElideRight);
    header()->setStretchLastSection(true);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    setColumnWidth(0, 10 * em);
    setColumnWidth(1, 5 * em);
}

QString ConnectionHistoryView::summary(const connections::ConnectionEvent &event)
{
    const QJsonObject &d = event.detail;
    const QString message = d.value(QStringLiteral("message")).toString();
    const QString code = d.value(QStringLiteral("code")).toString();
    QString text;
    if (d.contains(QStringLiteral("outcome"))) {
        auto capitalised = [](QString word) {
            if (!word.isEmpty())
                word[0] = word.at(0).toUpper();
            return word;
        };
        text = tr("%1 job: %2").arg(capitalised(d.value(QStringLiteral("type")).toString()),
                                    capitalised(d.value(QStringLiteral("outcome")).toString()));
        const QString jobId = d.value(QStringLiteral("jobId")).toString();
        if (!jobId.isEmpty())
            text += QStringLiteral(" (%1)").arg(jobId);
        if (d.contains(QStringLiteral("availableBalance")))
            text += tr(" — available %1 %2")
                        .arg(d.value(QStringLiteral("availableBalance")).toDouble(), 0, 'f', 2)
                        .arg(d.value(QStringLiteral("currency")).toString());
        if (d.contains(QStringLiteral("transactionCount")))
            text += tr(" — %n transaction(s)", nullptr, d.value(QStringLiteral("transactionCount")).toInt());
    } else if (d.contains(QStringLiteral("what"))) {
        text = d.value(QStringLiteral("what")).toString();
        const QString status = d.value(QStringLiteral("status")).toString();
        if (!status.isEmpty())
            text += QStringLiteral(": %1").arg(status);
    } else if (d.contains(QStringLiteral("event")) || d.contains(QStringLiteral("type"))) {
        text = d.value(QStringLiteral("event")).toString(d.value(QStringLiteral("type")).toString());
    }
    if (!code.isEmpty())
        text += QStringLiteral(" [%1]").arg(code);
    if (!message.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + message;
    return text.isEmpty() ? event.kind : text;
}

void ConnectionHistoryView::setEvents(const QList<connections::ConnectionEvent> &events)
{
    clear();
    QList<QTreeWidgetItem *> items;
    items.reserve(events.size());
    for (const auto &e : events) {
        const QString what = summary(e);
        auto *item = new QTreeWidgetItem({e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.kind, what});
        item->setToolTip(2, what);
        items.append(item);
    }
    addTopLevelItems(items);
    if (events.isEmpty())
        setPlaceholder(tr("No history recorded yet."));
    else
        scrollToBottom();
    setAccessibleDescription(tr("%n event(s), oldest first", nullptr, int(events.size())));
}

void ConnectionHistoryView::setPlaceholder(const QString &text)
{
    clear();
    auto *item = new QTreeWidgetItem({QString(), QString(), text});
    item->setFlags(Qt::ItemIsEnabled);
    addTopLevelItem(item);
    setAccessibleDescription(text);
}

QStringList ConnectionHistoryView::lines() const
{
    QStringList out;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = topLevelItem(i);
        out.append(QStringList{item->text(0), item->text(1), item->text(2)}.join(QLatin1Char(' ')).trimmed());
    }
    return out;
}

} // namespace aerodesk::ui
