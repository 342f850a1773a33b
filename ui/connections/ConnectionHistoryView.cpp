#include "ui/connections/ConnectionHistoryView.h"

#include <QJsonObject>

namespace aerodesk::ui {

ConnectionHistoryView::ConnectionHistoryView(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("connectionHistory"));
    setAccessibleName(tr("Connection history"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(true);
    setAlternatingRowColors(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setResizeMode(QListView::Adjust);
    setSpacing(1);
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
        text = tr("%1 job: %2")
                   .arg(capitalised(d.value(QStringLiteral("type")).toString()),
                        capitalised(d.value(QStringLiteral("outcome")).toString()));
        const QString jobId = d.value(QStringLiteral("jobId")).toString();
        if (!jobId.isEmpty())
            text += QStringLiteral(" (%1)").arg(jobId);
        if (d.contains(QStringLiteral("availableBalance")))
            text += tr(" — available %1 %2")
                        .arg(d.value(QStringLiteral("availableBalance")).toDouble(), 0, 'f', 2)
                        .arg(d.value(QStringLiteral("currency")).toString());
        if (d.contains(QStringLiteral("transactionCount")))
            text += tr(" — %n transaction(s)", nullptr,
                       d.value(QStringLiteral("transactionCount")).toInt());
    } else if (d.contains(QStringLiteral("what"))) {
        text = d.value(QStringLiteral("what")).toString();
        const QString status = d.value(QStringLiteral("status")).toString();
        if (!status.isEmpty())
            text += QStringLiteral(": %1").arg(status);
    } else if (d.contains(QStringLiteral("event")) || d.contains(QStringLiteral("type"))) {
        text =
            d.value(QStringLiteral("event")).toString(d.value(QStringLiteral("type")).toString());
    }
    if (!code.isEmpty())
        text += QStringLiteral(" [%1]").arg(code);
    // A completed job says it all in its first words; anything else keeps the runner's sentence.
    const bool completedJob =
        d.value(QStringLiteral("outcome")).toString() == QLatin1String("completed");
    if (!message.isEmpty() && !completedJob)
        text += (text.isEmpty() ? QString() : QStringLiteral(" — ")) + message;
    return text.isEmpty() ? event.kind : text;
}

void ConnectionHistoryView::setEvents(const QList<connections::ConnectionEvent> &events)
{
    clear();
    for (const auto &e : events) {
        const QString when = e.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
        const QString what = summary(e);
        auto *item =
            new QListWidgetItem(QStringLiteral("%1 · %2\n%3").arg(when, e.kind, what), this);
        item->setToolTip(what);
        item->setData(Qt::AccessibleTextRole, tr("%1, %2: %3").arg(when, e.kind, what));
    }
    if (events.isEmpty())
        setPlaceholder(tr("No history recorded yet."));
    else
        scrollToBottom();
    setAccessibleDescription(tr("%n event(s), oldest first", nullptr, int(events.size())));
}

void ConnectionHistoryView::setPlaceholder(const QString &text)
{
    clear();
    auto *item = new QListWidgetItem(text, this);
    item->setFlags(Qt::ItemIsEnabled);
    item->setForeground(palette().brush(QPalette::PlaceholderText));
    setAccessibleDescription(text);
}

QStringList ConnectionHistoryView::lines() const
{
    QStringList out;
    for (int i = 0; i < count(); ++i)
        out.append(item(i)->text().replace(QLatin1Char('\n'), QLatin1Char(' ')));
    return out;
}

} // namespace aerodesk::ui
