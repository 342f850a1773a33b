#include "ui/common/NamedWidgets.h"

#include <QLabel>
#include <QPushButton>

namespace aerodesk::ui {

QPushButton *namedButton(const QString &text, const QString &name, const QString &accessible,
                         QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    b->setAccessibleName(accessible);
    return b;
}

QLabel *namedLabel(const QString &name, const QString &accessible, QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setAccessibleName(accessible);
    l->setWordWrap(true);
    return l;
}

} // namespace aerodesk::ui
