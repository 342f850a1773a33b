#include "ui/jobs/JobProgressDelegate.h"

#include "ui/jobs/JobsModel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOption>

namespace aerodesk::ui {

void JobProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                const QModelIndex &index) const
{
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget); // selection, focus

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.palette = option.palette;
    bar.state = option.state | QStyle::State_Horizontal;
    bar.rect = option.rect.adjusted(3, 3, -3, -3);
    bar.minimum = 0;
    bar.maximum = 100;
    bar.progress = index.data(JobsModel::ProgressRole).toInt();
    bar.text = tr("%1%").arg(bar.progress);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

} // namespace aerodesk::ui
