#include "tests/support/WidgetDriver.h"

#include "tests/support/Wait.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTest>

namespace aerodesk::test {

namespace {

QString pathOf(const QWidget *widget)
{
    QStringList parts;
    for (const QWidget *w = widget; w; w = w->parentWidget())
        parts.prepend(QString::fromLatin1(w->metaObject()->className()) + QLatin1Char('#') +
                      w->objectName());
    return parts.join(QLatin1Char('/'));
}

bool isControl(const QWidget *w)
{
    return qobject_cast<const QAbstractButton *>(w) || qobject_cast<const QLineEdit *>(w) ||
        qobject_cast<const QPlainTextEdit *>(w) || qobject_cast<const QComboBox *>(w) ||
        qobject_cast<const QAbstractItemView *>(w) || qobject_cast<const QProgressBar *>(w);
}

bool isInsideComboBox(const QWidget *w)
{
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (qobject_cast<const QComboBox *>(p))
            return true;
    }
    return false;
}

} // namespace

QString labelText(const QObject *root, const QString &name)
{
    const QLabel *label = findNamed<QLabel>(root, name);
    return label ? label->text() : QString();
}

bool clickNamed(const QObject *root, const QString &name)
{
    auto *button = findNamed<QAbstractButton>(root, name);
    if (!button)
        return false;
    if (!button->isEnabled()) {
        ADD_FAILURE() << name.toStdString() << " is disabled: " << button->toolTip().toStdString();
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

bool typeInto(const QObject *root, const QString &name, const QString &text)
{
    auto *edit = findNamed<QLineEdit>(root, name);
    if (!edit)
        return false;
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    return edit->text() == text;
}

QPushButton *buttonByText(const QObject *root, const QString &textPrefix)
{
    if (root) {
        for (QPushButton *b : root->findChildren<QPushButton *>()) {
            if (b->text().remove(QLatin1Char('&')).startsWith(textPrefix))
                return b;
        }
    }
    ADD_FAILURE() << "no button \"" << textPrefix.toStdString() << "…\"";
    return nullptr;
}

bool showAndActivate(QWidget &window)
{
    window.show();
    window.activateWindow();
    const bool exposed = QTest::qWaitForWindowExposed(&window);
    const bool active = QTest::qWaitForWindowActive(&window);
    EXPECT_TRUE(exposed) << pathOf(&window).toStdString() << " was not exposed";
    EXPECT_TRUE(active) << pathOf(&window).toStdString() << " did not become active";
    return exposed && active;
}

QString answerMessageBox(const QObject *root, const QString &objectName,
                         QMessageBox::StandardButton button, int timeoutMs)
{
    QMessageBox *box = nullptr;
    waitUntil(
        [&] {
            for (QMessageBox *candidate : root->findChildren<QMessageBox *>(objectName)) {
                if (candidate->isVisible())
                    box = candidate;
            }
            return box != nullptr;
        },
        timeoutMs);
    if (!box) {
        ADD_FAILURE() << "no message box '" << objectName.toStdString() << "' appeared";
        return {};
    }
    const QString text = box->text();
    QAbstractButton *answer = box->button(button);
    if (!answer) {
        ADD_FAILURE() << "message box '" << objectName.toStdString() << "' has no such button";
        return text;
    }
    QTest::mouseClick(answer, Qt::LeftButton);
    return text;
}

int expectAccessibleNames(const QWidget *root, AccessibleCheck which, bool namedLabels,
                          const QStringList &exceptLabels)
{
    int checked = 0;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool label = namedLabels && qobject_cast<QLabel *>(w) && !w->objectName().isEmpty() &&
            !exceptLabels.contains(w->objectName());
        if (!label && !isControl(w))
            continue;
        if (isInsideComboBox(w))
            continue; // a combo box's own popup and editor: the combo box itself is checked
        if (which == AccessibleCheck::OwnControlsOnly &&
            (w->objectName().isEmpty() || w->objectName().startsWith(QLatin1String("qt_"))))
            continue;
        ++checked;
        EXPECT_FALSE(w->accessibleName().isEmpty())
            << pathOf(w).toStdString() << " has no accessible name";
    }
    return checked;
}

} // namespace aerodesk::test
