#include "ui/common/StateBanner.h"

namespace aerodesk::ui {

StateBanner::StateBanner(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setStyleSheet(QStringLiteral("QLabel { padding: 6px; border-radius: 4px;"
                                 " background: palette(highlight);"
                                 " color: palette(highlighted-text); }"));
    hide();
}

void StateBanner::setState(const QString &text)
{
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace aerodesk::ui
