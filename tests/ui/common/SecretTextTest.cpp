// Finding 8b (issue 13), the QLineEdit half: a secret pasted into a password field and taken
// out of it (the webhook secret dialog, the Settings panel's secrets) leaves no copy in the
// edit's text buffer. The secret is 200 ASCII characters (400 bytes as UTF-16: glibc keeps a
// freed block of that size with all but its first bytes intact, so an unwiped buffer is found).
#include "ui/common/SecretText.h"

#include "core/crypto/Random.h"
#include "tests/support/MemoryScan.h"
#include "ui/webhooks/WebhookSecretDialog.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>
#include <optional>

using aerodesk::crypto::SecureBytes;
using aerodesk::test::countInProcessMemory;
using aerodesk::test::MaskedSecret;

namespace {

void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        QTest::qWait(10);
    }
}

/// Pastes a fresh 200-character secret into `edit` (as a paste does: one insert), keeping only
/// its masked UTF-16 form (a window from the middle) for the scan.
MaskedSecret pasteSecret(QLineEdit &edit)
{
    SecureBytes secret = aerodesk::crypto::Random::secretBytes(200);
    for (std::size_t i = 0; i < secret.size(); ++i)
        secret.data()[i] = static_cast<unsigned char>('A' + secret.data()[i] % 26);
    const MaskedSecret window = MaskedSecret::fromPlain(secret.data() + 50, 48).asUtf16();
    QString text = QString::fromLatin1(secret.constChar(), qsizetype(secret.size()));
    edit.insert(text);
    aerodesk::crypto::secureWipe(text);
    return window;
}

TEST(SecretText, TakingASecretFromALineEditLeavesNoCopyInIt)
{
    QLineEdit edit;
    edit.setEchoMode(QLineEdit::Password);
    const MaskedSecret window = pasteSecret(edit);
    settle();
    ASSERT_GE(countInProcessMemory(window), 1) << "the scan must see the pasted secret";

    SecureBytes taken = aerodesk::ui::takeSecretText(edit);
    EXPECT_EQ(taken.size(), 200U);
    EXPECT_TRUE(edit.text().isEmpty());
    EXPECT_FALSE(edit.isUndoAvailable());
    settle();
    QString where;
    EXPECT_EQ(countInProcessMemory(window, &where), 0)
        << "a UTF-16 copy is left in " << where.toStdString();
}

TEST(SecretText, WebhookSecretDialogTakeSecretLeavesNoCopy)
{
    std::optional<MaskedSecret> window;
    {
        aerodesk::ui::WebhookSecretDialog dialog;
        window = pasteSecret(*dialog.secretEdit());
        settle();
        ASSERT_GE(countInProcessMemory(*window), 1);
        SecureBytes taken = dialog.takeSecret();
        EXPECT_EQ(taken.size(), 200U);
        settle();
        QString where;
        EXPECT_EQ(countInProcessMemory(*window, &where), 0)
            << "a UTF-16 copy is left in " << where.toStdString();
    }
}

TEST(SecretText, ACancelledWebhookSecretDialogLeavesNoCopy)
{
    std::optional<MaskedSecret> window;
    {
        aerodesk::ui::WebhookSecretDialog dialog;
        window = pasteSecret(*dialog.secretEdit());
    } // closed without taking the secret
    settle();
    QString where;
    EXPECT_EQ(countInProcessMemory(*window, &where), 0)
        << "a UTF-16 copy is left in " << where.toStdString();
}

} // namespace
