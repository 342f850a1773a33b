#include "tests/ui/shell/VisibleTextAudit.h"

#include "ui/common/DataText.h"
#include "ui/common/PseudoTranslator.h"

#include <QAbstractItemView>
#include <QAction>
#include <QGroupBox>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QStyle>
#include <QStyleOptionButton>
#include <QStyleOptionViewItem>
#include <QTabBar>
#include <QTextDocument>
#include <QTextDocumentFragment>
#include <QToolButton>
#include <QTreeView>

#include <cmath>

namespace aerodesk::test {

namespace {

/// "&Save" → "Save", "A && B" → "A & B" (what a button or a buddy label shows).
QString withoutMnemonic(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        out += text.at(i);
    }
    return out;
}

bool isRich(const QLabel *label)
{
    return label->textFormat() == Qt::RichText ||
        (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
}

bool hasLetters(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetter())
            return true;
    }
    return false;
}

} // namespace

QString VisibleTextAudit::describe(const QWidget *widget)
{
    QStringList path;
    for (const QWidget *w = widget; w && !w->isWindow(); w = w->parentWidget()) {
        if (!w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_"))) {
            path.prepend(w->objectName());
            if (w->objectName().endsWith(QLatin1String("Panel")))
                break;
        }
    }
    return QStringLiteral("%1 %2").arg(QString::fromLatin1(widget->metaObject()->className()),
                                       path.join(QLatin1Char('/')));
}

bool VisibleTextAudit::isData(const QWidget *widget)
{
    for (const QWidget *w = widget; w; w = w->parentWidget()) {
        if (w->property(ui::kDataTextProperty).toBool())
            return true;
    }
    return false;
}

void VisibleTextAudit::checkTranslated(const QWidget *widget, const QString &kind,
                                       const QString &shown)
{
    ++m_checked;
    if (!m_expectPseudo || shown.trimmed().isEmpty() || (widget && isData(widget)))
        return;
    const QString outside = ui::PseudoTranslator::outsidePseudo(shown);
    if (hasLetters(outside))
        m_problems << QStringLiteral(
                          "[%1] not through tr(): %2 of %3: \"%4\" (untranslated part \"%5\")")
                          .arg(m_where, kind, widget ? describe(widget) : QStringLiteral("window"),
                               shown, outside.simplified());
}

void VisibleTextAudit::cutOff(const QWidget *widget, const QString &kind, const QString &text,
                              int need, int have)
{
    m_problems << QStringLiteral("[%1] cut off: %2 of %3: \"%4\" needs %5 px, has %6 px")
                      .arg(m_where, kind, describe(widget),
                           QString(text).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ ")))
                      .arg(need)
                      .arg(have);
}

void VisibleTextAudit::audit(QWidget *window, const QString &where)
{
    m_where = where;
    checkTranslated(nullptr, QStringLiteral("window title"), window->windowTitle());
    auditMenus(window);
    if (auto *main = qobject_cast<QMainWindow *>(window))
        checkTranslated(main->statusBar(), QStringLiteral("status message"),
                        main->statusBar()->currentMessage());

    for (QLabel *label : window->findChildren<QLabel *>()) {
        if (label->isVisible())
            auditLabel(label);
    }
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (button->isVisible())
            auditButton(button);
    }
    for (QGroupBox *box : window->findChildren<QGroupBox *>()) {
        if (box->isVisible() && !box->title().isEmpty())
            checkTranslated(box, QStringLiteral("group box title"), withoutMnemonic(box->title()));
    }
    for (QTabBar *tabBar : window->findChildren<QTabBar *>()) {
        if (tabBar->isVisible())
            auditTabBar(tabBar);
    }
    for (QHeaderView *header : window->findChildren<QHeaderView *>()) {
        if (header->isVisible() && header->orientation() == Qt::Horizontal)
            auditHeader(header);
    }
    for (QLineEdit *edit : window->findChildren<QLineEdit *>()) {
        if (edit->isVisible() && edit->text().isEmpty() && !edit->placeholderText().isEmpty())
            checkTranslated(edit, QStringLiteral("placeholder"), edit->placeholderText());
    }
    for (QAbstractItemView *view : window->findChildren<QAbstractItemView *>()) {
        if (view->isVisible() && view->model())
            auditCells(view);
    }
}

