// The payload inspector on real widgets against the real sandbox and keychain: sandbox keys
// into the keychain, sample events decrypted (userCode masked, attemptId shown) and handled for
// a named partner user through the session's EmbeddedWorkflow — two users whose silent
// authentication sends each one's own code, a user with no code, a keychain that cannot store,
// a replacement that must be confirmed, pasted input that needs normalising.

#include "core/embedded/EmbeddedWorkflow.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "tests/support/EmbeddedState.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/inspector/PayloadInspectorPanel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = aerodesk::keychain::KeychainError::Kind;

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
        panel->resize(900, 900);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        // A fresh profile has no key yet: the panel says so and Decrypt is disabled with a reason.
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("No partner private key")); },
            20000))
            << label("keyLabel").toStdString();
        // The empty state says what to do first: get a key (here, the sandbox's).
        EXPECT_TRUE(label("summaryLabel").contains(QLatin1String("First step")))
            << label("summaryLabel").toStdString();
        EXPECT_TRUE(label("summaryLabel").contains(QLatin1String("Use sandbox keys")));
        QTest::mouseClick(button("Use sandbox keys"), Qt::LeftButton);
        ASSERT_TRUE(waitUntil(
            [&] { return label("keyLabel").contains(QLatin1String("fingerprint")); }, 30000))
            << label("keyLabel").toStdString();
        EXPECT_FALSE(label("summaryLabel").contains(QLatin1String("First step")))
            << "the next step once a key is there";
        EXPECT_TRUE(label("summaryLabel").contains(QLatin1String("sample connect event")));
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
    QComboBox *userBox() const
    {
        return test::findNamed<QComboBox>(panel.get(), QStringLiteral("partnerUserBox"));
    }
    QPlainTextEdit *input() const
    {
        return test::findNamed<QPlainTextEdit>(panel.get(), QStringLiteral("payloadInput"));
    }

    /// Names `user` (as typed), asks the sandbox for a sample event and decrypts it.
    void sample(bool connect, const QString &user)
    {
        ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("partnerUserEdit"), user));
        QSignalSpy loaded(panel.get(), &ui::PayloadInspectorPanel::sampleLoaded);
        QTest::mouseClick(button(connect ? "Sample connect event" : "Sample silent-auth event"),
                          Qt::LeftButton);
        ASSERT_TRUE(waitUntil([&] { return loaded.count() == 1; }, 20000))
            << label("errorLabel").toStdString();
        EXPECT_EQ(panel->partnerUser(), user) << "the sample is for the user the sandbox named";
        ASSERT_TRUE(byName("decryptButton")->isEnabled())
            << byName("decryptButton")->toolTip().toStdString();
        QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
        ASSERT_NE(panel->payload(), nullptr) << label("errorLabel").toStdString();
        ASSERT_NE(panel->pendingEventId(), 0) << label("userNotice").toStdString();
    }

    /// Clicks `buttonName` and waits for the outcome; the provider's HTTP status (0: none).
    int click(const char *buttonName)
    {
        QSignalSpy answered(panel.get(), &ui::PayloadInspectorPanel::answered);
        EXPECT_TRUE(byName(buttonName)->isEnabled()) << byName(buttonName)->toolTip().toStdString();
        QTest::mouseClick(byName(buttonName), Qt::LeftButton);
        EXPECT_TRUE(waitUntil([&] { return answered.count() == 1; }, 30000))
            << label("answerResult").toStdString();
        return answered.isEmpty() ? -1 : answered.first().at(0).toInt();
    }
    int answerOk() { return click("answerOkButton"); }

    void connectUser(const QString &user)
    {
        sample(true, user);
        ASSERT_EQ(answerOk(), 204) << label("answerResult").toStdString();
        ASSERT_TRUE(panel->lastOutcome() && panel->lastOutcome()->codeStored);
    }

    void chooseStatus(const QString &value)
    {
        auto *chooser = test::findNamed<QComboBox>(panel.get(), QStringLiteral("statusChooser"));
        const int index = chooser->findData(value);
        ASSERT_GE(index, 0) << value.toStdString();
        chooser->setCurrentIndex(index);
    }

    test::SessionRig rig;
    std::unique_ptr<ui::PayloadInspectorPanel> panel;
};

} // namespace

