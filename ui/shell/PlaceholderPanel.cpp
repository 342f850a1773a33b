#include "ui/shell/PlaceholderPanel.h"

#include <QEvent>
#include <QFrame>
#include <QLabel>
#include <QVBoxLayout>

namespace aerodesk::ui {

PlaceholderPanel::PlaceholderPanel(const QString &title, const QString &summary,
                                   const QStringList &coming, QWidget *parent)
    : QWidget(parent)
{
    setAccessibleName(title);

    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("panelTitle"));
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);

    auto *summaryLabel = new QLabel(summary, this);
    summaryLabel->setObjectName(QStringLiteral("panelSummary"));
    summaryLabel->setWordWrap(true);
    QFont summaryFont = summaryLabel->font();
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.1);
    summaryLabel->setFont(summaryFont);

    auto *status = new QLabel(tr("Coming soon — this panel is a placeholder in this build."), this);
    status->setObjectName(QStringLiteral("panelStatus"));
    status->setForegroundRole(QPalette::PlaceholderText);

    QString items;
    for (const QString &item : coming)
        items +=
            QStringLiteral("<li style=\"margin-bottom:6px\">%1</li>").arg(item.toHtmlEscaped());
    auto *list =
        new QLabel(QStringLiteral("<p><b>%1</b></p><ul style=\"margin-left:-20px\">%2</ul>")
                       .arg(tr("What will be here").toHtmlEscaped(), items),
                   this);
    list->setObjectName(QStringLiteral("panelComing"));
    list->setTextFormat(Qt::RichText);
    list->setWordWrap(true);
    list->setAccessibleName(tr("What will be here"));

    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("panelCard"));
    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(20, 10, 20, 12);
    cardLayout->addWidget(list);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(summaryLabel);
    layout->addWidget(status);
    layout->addSpacing(10);
    layout->addWidget(card);
    layout->addStretch(1);
    applyStyle();
}

void PlaceholderPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
}

void PlaceholderPanel::applyStyle()
{
    // palette(...) in a style sheet is resolved when it is set: set it again when the system
    // palette changes (light/dark switch). Re-polishing sends PaletteChange itself, hence the
    // guard.
    if (m_styling)
        return;
    m_styling = true;
    setStyleSheet(QStringLiteral(
        "QFrame#panelCard { background: palette(base); border: 1px solid palette(mid);"
        " border-radius: 8px; }"));
    m_styling = false;
}

} // namespace aerodesk::ui
