#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace aerodesk::ui {

/// "Paste a connection id": a line edit, an inline message and Add. The text goes through
/// connections::ConnectionId::validate; a bad id keeps the dialog open with the validator's
/// sentence under the field (and adds nothing); a good one emits idAccepted(normalisedId) and
/// closes. Opened with open() (window-modal, no nested event loop).
class ConnectionIdDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionIdDialog(QWidget *parent = nullptr);

    QLineEdit *idEdit() const { return m_edit; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *addButton() const { return m_add; }

Q_SIGNALS:
    void idAccepted(const QString &connectionId);

private:
    void submit();

    QLineEdit *m_edit = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_add = nullptr;
};

} // namespace aerodesk::ui