TEST_F(PayloadInspector, ConnectEventDecryptsMaskedAndItsAnswerStoresTheCodeForTheUser)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("masked"));
    sample(true, user);
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

    EXPECT_EQ(answerOk(), 204);
    EXPECT_EQ(test::labelText(panel.get(), QStringLiteral("answerResult")).contains(user), true)
        << label("answerResult").toStdString();
    EXPECT_EQ(test::storedUserCode(rig, user), Kind::None) << "stored for the named user";
    EXPECT_FALSE(label("answerResult").contains(code));
    // The event is answered: both ways of answering it are closed, with the reason.
    EXPECT_FALSE(byName("answerOkButton")->isEnabled());
    EXPECT_FALSE(byName("sendStatusButton")->isEnabled());
    EXPECT_TRUE(byName("answerOkButton")->toolTip().contains(QLatin1String("answered")));
    // The user is in the partner-user box now.
    EXPECT_GE(userBox()->findText(user), 0);
}

TEST_F(PayloadInspector, TwoUsersSilentAuthSendsTheNamedUsersCodeNeverTheOther)
{
    const QString a = test::uniquePartnerUser(rig, QStringLiteral("alice"));
    const QString b = test::uniquePartnerUser(rig, QStringLiteral("bob"));
    connectUser(a);
    connectUser(b);
    ASSERT_GE(userBox()->findText(a), 0);
    ASSERT_GE(userBox()->findText(b), 0);

    // B's silent authentication right after A's connect: the panel holds no "last" code; the
    // workflow sends B's stored code, which the sandbox decrypts and compares.
    sample(false, b);
    const QString attempt = panel->payload()->attemptId();
    ASSERT_EQ(attempt.size(), 32);
    EXPECT_TRUE(label("summaryLabel").contains(attempt));
    EXPECT_EQ(answerOk(), 204) << label("answerResult").toStdString();
    EXPECT_EQ(test::sandboxEbUser(rig, b).value(QStringLiteral("state")).toString(),
              QStringLiteral("authenticated"));
    EXPECT_EQ(test::sandboxEbUser(rig, a).value(QStringLiteral("state")).toString(),
              QStringLiteral("connected"))
        << "A was not authenticated: B's code was sent, never A's";
    EXPECT_TRUE(test::sandboxEbLog(rig, QStringLiteral("auth-answer"), a).isEmpty());
}

TEST_F(PayloadInspector, NoUserNamedMeansNoAnswer)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("unnamed"));
    sample(true, user);
    // Clear the name: the event cannot be answered, and the tooltip says why.
    userBox()->setEditText(QString());
    EXPECT_FALSE(byName("answerOkButton")->isEnabled());
    EXPECT_FALSE(byName("sendStatusButton")->isEnabled());
    EXPECT_TRUE(byName("answerOkButton")->toolTip().contains(QLatin1String("partner user")))
        << byName("answerOkButton")->toolTip().toStdString();
    // Decrypting again without a name says so in a notice.
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    ASSERT_NE(panel->payload(), nullptr);
    EXPECT_EQ(panel->pendingEventId(), 0);
    EXPECT_TRUE(label("userNotice").contains(QLatin1String("partner user")))
        << label("userNotice").toStdString();
    // Naming the user makes it answerable, for that user.
    userBox()->setEditText(user);
    EXPECT_EQ(answerOk(), 204) << label("answerResult").toStdString();
    EXPECT_EQ(panel->lastOutcome()->user, user);
}

TEST_F(PayloadInspector, SilentAuthForAUserWithNoCodeCannotSendOkButCanSendAStatus)
{
    const QString a = test::uniquePartnerUser(rig, QStringLiteral("holder"));
    const QString ghost = test::uniquePartnerUser(rig, QStringLiteral("ghost"));
    connectUser(a);
    sample(false, a);
    // Handled for a user who never connected here: there is no code to send.
    userBox()->setEditText(ghost);
    EXPECT_EQ(answerOk(), 0);
    ASSERT_TRUE(panel->lastOutcome());
    EXPECT_EQ(panel->lastOutcome()->result, embedded::EventOutcome::Result::NotSent);
    EXPECT_TRUE(panel->lastOutcome()->statusSent.isEmpty()) << "nothing was sent";
    EXPECT_TRUE(label("answerResult").contains(ghost)) << label("answerResult").toStdString();
    // The status chooser is highlighted with the suggested status preselected.
    auto *chooser = test::findNamed<QComboBox>(panel.get(), QStringLiteral("statusChooser"));
    EXPECT_EQ(chooser->currentData().toString(), QStringLiteral("USER_NOT_AUTHENTICATED"));
    EXPECT_TRUE(test::findNamed<QGroupBox>(panel.get(), QStringLiteral("statusBox"))
                    ->title()
                    .contains(QLatin1String("OK cannot be sent")));
    EXPECT_TRUE(label("statusHint").contains(QLatin1String("USER_NOT_AUTHENTICATED")));
    EXPECT_TRUE(test::sandboxEbLog(rig, QStringLiteral("auth-answer"), a).isEmpty())
        << "nothing reached the sandbox";

    // Send status reaches the sandbox, which records the refused attempt.
    click("sendStatusButton");
    ASSERT_TRUE(panel->lastOutcome());
    EXPECT_EQ(panel->lastOutcome()->result, embedded::EventOutcome::Result::Answered)
        << label("answerResult").toStdString();
    EXPECT_EQ(panel->lastOutcome()->statusSent, QStringLiteral("USER_NOT_AUTHENTICATED"));
    const QJsonArray log = test::sandboxEbLog(rig, QStringLiteral("auth-answer"), a);
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("outcome")).toString(),
              QStringLiteral("refused"));
    EXPECT_TRUE(log.at(0)
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("USER_NOT_AUTHENTICATED")));
}

