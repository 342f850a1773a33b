#pragma once

#include "core/crypto/SecureBytes.h"

class QLineEdit;

namespace aerodesk::ui {

/// Takes a secret out of a line edit (a pasted API secret or webhook secret) as UTF-8 bytes
/// and leaves no copy behind in the edit's text buffer: the edit is emptied with setText(),
/// which also drops its undo history, so the QString taken from it is then its buffer's only
/// owner and is wiped in place. (clear() would keep the history, and wiping a QString while the
/// edit still shares it only drops the reference.)
crypto::SecureBytes takeSecretText(QLineEdit &edit);

} // namespace aerodesk::ui
