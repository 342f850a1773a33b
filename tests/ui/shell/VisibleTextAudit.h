#pragma once

#include <QString>
#include <QStringList>

class QAbstractButton;
class QAbstractItemView;
class QHeaderView;
class QLabel;
class QTabBar;
class QWidget;

namespace aerodesk::test {

/// Walks the visible widgets of a window and lists every text a user sees that
///  - did not come through tr() (with the pseudo-locale on: text outside ⟦…⟧ that has letters),
///    unless the widget or a parent is marked as data (ui::markAsData), and
///  - is cut off: a single-line label or a button narrower than its text, a word-wrapped label
///    shorter than its text, a header section narrower than its title, a tab narrower than its
///    text, an item-view cell narrower than its text (eliding is allowed where the cell's
///    tooltip holds the full text; an elided label "…" only with a tooltip).
/// Checks: window title, menu titles and actions, status bar message, QLabel, QAbstractButton,
/// QGroupBox titles, QTabBar tabs, QHeaderView sections, QLineEdit placeholders, view cells.
class VisibleTextAudit
{
public:
    explicit VisibleTextAudit(bool expectPseudo)
        : m_expectPseudo(expectPseudo)
    {
    }

    /// Audits `window` as it is shown now; `where` prefixes every problem ("connections").
    void audit(QWidget *window, const QString &where);
    QStringList problems() const { return m_problems; }
    int checkedTexts() const { return m_checked; }

private:
    void checkTranslated(const QWidget *widget, const QString &kind, const QString &shown);
    void cutOff(const QWidget *widget, const QString &kind, const QString &text, int need,
                int have);
    void auditLabel(QLabel *label);
    void auditButton(QAbstractButton *button);
    void auditHeader(QHeaderView *header);
    void auditTabBar(QTabBar *tabBar);
    void auditCells(QAbstractItemView *view);
    void auditMenus(QWidget *window);
    static QString describe(const QWidget *widget);
    static bool isData(const QWidget *widget);

    bool m_expectPseudo;
    QString m_where;
    QStringList m_problems;
    int m_checked = 0;
};

} // namespace aerodesk::test
