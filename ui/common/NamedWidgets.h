#pragma once

#include <QString>

class QLabel;
class QPushButton;
class QWidget;

namespace aerodesk::ui {

/// Widgets as every panel builds them: an objectName that tests and the screenshot tour find, and
/// an accessible name for screen readers (both required; see the accessible-name tests).

/// A push button with `text` (through tr() by the caller), objectName `name` and accessible name.
QPushButton *namedButton(const QString &text, const QString &name, const QString &accessible,
                         QWidget *parent);
/// A word-wrapping label with objectName `name` and accessible name, empty until set.
QLabel *namedLabel(const QString &name, const QString &accessible, QWidget *parent);

} // namespace aerodesk::ui