void VisibleTextAudit::auditMenus(QWidget *window)
{
    auto *main = qobject_cast<QMainWindow *>(window);
    if (!main || !main->menuBar())
        return;
    for (QAction *top : main->menuBar()->actions()) {
        checkTranslated(main->menuBar(), QStringLiteral("menu"), withoutMnemonic(top->text()));
        if (!top->menu())
            continue;
        for (QAction *action : top->menu()->actions()) {
            if (!action->isSeparator() && action->isVisible())
                checkTranslated(top->menu(), QStringLiteral("menu action"),
                                withoutMnemonic(action->text()));
        }
    }
}

void VisibleTextAudit::auditLabel(QLabel *label)
{
    if (label->text().isEmpty() || !label->pixmap().isNull())
        return;
    const bool rich = isRich(label);
    QString shown =
        rich ? QTextDocumentFragment::fromHtml(label->text()).toPlainText() : label->text();
    if (!rich && label->buddy())
        shown = withoutMnemonic(shown);
    checkTranslated(label, QStringLiteral("label"), shown);

    const int have = label->contentsRect().width() - 2 * label->margin();
    if (label->wordWrap()) {
        const int needHeight = label->heightForWidth(label->width());
        if (needHeight > label->height() + 1)
            m_problems << QStringLiteral(
                              "[%1] cut off: wrapped label %2: \"%3\" needs %4 px high at %5 px "
                              "wide, has %6 px")
                              .arg(m_where, describe(label), shown)
                              .arg(needHeight)
                              .arg(label->width())
                              .arg(label->height());
        return;
    }
    int need = 0;
    if (rich) {
        QTextDocument document;
        document.setDefaultFont(label->font());
        document.setDocumentMargin(0);
        document.setHtml(label->text());
        need = int(std::ceil(document.idealWidth()));
    } else {
        for (const QString &line : shown.split(QLatin1Char('\n')))
            need = std::max(need, label->fontMetrics().horizontalAdvance(line));
    }
    // An elided label is fine when the whole text is one hover away.
    const bool elidedWithTooltip = shown.contains(QChar(0x2026)) && !label->toolTip().isEmpty();
    if (need > have + 1 && !elidedWithTooltip)
        cutOff(label, QStringLiteral("label"), shown, need, have);
}

void VisibleTextAudit::auditButton(QAbstractButton *button)
{
    const QString shown = withoutMnemonic(button->text());
    if (shown.isEmpty())
        return;
    auto *tool = qobject_cast<QToolButton *>(button);
    if (tool && tool->toolButtonStyle() == Qt::ToolButtonIconOnly && !tool->icon().isNull())
        return; // the text is only the tooltip / accessible name
    if (button->objectName().startsWith(QLatin1String("qt_")) &&
        !qobject_cast<QPushButton *>(button))
        return; // Qt's own scroll arrows, tab-bar scrollers, menu-bar extension
    checkTranslated(button, QStringLiteral("button"), shown);

    int need = 0;
    int have = button->width();
    if (qobject_cast<QPushButton *>(button)) {
        // What the style leaves for the label (inside the frame and margins) against the text.
        QStyleOptionButton option;
        option.initFrom(button);
        option.text = button->text();
        option.icon = button->icon();
        option.iconSize = button->iconSize();
        have =
            button->style()->subElementRect(QStyle::SE_PushButtonContents, &option, button).width();
        need = button->fontMetrics().horizontalAdvance(shown);
        if (!button->icon().isNull())
            need += button->iconSize().width() + 4;
    } else {
        need = button->sizeHint().width();
    }
    if (have < need)
        cutOff(button, QStringLiteral("button"), shown, need, have);
}

void VisibleTextAudit::auditHeader(QHeaderView *header)
{
    if (!header->model())
        return;
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical))
            continue;
        const QString text =
            header->model()->headerData(logical, Qt::Horizontal, Qt::DisplayRole).toString();
        if (text.isEmpty())
            continue;
        checkTranslated(header, QStringLiteral("column header"), text);
        const int need = header->sectionSizeHint(logical);
        if (header->sectionSize(logical) < need)
            cutOff(header, QStringLiteral("column header"), text, need,
                   header->sectionSize(logical));
    }
}