TEST_F(PayloadInspector, ACustomStatusIsCheckedBeforeItCanBeSent)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("custom"));
    sample(true, user);
    auto *chooser = test::findNamed<QComboBox>(panel.get(), QStringLiteral("statusChooser"));
    auto *custom = test::findNamed<QLineEdit>(panel.get(), QStringLiteral("customStatus"));
    EXPECT_FALSE(custom->isEnabled());
    // The document's three cases first, their "when" as tooltip, then Custom….
    ASSERT_EQ(chooser->count(), 4);
    EXPECT_FALSE(chooser->itemData(0, Qt::ToolTipRole).toString().isEmpty());
    chooser->setCurrentIndex(chooser->count() - 1);
    EXPECT_TRUE(custom->isEnabled());
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("customStatus"), QStringLiteral("OK")));
    EXPECT_FALSE(byName("sendStatusButton")->isEnabled()) << "OK is not a non-OK status";
    EXPECT_FALSE(byName("sendStatusButton")->toolTip().isEmpty());
    ASSERT_TRUE(
        test::typeInto(panel.get(), QStringLiteral("customStatus"), QStringLiteral("bad value")));
    EXPECT_FALSE(byName("sendStatusButton")->isEnabled());
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("customStatus"),
                               QStringLiteral("PARTNER_MAINTENANCE")));
    ASSERT_TRUE(byName("sendStatusButton")->isEnabled())
        << byName("sendStatusButton")->toolTip().toStdString();
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("reasonEdit"),
                               QStringLiteral("planned maintenance")));
    click("sendStatusButton");
    EXPECT_EQ(panel->lastOutcome()->statusSent, QStringLiteral("PARTNER_MAINTENANCE"));
    const QJsonArray log = test::sandboxEbLog(rig, QStringLiteral("connect-answer"), user);
    ASSERT_EQ(log.size(), 1);
    EXPECT_TRUE(log.at(0)
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("planned maintenance")));
    EXPECT_EQ(test::storedUserCode(rig, user), Kind::NotFound) << "a non-OK answer stores nothing";
}

TEST_F(PayloadInspector, ASecondConnectReplacesTheCodeOnlyAfterConfirmation)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("again"));
    connectUser(user);
    sample(true, user);
    QSignalSpy asked(panel.get(), &ui::PayloadInspectorPanel::confirmationAsked);
    QTest::mouseClick(byName("answerOkButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return asked.count() == 1; }, 10000));
    // Cancel keeps the stored code and sends nothing.
    EXPECT_TRUE(
        test::answerMessageBox(panel.get(), QStringLiteral("replaceCodeBox"), QMessageBox::Cancel)
            .contains(user));
    EXPECT_TRUE(label("answerResult").contains(QLatin1String("kept")))
        << label("answerResult").toStdString();
    EXPECT_NE(panel->pendingEventId(), 0);
    EXPECT_EQ(test::sandboxEbLog(rig, QStringLiteral("connect-answer"), user).size(), 1);

    // Confirmed: the new code replaces the old one and OK is sent.
    QSignalSpy answered(panel.get(), &ui::PayloadInspectorPanel::answered);
    QTest::mouseClick(byName("answerOkButton"), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return asked.count() == 2; }, 10000));
    EXPECT_TRUE(
        test::answerMessageBox(panel.get(), QStringLiteral("replaceCodeBox"), QMessageBox::Yes)
            .contains(user));
    ASSERT_TRUE(waitUntil([&] { return answered.count() == 1; }, 30000));
    EXPECT_EQ(answered.first().at(0).toInt(), 204) << label("answerResult").toStdString();
    EXPECT_EQ(test::sandboxEbLog(rig, QStringLiteral("connect-answer"), user).size(), 2);
}

