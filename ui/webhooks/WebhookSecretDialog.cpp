#include "ui/webhooks/WebhookSecretDialog.h"

#include "ui/common/SecretText.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace aerodesk::ui {

WebhookSecretDialog::WebhookSecretDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("webhookSecretDialog"));
    setWindowTitle(tr("Set the webhook secret"));
    setAccessibleName(tr("Set the webhook secret"));
    auto *form = new QFormLayout(this);
    auto *intro = new QLabel(tr("The secret that signs this environment's webhook deliveries. It "
                                "is kept in the keychain only."),
                             this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setAccessibleName(tr("Webhook secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Secret:"), m_secret);
    m_show = new QCheckBox(tr("S&how the secret"), this);
    m_show->setObjectName(QStringLiteral("showSecret"));
    m_show->setAccessibleName(tr("Show the secret"));
    form->addRow(m_show);
    m_keep = new QCheckBox(
        tr("&Keep the old secret accepted as the previous one for the overlap window"), this);
    m_keep->setObjectName(QStringLiteral("keepPrevious"));
    m_keep->setAccessibleName(tr("Keep the old secret as the previous one"));
    m_keep->setChecked(true);
    form->addRow(m_keep);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save the webhook secret"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    form->addRow(buttons);
    connect(m_show, &QCheckBox::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    connect(m_secret, &QLineEdit::textChanged, this, [buttons](const QString &t) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!t.isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

WebhookSecretDialog::~WebhookSecretDialog()
{
    if (m_secret)
        takeSecretText(*m_secret); // a cancelled dialog leaves no copy either
}

crypto::SecureBytes WebhookSecretDialog::takeSecret()
{
    return takeSecretText(*m_secret);
}

bool WebhookSecretDialog::keepPrevious() const
{
    return m_keep->isChecked();
}

} // namespace aerodesk::ui
