#pragma once

#include <QStyledItemDelegate>

namespace aerodesk::ui {

/// Paints JobsModel's progress column as a progress bar (QStyleOptionProgressBar, so it follows
/// the style and palette), reading JobsModel::ProgressRole.
class JobProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace aerodesk::ui
