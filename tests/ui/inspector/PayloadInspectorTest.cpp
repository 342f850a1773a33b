// The payload inspector on real widgets against the real sandbox and keychain: sandbox keys
// into the keychain, sample events decrypted (userCode masked, attemptId shown), answers that
// get 204, and malformed input with its own message.

#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/inspector/PayloadInspectorPanel.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

class PayloadInspector : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                          QString::fromLatin1(keychain::entries::kProviderPublicKey) });
        rig.setEnvironment();
        panel = std::make_unique<ui::PayloadInspectorPanel>(rig.session());
        panel->resize(900, 700);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        // A fresh profile has no key yet: the panel says so and Decrypt is disabled with a reason.
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("No partner private key")); },
            20000))
            << label("keyLabel").toStdString();
        QTest::mouseClick(button("Use sandbox keys"), Qt::LeftButton);
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("fingerprint")); }, 30000))
            << label("keyLabel").toStdString();
    }

    QString label(const char *name) const
    {
        return test::labelText(panel.get(), QLatin1String(name));
    }
    QPushButton *button(const char *textPrefix) const
    {
        return test::buttonByText(panel.get(), QLatin1String(textPrefix));
    }
    QPushButton *byName(const char *name) const
    {
        return test::findNamed<QPushButton>(panel.get(), QLatin1String(name));
    }

    void sample(bool connect)
    {
        QSignalSpy loaded(panel.get(), &ui::PayloadInspectorPanel::sampleLoaded);
        QTest::mouseClick(button(connect ? "Sample connect event" : "Sample silent-auth event"),
                          Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() == 1; }, 20000))
            << label("errorLabel").toStdString();
        ASSERT_TRUE(byName("decryptButton")->isEnabled())
            << byName("decryptButton")->toolTip().toStdString();
        QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
        ASSERT_NE(panel->payload(), nullptr) << label("errorLabel").toStdString();
    }

    int answerAndWait()
    {
        QSignalSpy answered(panel.get(), &ui::PayloadInspectorPanel::answered);
        EXPECT_TRUE(byName("answerButton")->isEnabled())
            << byName("answerButton")->toolTip().toStdString();
        QTest::mouseClick(byName("answerButton"), Qt::LeftButton);
        EXPECT_TRUE(waitUntil([&] { return answered.count() == 1; }, 20000));
        return answered.isEmpty() ? -1 : answered.first().at(0).toInt();
    }

    test::SessionRig rig;
    std::unique_ptr<ui::PayloadInspectorPanel> panel;
};

} // namespace

TEST_F(PayloadInspector, ConnectEventDecryptsMaskedAndItsAnswerGets204)
{
    sample(true);
    EXPECT_TRUE(label("summaryLabel").contains(QLatin1String("Connect event")));
    const QString code = panel->payload()->userCode().toUtf8String();
    ASSERT_EQ(code.size(), 32);
    const QString json =
        panel->findChild<QPlainTextEdit *>(QStringLiteral("jsonView"))->toPlainText();
    EXPECT_TRUE(json.contains(QLatin1String("retUrl")));
    EXPECT_FALSE(json.contains(code)) << "the JSON view never shows the userCode";
    EXPECT_FALSE(label("userCodeLabel").contains(code));
    QTest::mouseClick(byName("revealButton"), Qt::LeftButton);
    EXPECT_TRUE(label("userCodeLabel").contains(code)) << "an explicit reveal shows it";
    QTest::mouseClick(byName("revealButton"), Qt::LeftButton);
    EXPECT_FALSE(label("userCodeLabel").contains(code));

    EXPECT_EQ(answerAndWait(), 204);
    EXPECT_TRUE(label("answerResult").contains(QLatin1String("204")))
        << label("answerResult").toStdString();
}

TEST_F(PayloadInspector, SilentAuthShowsTheAttemptIdAndTheEncryptedReplyGets204)
{
    sample(true);
    ASSERT_EQ(answerAndWait(), 204);
    sample(false);
    const QString attempt = panel->payload()->attemptId();
    ASSERT_EQ(attempt.size(), 32);
    EXPECT_TRUE(label("summaryLabel").contains(attempt));
    EXPECT_EQ(answerAndWait(), 204) << label("answerResult").toStdString();
    // Single use: answering again shows the provider's refusal.
    EXPECT_EQ(answerAndWait(), 0);
    EXPECT_TRUE(label("answerResult").contains(QLatin1String("EB-409")))
        << label("answerResult").toStdString();
}

TEST_F(PayloadInspector, MalformedInputGetsItsOwnMessage)
{
    panel->setPayloadText(QStringLiteral("abcq"));
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    EXPECT_EQ(panel->payload(), nullptr);
    EXPECT_TRUE(label("errorLabel").contains(QLatin1String("bad-hex")))
        << label("errorLabel").toStdString();
    EXPECT_EQ(panel->findChild<QPlainTextEdit *>(QStringLiteral("payloadInput"))
                  ->textCursor()
                  .selectionStart(),
              3)
        << "the cursor is put on the offending character";

    panel->setPayloadText(QStringLiteral("00ff"));
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    EXPECT_TRUE(label("errorLabel").contains(QLatin1String("wrong-length")))
        << label("errorLabel").toStdString();
    EXPECT_FALSE(byName("answerButton")->isEnabled());
}

TEST_F(PayloadInspector, SilentAuthWithoutAConnectExplainsWhyItCannotAnswer)
{
    // An auth event for a user connected by another client: no userCode in this session.
    sample(true);
    ASSERT_EQ(answerAndWait(), 204);
    rig.setEnvironment(); // a new session state forgets the userCode
    ASSERT_TRUE(
        waitUntil([&] { return label("keyLabel").contains(QLatin1String("fingerprint")); }, 20000));
    sample(false);
    EXPECT_FALSE(byName("answerButton")->isEnabled());
    EXPECT_TRUE(byName("answerButton")->toolTip().contains(QLatin1String("connect event")))
        << byName("answerButton")->toolTip().toStdString();
}

TEST_F(PayloadInspector, EveryControlHasAnAccessibleName)
{
    EXPECT_GE(test::expectAccessibleNames(panel.get()), 12);
}
