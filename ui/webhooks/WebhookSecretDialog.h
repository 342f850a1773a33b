#pragma once

#include "core/crypto/SecureBytes.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;

namespace aerodesk::ui {

/// "Set secret…": enter a webhook signing secret (password field with a Show toggle) and choose
/// whether the old one stays accepted as the previous secret for the overlap window.
class WebhookSecretDialog : public QDialog
{
    Q_OBJECT
public:
    explicit WebhookSecretDialog(QWidget *parent = nullptr);
    ~WebhookSecretDialog() override;

    /// The entered secret; the field is wiped.
    crypto::SecureBytes takeSecret();
    bool keepPrevious() const;
    QLineEdit *secretEdit() const { return m_secret; }

private:
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_show = nullptr;
    QCheckBox *m_keep = nullptr;
};

} // namespace aerodesk::ui
