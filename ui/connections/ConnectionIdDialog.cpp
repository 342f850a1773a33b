#include "ui/connections/ConnectionIdDialog.h"

#include "core/connections/ConnectionId.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

ConnectionIdDialog::ConnectionIdDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectionIdDialog"));
    setWindowTitle(tr("Add a connection by id"));
    setAccessibleName(tr("Add a connection by id"));

    auto *intro = new QLabel(tr("Paste a connectionId from a ticket or a partner's backend: 32 hex "
                                "digits or a dashed UUID."),
                             this);
    intro->setWordWrap(true);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("pastedConnectionId"));
    m_edit->setAccessibleName(tr("Connection id to add"));
    m_edit->setPlaceholderText(tr("e.g. 0f3c… (32 hex digits)"));
    m_edit->setClearButtonEnabled(true);
    for (auto *button : m_edit->findChildren<QAbstractButton *>())
        button->setAccessibleName(tr("Clear the id"));
    intro->setBuddy(m_edit);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("pastedConnectionIdError"));
    m_error->setAccessibleName(tr("Why the id was not accepted"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    QPalette warn = m_error->palette();
    warn.setColor(QPalette::WindowText, QColor(0xb9, 0x1c, 0x1c));
    m_error->setPalette(warn);

    auto *buttons = new QDialogButtonBox(this);
    m_add = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    m_add->setObjectName(QStringLiteral("addPastedId"));
    m_add->setAccessibleName(tr("Add the connection"));
    m_add->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel adding a connection"));
    // Add validates first; only a valid id closes the dialog (accepted() is not connected).
    connect(m_add, &QPushButton::clicked, this, &ConnectionIdDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QLineEdit::textChanged, m_error, &QLabel::hide);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

void ConnectionIdDialog::submit()
{
    auto valid = connections::ConnectionId::validate(m_edit->text());
    if (!valid.ok()) {
        m_error->setText(valid.error().message);
        m_error->show();
        m_edit->setFocus(Qt::OtherFocusReason);
        m_edit->selectAll();
        return;
    }
    Q_EMIT idAccepted(valid.value());
    accept();
}

} // namespace aerodesk::ui