void VisibleTextAudit::auditTabBar(QTabBar *tabBar)
{
    for (int i = 0; i < tabBar->count(); ++i) {
        if (!tabBar->isTabVisible(i))
            continue;
        const QString shown = withoutMnemonic(tabBar->tabText(i));
        checkTranslated(tabBar, QStringLiteral("tab"), shown);
        int need = tabBar->fontMetrics().horizontalAdvance(shown) +
            tabBar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, tabBar);
        if (!tabBar->tabIcon(i).isNull())
            need += tabBar->iconSize().width() + 4;
        if (tabBar->tabRect(i).width() < need)
            cutOff(tabBar, QStringLiteral("tab"), shown, need, tabBar->tabRect(i).width());
    }
}

void VisibleTextAudit::auditCells(QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    const QRect viewport = view->viewport()->rect();
    auto *list = qobject_cast<QListView *>(view);
    auto *tree = qobject_cast<QTreeView *>(view);
    const bool clipToViewport = list != nullptr;
    const bool wrapping = (list && list->wordWrap()) || (tree && tree->wordWrap());
    // Only the top-level rows a user sees without scrolling (a few dozen at most).
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            const QRect rect = view->visualRect(index);
            if (rect.isEmpty() || !rect.intersects(viewport))
                continue;
            const QString text = index.data(Qt::DisplayRole).toString();
            if (text.isEmpty())
                continue;
            ++m_checked;
            const QString tooltip = index.data(Qt::ToolTipRole).toString();
            if (!tooltip.isEmpty() && tooltip.contains(text.simplified()))
                continue; // elided at worst, and the whole text is in the tooltip
            QStyleOptionViewItem option;
            option.initFrom(view);
            option.font = view->font();
            option.fontMetrics = view->fontMetrics();
            option.decorationSize = view->iconSize().isValid()
                ? view->iconSize()
                : QSize(view->style()->pixelMetric(QStyle::PM_SmallIconSize),
                        view->style()->pixelMetric(QStyle::PM_SmallIconSize));
            option.textElideMode = view->textElideMode();
            option.rect = rect;
            if (wrapping) {
                // Word-wrapped cells: the wrapped text must fit the cell's height.
                option.features |= QStyleOptionViewItem::WrapText;
                const int needHeight =
                    view->itemDelegateForIndex(index)->sizeHint(option, index).height();
                if (rect.height() < needHeight)
                    cutOff(view,
                           QStringLiteral("wrapped cell (%1, %2) height").arg(row).arg(column),
                           text.simplified(), needHeight, rect.height());
                continue;
            }
            QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
            int need = 0;
            int have = 0;
            if (QByteArray(delegate->metaObject()->className()) == "QStyledItemDelegate") {
                // The standard painting: the text goes into the style's text rectangle (which a
                // style sheet's ::item margin and padding make smaller), less a margin each side.
                option.rect = clipToViewport ? rect.intersected(viewport) : rect;
                option.text = text;
                option.features |= QStyleOptionViewItem::HasDisplay;
                const QVariant decoration = index.data(Qt::DecorationRole);
                if (decoration.isValid()) {
                    option.features |= QStyleOptionViewItem::HasDecoration;
                    option.icon = decoration.value<QIcon>();
                }
                const QVariant font = index.data(Qt::FontRole);
                if (font.isValid())
                    option.font = font.value<QFont>();
                const int margin =
                    view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1;
                have = view->style()
                           ->subElementRect(QStyle::SE_ItemViewItemText, &option, view)
                           .width();
                need = QFontMetrics(option.font).horizontalAdvance(text) + 2 * margin;
            } else {
                need = delegate->sizeHint(option, index).width();
                have = clipToViewport ? std::min(rect.right(), viewport.right()) - rect.left() + 1
                                      : rect.width();
            }
            // One pixel of slack: the style lays text out with fractional advances.
            if (have + 1 < need)
                cutOff(view, QStringLiteral("cell (%1, %2)").arg(row).arg(column),
                       text.simplified(), need, have);
        }
        if (view->visualRect(model->index(row, 0)).top() > viewport.bottom())
            break;
    }
}

} // namespace aerodesk::test
