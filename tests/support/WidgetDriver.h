#pragma once
// Driving real widgets from GUI tests, the way a person would: find a control by its objectName,
// read a label, type, click (only an enabled control — a disabled one fails with its tooltip,
// which says why), answer a message box, and check that every control has an accessible name.
// Failures are reported through GoogleTest (ADD_FAILURE) with the widget's name, so a missing
// widget never crashes the test program.

#include <QMessageBox>
#include <QString>
#include <QWidget>

#include <gtest/gtest.h>

class QPushButton;

namespace aerodesk::test {

/// The descendant of `root` of type T named `name`, or null (and a test failure).
template<class T = QWidget> T *findNamed(const QObject *root, const QString &name)
{
    T *widget = root ? root->findChild<T *>(name) : nullptr;
    if (!widget)
        ADD_FAILURE() << "no " << T::staticMetaObject.className() << " named '"
                      << name.toStdString() << "'";
    return widget;
}

/// The text of the QLabel (or NoticeLine) named `name`; "" (and a failure) when absent.
QString labelText(const QObject *root, const QString &name);

/// Clicks the enabled button named `name`. Returns false (and a failure naming the tooltip, i.e.
/// the reason it is disabled) when it is absent or disabled.
bool clickNamed(const QObject *root, const QString &name);

/// Replaces the text of the line edit named `name` by typing `text` (select all, delete, keys).
bool typeInto(const QObject *root, const QString &name, const QString &text);

/// The push button under `root` whose text without '&' mnemonics starts with `textPrefix`.
QPushButton *buttonByText(const QObject *root, const QString &textPrefix);

/// Shows `window`, activates it and waits until it is exposed and active (shortcuts need an
/// active window). Returns false when either does not happen.
bool showAndActivate(QWidget &window);

/// Waits for a visible QMessageBox named `objectName` under `root` and clicks `button` in it.
/// Returns the box's text ("" and a failure when none appeared within `timeoutMs`).
QString answerMessageBox(const QObject *root, const QString &objectName,
                         QMessageBox::StandardButton button, int timeoutMs = 5000);

enum class AccessibleCheck {
    AllControls, ///< every button, edit, combo box, item view and progress bar
    OwnControlsOnly ///< skip Qt's own unnamed parts (clear, corner and header buttons…)
};

/// Expects an accessible name on every button, line edit, plain-text edit, combo box, item view
/// and progress bar under `root` (and on every QLabel with an objectName when `namedLabels`,
/// except those in `exceptLabels`). Each failure names the widget's path. Returns how many
/// widgets were checked, so a test can also expect a minimum.
int expectAccessibleNames(const QWidget *root, AccessibleCheck which = AccessibleCheck::AllControls,
                          bool namedLabels = false, const QStringList &exceptLabels = {});

} // namespace aerodesk::test
