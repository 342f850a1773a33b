#include "ui/common/SecretText.h"

#include <QLineEdit>

namespace aerodesk::ui {

crypto::SecureBytes takeSecretText(QLineEdit &edit)
{
    QString text = edit.text(); // shares the edit's buffer
    edit.setText(QString()); // now `text` is that buffer's only owner
    crypto::SecureBytes secret = crypto::SecureBytes::fromUtf8(text);
    crypto::secureWipe(text);
    return secret;
}

} // namespace aerodesk::ui