TEST_F(PayloadInspector, AKeychainThatCannotStoreSendsDataStoreUnavailable)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("nostore"));
    sample(true, user);
    // The key is loaded and the event decrypted; now every keychain call times out at once.
    rig.session().keychain()->setTimeoutMs(0);
    const int status = answerOk();
    rig.session().keychain()->setTimeoutMs(15000);
    EXPECT_EQ(status, 400) << "the sandbox records DATA_STORE_UNAVAILABLE as a failed connect";
    ASSERT_TRUE(panel->lastOutcome());
    EXPECT_EQ(panel->lastOutcome()->statusSent, QStringLiteral("DATA_STORE_UNAVAILABLE"));
    EXPECT_FALSE(panel->lastOutcome()->codeStored);
    const QString result = label("answerResult");
    EXPECT_TRUE(result.contains(QLatin1String("could not be stored"))) << result.toStdString();
    EXPECT_TRUE(result.contains(QLatin1String("DATA_STORE_UNAVAILABLE"))) << result.toStdString();
    EXPECT_EQ(test::findNamed<ui::NoticeLine>(panel.get(), QStringLiteral("answerResult"))->kind(),
              ui::NoticeLine::Kind::Error);

    const QJsonArray log = test::sandboxEbLog(rig, QStringLiteral("connect-answer"), user);
    ASSERT_EQ(log.size(), 1);
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("outcome")).toString(),
              QStringLiteral("refused"));
    EXPECT_TRUE(log.at(0)
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("DATA_STORE_UNAVAILABLE")));
    // Nothing half-done: no userCode entry for the user (the late keychain jobs included).
    QTest::qWait(500);
    EXPECT_EQ(test::storedUserCode(rig, user), Kind::NotFound);
}

TEST_F(PayloadInspector, WrappedAndPrefixedInputDecryptsWithANote)
{
    const QString user = test::uniquePartnerUser(rig, QStringLiteral("wrapped"));
    sample(true, user);
    const QString hex = input()->toPlainText().trimmed();
    QString wrapped = QStringLiteral("0x");
    for (qsizetype i = 0; i < hex.size(); i += 64)
        wrapped += hex.mid(i, 64) + QLatin1Char('\n');
    panel->setPayloadText(wrapped);
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    ASSERT_NE(panel->payload(), nullptr) << label("errorLabel").toStdString();
    const QString note = label("hexNote");
    EXPECT_TRUE(note.contains(QLatin1String("0x"))) << note.toStdString();
    EXPECT_TRUE(note.contains(QLatin1String("line break"))) << note.toStdString();
    EXPECT_EQ(test::findNamed<ui::NoticeLine>(panel.get(), QStringLiteral("hexNote"))->kind(),
              ui::NoticeLine::Kind::Info);

    // Clean input: no note.
    panel->setPayloadText(hex);
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    ASSERT_NE(panel->payload(), nullptr);
    EXPECT_TRUE(label("hexNote").isEmpty());

    // A stray 'g' on the second line is named with its position, and the cursor put on it.
    QString stray = wrapped;
    const int at = 2 + 64 + 1 + 10; // "0x", the first line and its break, 10 into the second
    stray[at] = QLatin1Char('g');
    panel->setPayloadText(stray);
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    EXPECT_EQ(panel->payload(), nullptr);
    const QString error = label("errorLabel");
    EXPECT_TRUE(error.contains(QLatin1String("bad-hex"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("'g'")) || error.contains(QLatin1String("\"g\"")))
        << error.toStdString();
    EXPECT_TRUE(error.contains(QString::number(at))) << error.toStdString();
    EXPECT_TRUE(error.contains(QLatin1String("line 2"))) << error.toStdString();
    EXPECT_EQ(input()->textCursor().selectionStart(), at);
    EXPECT_TRUE(label("hexNote").isEmpty());
}

TEST_F(PayloadInspector, MalformedInputGetsItsOwnMessage)
{
    panel->setPayloadText(QStringLiteral("abcq"));
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    EXPECT_EQ(panel->payload(), nullptr);
    EXPECT_TRUE(label("errorLabel").contains(QLatin1String("bad-hex")))
        << label("errorLabel").toStdString();
    EXPECT_EQ(input()->textCursor().selectionStart(), 3)
        << "the cursor is put on the offending character";

    panel->setPayloadText(QStringLiteral("00ff"));
    QTest::mouseClick(byName("decryptButton"), Qt::LeftButton);
    EXPECT_TRUE(label("errorLabel").contains(QLatin1String("wrong-length")))
        << label("errorLabel").toStdString();
    EXPECT_FALSE(byName("answerOkButton")->isEnabled());
    EXPECT_FALSE(byName("sendStatusButton")->isEnabled());
}

TEST_F(PayloadInspector, EveryControlHasAnAccessibleName)
{
    EXPECT_GE(test::expectAccessibleNames(panel.get()), 15);
}
