// The Webhooks panel on real widgets against the real sandbox and keychain: pasted bodies
// verified (tampered, re-serialised, every header fault), rotation with the overlap window,
// watching sandbox deliveries through the local listener, and the state before the session is
// ready. Signatures for pasted bodies are computed with Qt's QMessageAuthenticationCode, an
// implementation independent of the verifier under test.

#include "ui/webhooks/WebhooksPanel.h"

#include "core/keychain/Keychain.h"
#include "core/session/Session.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/SecretRingStore.h"
#include "core/webhooks/WebhookSecrets.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/MaskedSecretLabel.h"
#include "ui/common/NoticeLine.h"
#include "ui/webhooks/RotationReminderStatus.h"
#include "ui/webhooks/WebhookLogModel.h"
#include "ui/webhooks/WebhookSecretDialog.h"
#include "ui/webhooks/WebhookVerdictView.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMessageAuthenticationCode>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using K = webhooks::WebhookVerdict::Kind;
using S = webhooks::WebhookVerdict::Secret;

namespace {

QByteArray independentSignature(const QByteArray &body, const QByteArray &secret)
{
    return "sha256=" +
        QMessageAuthenticationCode::hash(body, secret, QCryptographicHash::Sha256).toHex();
}

const QByteArray kBody =
    R"({"data":{"message":"hello","status":"test"},"event":"test.event","merchant_id":"m-1","timestamp":1764054843})";

class WebhooksPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(webhooks::SecretRingStore::kCurrentName),
                          QString::fromLatin1(webhooks::SecretRingStore::kPreviousName) });
        settings = &rig.settings();
        rig.setEnvironment();
        panel = std::make_unique<ui::WebhooksPanel>(rig.session());
        panel->resize(1100, 760);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
        ASSERT_TRUE(waitUntil([&] { return panel->secretsLoaded(); }, 20000))
            << label("webhooksState").toStdString();
        EXPECT_TRUE(label("webhooksState").contains(QLatin1String("no webhook secret yet")))
            << label("webhooksState").toStdString();
    }
    template<class T = QWidget> T *child(const char *name) const
    {
        return test::findNamed<T>(panel.get(), QLatin1String(name));
    }
    QString label(const char *name) const
    {
        return test::labelText(panel.get(), QLatin1String(name));
    }
    void click(const char *name)
    {
        ASSERT_TRUE(test::clickNamed(panel.get(), QLatin1String(name)));
    }

    void rotateAndWait()
    {
        QSignalSpy changed(panel.get(), &ui::WebhooksPanel::secretsChanged);
        click("rotateButton");
        ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000))
            << label("webhooksState").toStdString();
    }

    /// Pastes through the clipboard into the body editor, as a support person would.
    void pasteBody(const QByteArray &body)
    {
        auto *edit = child<QPlainTextEdit>("bodyInput");
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        QApplication::clipboard()->setText(QString::fromUtf8(body));
        QTest::keyClick(edit, Qt::Key_V, Qt::ControlModifier);
    }

    webhooks::WebhookVerdict verifyWith(const QByteArray &header)
    {
        auto *line = child<QLineEdit>("signatureInput");
        line->clear();
        QTest::keyClicks(line, QString::fromLatin1(header));
        QSignalSpy verified(panel.get(), &ui::WebhooksPanel::verified);
        click("verifyButton");
        EXPECT_TRUE(waitUntil([&] { return verified.count() == 1; }, 10000));
        return panel->verdictView()->verdict();
    }

    test::SessionRig rig;
    QSettings *settings = nullptr; ///< the session's (the rig's), where the rotation time goes
    std::unique_ptr<ui::WebhooksPanel> panel;
};

} // namespace

TEST_F(WebhooksPanelTest, PastedBodyValidWithCurrentAndTamperedRejectedWithTheReason)
{
    // "Set secret…": the dialog, typed into its password field.
    click("setSecretButton");
    auto *dialog = panel->findChild<ui::WebhookSecretDialog *>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(waitUntil([&] { return dialog->isVisible(); }, 5000));
    QTest::keyClicks(dialog->secretEdit(), QStringLiteral("whsec-ui-1"));
    QSignalSpy changed(panel.get(), &ui::WebhooksPanel::secretsChanged);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000))
        << label("webhooksState").toStdString();
    ASSERT_TRUE(panel->ring()->current().equals(crypto::SecureBytes(QByteArrayView("whsec-ui-1"))));

    pasteBody(kBody);
    EXPECT_EQ(panel->body(), kBody) << "the exact bytes pasted are what gets verified";
    const QByteArray signature = independentSignature(kBody, "whsec-ui-1");

    webhooks::WebhookVerdict v = verifyWith(signature);
    EXPECT_EQ(v.kind, K::Valid) << v.message.toStdString();
    EXPECT_EQ(v.secret, S::Current);
    const QString validText = panel->verdictView()->text();
    EXPECT_TRUE(validText.contains(QStringLiteral("✔ Valid"))) << validText.toStdString();
    EXPECT_TRUE(validText.contains(QLatin1String("current"))) << validText.toStdString();
    EXPECT_FALSE(child<QLabel>("verdictIcon")->pixmap().isNull()) << "an icon, not colour alone";
    EXPECT_TRUE(panel->verdictView()->styleSheet().contains(QLatin1String("#15803d")));

    // Tampered: one character of the event changed.
    QByteArray tampered = kBody;
    tampered.replace("test.event", "test.evenT");
    pasteBody(tampered);
    v = verifyWith(signature);
    EXPECT_EQ(v.kind, K::NoSecretMatched);
    const QString rejected = panel->verdictView()->text();
    EXPECT_TRUE(rejected.contains(QStringLiteral("✘ Rejected"))) << rejected.toStdString();
    EXPECT_TRUE(rejected.contains(QLatin1String("no secret matched"))) << rejected.toStdString();
    EXPECT_TRUE(panel->verdictView()->styleSheet().contains(QLatin1String("#b91c1c")));

    // Re-serialised by a framework on the way: says which form.
    pasteBody(QJsonDocument::fromJson(kBody).toJson(QJsonDocument::Indented));
    v = verifyWith(signature);
    EXPECT_EQ(v.kind, K::ReserialisedBody);
    EXPECT_EQ(v.secret, S::Current);
    EXPECT_TRUE(panel->verdictView()->text().contains(QLatin1String("re-serialised body (")))
        << panel->verdictView()->text().toStdString();

    // Every header fault has its own words.
    pasteBody(kBody);
    const std::pair<QByteArray, const char *> faults[] = {
        { QByteArray(), "header missing" },
        { "sha1=" + signature.mid(7), "wrong prefix" },
        { "sha256=zz" + signature.mid(9), "bad hex" },
        { "sha256=abcd", "wrong length" },
    };
    for (const auto &[header, words] : faults) {
        verifyWith(header);
        EXPECT_TRUE(panel->verdictView()->text().contains(QLatin1String(words)))
            << words << ": " << panel->verdictView()->text().toStdString();
    }
    // Pasted bytes are kept exactly, including a no-break space and a tab inside strings.
    const QByteArray unusual = "{\"data\":{\"note\":\"a\xc2\xa0"
                               "b\tc\"},\"event\":\"job.balance\"}\n";
    pasteBody(unusual);
    EXPECT_EQ(panel->body(), unusual);
    EXPECT_EQ(verifyWith(independentSignature(unusual, "whsec-ui-1")).kind, K::Valid);
    pasteBody(kBody);

    // The header may be pasted with its name.
    v = verifyWith("X-Webhook-Signature: " + signature);
    EXPECT_EQ(v.kind, K::Valid);
}

TEST_F(WebhooksPanelTest, RotationKeepsTheOldSecretAsPreviousAndShowsTheOverlapEnd)
{
    rotateAndWait();
    const QString old = panel->ring()->current().toUtf8String();
    ASSERT_TRUE(old.startsWith(QLatin1String("whsec_"))) << "a generated secret";

    // Masked until revealed, in the label only.
    auto *current = child<ui::MaskedSecretLabel>("currentSecret");
    EXPECT_FALSE(current->shownText().contains(old));
    QTest::mouseClick(current->revealButton(), Qt::LeftButton);
    EXPECT_EQ(current->shownText(), old);
    QTest::mouseClick(current->revealButton(), Qt::LeftButton);
    EXPECT_FALSE(current->shownText().contains(old));

    rotateAndWait();
    ASSERT_FALSE(panel->ring()->current().toUtf8String() == old);
    EXPECT_EQ(panel->ring()->previous().toUtf8String(), old);
    const QDateTime until = panel->ring()->previousValidUntil();
    ASSERT_TRUE(until.isValid());
    EXPECT_EQ(until, panel->ring()->rotatedAt().addSecs(24 * 3600));
    EXPECT_TRUE(label("overlapLabel")
                    .contains(QStringLiteral("Previous secret accepted until %1")
                                  .arg(until.toUTC().toString(
                                      QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")))))
        << label("overlapLabel").toStdString();

    // Both are in the keychain (read back independently of the panel).
    std::optional<QString> previousInKeychain;
    rig.keychain().read(QString::fromLatin1(webhooks::SecretRingStore::kPreviousName),
                        [&](const keychain::KeychainError &e, crypto::SecureBytes value) {
                            previousInKeychain = e.ok() ? value.toUtf8String() : e.message;
                        });
    ASSERT_TRUE(waitUntil([&] { return previousInKeychain.has_value(); }, 20000));
    EXPECT_EQ(*previousInKeychain, old);

    // A body signed with the old secret (queued before the rotation) verifies as "previous".
    pasteBody(kBody);
    const webhooks::WebhookVerdict v = verifyWith(independentSignature(kBody, old.toUtf8()));
    EXPECT_EQ(v.kind, K::Valid) << v.message.toStdString();
    EXPECT_EQ(v.secret, S::Previous);
    EXPECT_TRUE(panel->verdictView()->text().contains(QLatin1String("previous")))
        << panel->verdictView()->text().toStdString();

    // The settings file has the rotation time and no secret.
    settings->sync();
    QFile f(settings->fileName());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    EXPECT_TRUE(ini.contains("rotatedAt"));
    EXPECT_FALSE(ini.contains(old.toUtf8()));
    EXPECT_FALSE(ini.contains(panel->ring()->current().rawView()));
}

TEST_F(WebhooksPanelTest, WatchingTheSandboxLogsTestDeliveriesAsValidAcrossARotation)
{
    EXPECT_FALSE(child<QPushButton>("watchButton")->isEnabled()) << "no secret yet";
    EXPECT_FALSE(child<QPushButton>("sendTestButton")->isEnabled());
    rotateAndWait();

    QSignalSpy watching(panel.get(), &ui::WebhooksPanel::watchingChanged);
    click("watchButton");
    ASSERT_TRUE(waitUntil([&] { return watching.count() == 1; }, 20000))
        << label("webhooksState").toStdString();
    ASSERT_TRUE(watching.first().at(0).toBool());
    EXPECT_FALSE(panel->subscriptionId().isEmpty());
    EXPECT_TRUE(panel->listenerUrl().startsWith(QLatin1String("http://127.0.0.1:")));
    EXPECT_TRUE(label("watchState").contains(panel->subscriptionId()));

    auto sendAndWait = [&] {
        QSignalSpy queued(panel.get(), &ui::WebhooksPanel::testEventQueued);
        QSignalSpy logged(panel.get(), &ui::WebhooksPanel::deliveryLogged);
        click("sendTestButton");
        EXPECT_TRUE(waitUntil([&] { return queued.count() == 1; }, 20000))
            << label("webhooksState").toStdString();
        EXPECT_TRUE(waitUntil([&] { return logged.count() >= 1; }, 30000));
        return logged.isEmpty() ? webhooks::WebhookLogEntry {}
                                : logged.first().at(0).value<webhooks::WebhookLogEntry>();
    };

    webhooks::WebhookLogEntry e = sendAndWait();
    EXPECT_EQ(e.event, QStringLiteral("test.event"));
    EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
    EXPECT_EQ(e.verdict.secret, S::Current);
    // The delivery's body and signature are kept for escalation bundles (issue 15).
    ASSERT_EQ(rig.session().webhookEvidence().size(), 1);
    const auto kept = rig.session().webhookEvidence().forSubject(QStringLiteral("test.event"));
    ASSERT_EQ(kept.size(), 1);
    EXPECT_TRUE(kept.first().signatureHeader.startsWith("sha256="));
    EXPECT_EQ(kept.first().verdict, QStringLiteral("valid"));
    EXPECT_EQ(kept.first().httpStatus, 200);
    ui::WebhookLogModel *model = panel->logModel();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(model->index(0, ui::WebhookLogModel::Event).data().toString(),
              QStringLiteral("test.event"));
    EXPECT_TRUE(model->index(0, ui::WebhookLogModel::Verdict)
                    .data()
                    .toString()
                    .contains(QLatin1String("valid")));
    EXPECT_EQ(model->index(0, ui::WebhookLogModel::Secret).data().toString(),
              QStringLiteral("current"));

    // Rotating while watching PATCHes the subscription: the next delivery uses the new secret.
    rotateAndWait();
    ASSERT_TRUE(
        waitUntil([&] { return label("watchState").contains(QLatin1String("new secret")); }, 20000))
        << label("watchState").toStdString() << " / " << label("webhooksState").toStdString();
    e = sendAndWait();
    EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
    EXPECT_EQ(e.verdict.secret, S::Current);
    EXPECT_EQ(model->rowCount(), 2);

    click("watchButton");
    ASSERT_EQ(watching.count(), 2);
    EXPECT_FALSE(watching.last().at(0).toBool());
    EXPECT_FALSE(child<QPushButton>("sendTestButton")->isEnabled());
}

namespace {

/// The panel on a session that has no environment yet.
class WebhooksPanelNotReady : public ::testing::Test
{
protected:
    SystemClock clock;
    QTemporaryDir dir;
    QSettings settings { dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat };
    session::Session session { clock, &settings };
    ui::WebhooksPanel panel { session };
};

} // namespace

TEST_F(WebhooksPanelNotReady, EverythingDisabledWithAReasonUntilTheSessionIsReady)
{
    for (const char *name :
         { "rotateButton", "setSecretButton", "verifyButton", "watchButton", "sendTestButton" }) {
        auto *b = panel.findChild<QPushButton *>(QLatin1String(name));
        ASSERT_NE(b, nullptr) << name;
        EXPECT_FALSE(b->isEnabled()) << name;
        EXPECT_TRUE(b->toolTip().contains(QLatin1String("Waiting for the environment")))
            << name << ": " << b->toolTip().toStdString();
    }
    EXPECT_TRUE(panel.findChild<QLabel *>(QStringLiteral("webhooksState"))
                    ->text()
                    .contains(QLatin1String("Waiting")));
    session.setEnvironmentFailed(QStringLiteral("The built-in sandbox could not start: boom"));
    EXPECT_TRUE(panel.findChild<QPushButton *>(QStringLiteral("rotateButton"))
                    ->toolTip()
                    .contains(QLatin1String("boom")));
}

TEST_F(WebhooksPanelNotReady, AccessibleNamesOnEveryControl)
{
    EXPECT_GE(test::expectAccessibleNames(&panel, test::AccessibleCheck::AllControls, true,
                                          { QStringLiteral("verdictIcon") }),
              15);
}

TEST(WebhookLogModelTest, MirrorsTheBoundedLogUnderTheModelTester)
{
    webhooks::WebhookLog log(3);
    ui::WebhookLogModel model(log);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    for (int i = 0; i < 5; ++i) {
        webhooks::WebhookVerdict v;
        v.kind = i % 2 ? K::Valid : K::NoSecretMatched;
        v.secret = i % 2 ? S::Previous : S::None;
        log.append({ QDateTime(QDate(2026, 11, 25), QTime(10, 0, i), Qt::UTC), v,
                     QStringLiteral("job.balance-%1").arg(i), 10 + i });
    }
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, ui::WebhookLogModel::Event).data().toString(),
              QStringLiteral("job.balance-2"))
        << "oldest dropped";
    EXPECT_EQ(model.index(1, ui::WebhookLogModel::Time).data().toString(),
              QStringLiteral("2026-11-25 10:00:03 UTC"));
    EXPECT_TRUE(model.index(1, ui::WebhookLogModel::Verdict)
                    .data()
                    .toString()
                    .contains(QLatin1String("valid (previous secret)")));
    EXPECT_TRUE(model.index(2, ui::WebhookLogModel::Verdict)
                    .data()
                    .toString()
                    .contains(QLatin1String("no secret matched")));
    EXPECT_FALSE(model.index(2, ui::WebhookLogModel::Verdict)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
    EXPECT_EQ(
        model.index(2, ui::WebhookLogModel::Size).data(ui::WebhookLogModel::RawRole).toLongLong(),
        14);
    model.clear();
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_EQ(log.size(), 0);
}

namespace {

/// A session on the real sandbox and keychain whose clock the test moves (the secret's age,
/// the previous secret's window); the webhook secrets it writes are removed at the end.
class WebhooksPanelClock : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(webhooks::SecretRingStore::kCurrentName),
                          QString::fromLatin1(webhooks::SecretRingStore::kPreviousName) });
        rig.setEnvironment();
    }

    FixedClock clock { QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC) };
    test::SessionRig rig { &clock };
};

} // namespace

TEST_F(WebhooksPanelClock, CrlfBodyKeptExactlyAndThePreviousSecretRefusedOnceItsWindowClosed)
{
    ui::WebhooksPanel panel(rig.session());
    panel.show();
    ASSERT_TRUE(waitUntil([&] { return panel.secretsLoaded(); }, 20000));
    for (const char *secret : { "whsec-old", "whsec-new" }) {
        QSignalSpy changed(&panel, &ui::WebhooksPanel::secretsChanged);
        panel.setSecret(crypto::SecureBytes(QByteArrayView(secret)), true);
        ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    }
    ASSERT_EQ(panel.ring()->previous().toUtf8String(), QStringLiteral("whsec-old"));

    // A body with CRLF line ends (opened from a file) is verified byte for byte.
    const QByteArray crlf =
        "{\r\n  \"event\": \"job.balance\",\r\n  \"timestamp\": 1764054843\r\n}";
    panel.setBody(crlf);
    EXPECT_EQ(panel.body(), crlf);
    panel.setSignatureHeader(QString::fromLatin1(independentSignature(crlf, "whsec-old")));
    auto verify = [&] {
        QSignalSpy verified(&panel, &ui::WebhooksPanel::verified);
        panel.verify();
        EXPECT_TRUE(waitUntil([&] { return verified.count() == 1; }, 10000));
        return panel.verdictView()->verdict();
    };
    webhooks::WebhookVerdict v = verify();
    EXPECT_EQ(v.kind, K::Valid) << v.message.toStdString();
    EXPECT_EQ(v.secret, S::Previous);

    clock.advanceMs(25LL * 3600 * 1000);
    v = verify();
    EXPECT_EQ(v.kind, K::PreviousExpired);
    EXPECT_TRUE(panel.verdictView()->text().contains(QStringLiteral("previous secret expired")))
        << panel.verdictView()->text().toStdString();
    EXPECT_TRUE(
        test::labelText(&panel, QStringLiteral("overlapLabel")).contains(QLatin1String("closed")));
}

namespace {

/// Asks the sandbox (POST /sandbox/webhooks/faults) to refuse the next `count` PATCHes of
/// subscription `id` with 503.
bool injectPatchFailure(test::SessionRig &rig, const QString &id, int count)
{
    SystemClock clock;
    auto api = rig.harness().makeClient(clock);
    auto r = test::await<api::HttpResponse>([&](auto cb) {
        api->callWebhookApi(
            "POST", QStringLiteral("/sandbox/webhooks/faults"),
            { { QStringLiteral("webhook_id"), id }, { QStringLiteral("fail_patch"), count } }, cb);
    });
    return r && r->ok();
}

} // namespace

TEST_F(WebhooksPanelTest, RotationPatchesTheSubscriptionFirstAndAFailedPatchChangesNothing)
{
    EXPECT_TRUE(label("webhooksState").contains(QLatin1String("First: Set secret")))
        << "the first-minute hint: " << label("webhooksState").toStdString();
    EXPECT_TRUE(label("watchState").contains(QLatin1String("verified before it is answered")))
        << label("watchState").toStdString();
    rotateAndWait();
    const QString first = panel->ring()->current().toUtf8String();
    QSignalSpy watching(panel.get(), &ui::WebhooksPanel::watchingChanged);
    click("watchButton");
    ASSERT_TRUE(waitUntil([&] { return watching.count() == 1; }, 20000))
        << label("webhooksState").toStdString();
    const QString id = panel->subscriptionId();
    ASSERT_FALSE(id.isEmpty());

    auto sendAndWait = [&] {
        QSignalSpy logged(panel.get(), &ui::WebhooksPanel::deliveryLogged);
        click("sendTestButton");
        EXPECT_TRUE(waitUntil([&] { return logged.count() >= 1; }, 30000))
            << label("webhooksState").toStdString();
        return logged.isEmpty() ? webhooks::WebhookLogEntry {}
                                : logged.first().at(0).value<webhooks::WebhookLogEntry>();
    };
    auto rotateAndFinish = [&] {
        QSignalSpy finished(panel.get(), &ui::WebhooksPanel::rotationFinished);
        click("rotateButton");
        EXPECT_FALSE(child<QPushButton>("rotateButton")->isEnabled()) << "busy while rotating";
        EXPECT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
        return finished.isEmpty() ? false : finished.first().at(0).toBool();
    };

    // A refused PATCH: the panel says which call failed and why; both sides keep the old secret.
    ASSERT_TRUE(injectPatchFailure(rig, id, 1));
    QSignalSpy changed(panel.get(), &ui::WebhooksPanel::secretsChanged);
    EXPECT_FALSE(rotateAndFinish());
    const QString state = label("webhooksState");
    EXPECT_TRUE(state.contains(QStringLiteral("PATCH /webhooks/%1").arg(id)))
        << state.toStdString();
    EXPECT_TRUE(state.contains(QLatin1String("HTTP 503"))) << state.toStdString();
    EXPECT_TRUE(state.contains(QLatin1String("Nothing was changed"))) << state.toStdString();
    EXPECT_EQ(changed.count(), 0) << "the ring did not move";
    EXPECT_EQ(panel->ring()->current().toUtf8String(), first);
    webhooks::WebhookLogEntry e = sendAndWait();
    EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
    EXPECT_EQ(e.verdict.secret, S::Current) << "the sandbox still signs with the old secret";

    // A rotation that goes through: the subscription is patched, then the ring moves, and the
    // sandbox's next delivery is signed with the new secret.
    EXPECT_TRUE(rotateAndFinish()) << label("webhooksState").toStdString();
    EXPECT_TRUE(
        label("webhooksState").contains(QLatin1String("Aerosync signs with the new secret")))
        << label("webhooksState").toStdString();
    EXPECT_TRUE(label("watchState").contains(QLatin1String("new secret")))
        << label("watchState").toStdString();
    const QString second = panel->ring()->current().toUtf8String();
    EXPECT_NE(second, first);
    EXPECT_EQ(panel->ring()->previous().toUtf8String(), first);
    e = sendAndWait();
    EXPECT_EQ(e.verdict.kind, K::Valid) << e.verdict.message.toStdString();
    EXPECT_EQ(e.verdict.secret, S::Current);
    EXPECT_EQ(e.httpStatus, 200);
}

TEST_F(WebhooksPanelClock, TheSecretsAgeAndAReminderWhenItsRotationIsDue)
{
    ui::WebhooksPanel panel(rig.session());
    panel.show();
    ASSERT_TRUE(waitUntil([&] { return panel.secretsLoaded(); }, 20000));
    EXPECT_EQ(test::labelText(&panel, QStringLiteral("secretAge")),
              QStringLiteral("No secret yet."));
    QSignalSpy changed(&panel, &ui::WebhooksPanel::secretsChanged);
    panel.setSecret(crypto::SecureBytes(QByteArrayView("whsec-age")), true);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    auto *period = panel.findChild<QSpinBox *>(QStringLiteral("rotationPeriod"));
    ASSERT_NE(period, nullptr);
    EXPECT_EQ(period->value(), 90) << "the default period";
    QString age = test::labelText(&panel, QStringLiteral("secretAge"));
    EXPECT_TRUE(age.contains(QLatin1String("0 day"))) << age.toStdString();
    EXPECT_TRUE(age.contains(QLatin1String("2027-02-23")))
        << "due 90 days later: " << age.toStdString();
    auto *reminder = panel.findChild<ui::NoticeLine *>(QStringLiteral("rotationReminder"));
    ASSERT_NE(reminder, nullptr);
    EXPECT_FALSE(reminder->hasNotice());

    // 31 days later the support person shortens the period to 30 days: it is due now.
    clock.advanceMs(31LL * 24 * 3600 * 1000);
    QSignalSpy reminded(&panel, &ui::WebhooksPanel::rotationReminderChanged);
    period->setFocus();
    period->selectAll();
    QTest::keyClicks(period, QStringLiteral("30"));
    QTest::keyClick(period, Qt::Key_Return);
    ASSERT_TRUE(waitUntil([&] { return reminded.count() >= 1; }, 5000));
    EXPECT_TRUE(reminder->hasNotice());
    EXPECT_EQ(reminder->kind(), ui::NoticeLine::Kind::Warning);
    EXPECT_TRUE(reminder->message().contains(QLatin1String("31 day")))
        << reminder->message().toStdString();
    EXPECT_TRUE(reminder->message().contains(QLatin1String("30-day rotation is due")))
        << reminder->message().toStdString();
    EXPECT_EQ(reminded.last().at(0).toString(), reminder->message());
    age = test::labelText(&panel, QStringLiteral("secretAge"));
    EXPECT_TRUE(age.contains(QLatin1String("was due"))) << age.toStdString();
    EXPECT_EQ(rig.session().webhookSecrets()->rotationPeriodDays(), 30) << "kept for the profile";

    // Rotating (locally: no subscription in this sandbox) starts the count again.
    QSignalSpy finished(&panel, &ui::WebhooksPanel::rotationFinished);
    panel.rotate();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 30000));
    EXPECT_TRUE(finished.first().at(0).toBool()) << finished.first().at(1).toString().toStdString();
    EXPECT_TRUE(finished.first().at(1).toString().contains(QLatin1String("locally only")));
    EXPECT_FALSE(reminder->hasNotice());
    EXPECT_TRUE(reminded.last().at(0).toString().isEmpty());
    EXPECT_TRUE(
        test::labelText(&panel, QStringLiteral("secretAge")).contains(QLatin1String("0 day")));
}

TEST_F(WebhooksPanelClock, TheReminderAlsoShowsInTheMainWindowsStatusBar)
{
    QMainWindow window;
    auto *panel = new ui::WebhooksPanel(rig.session());
    window.setCentralWidget(panel);
    auto *status = new ui::RotationReminderStatus(window.statusBar(), rig.session());
    window.resize(1000, 700);
    window.show();
    ASSERT_TRUE(waitUntil([&] { return panel->secretsLoaded(); }, 20000));
    EXPECT_FALSE(status->line()->hasNotice());
    EXPECT_TRUE(status->line()->isHidden());
    QSignalSpy changed(panel, &ui::WebhooksPanel::secretsChanged);
    panel->setSecret(crypto::SecureBytes(QByteArrayView("whsec-status")), true);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    EXPECT_FALSE(status->line()->hasNotice()) << "not due yet";

    clock.advanceMs(100LL * 24 * 3600 * 1000);
    panel->setRotationPeriodDays(90); // any refresh: the minute timer does the same
    panel->setRotationPeriodDays(91);
    ASSERT_TRUE(status->line()->hasNotice());
    EXPECT_FALSE(status->line()->isHidden());
    EXPECT_EQ(status->line()->kind(), ui::NoticeLine::Kind::Warning);
    EXPECT_EQ(status->line()->message(), panel->rotationReminder());
    EXPECT_TRUE(status->line()->message().contains(QLatin1String("rotation is due")));
    EXPECT_LE(window.minimumSizeHint().width(), 1000)
        << "a long reminder does not widen the window";
}

// The console builds the Webhooks panel only when it is first shown: the status bar's reminder
// follows the session's secrets by itself, with no panel at all.
TEST_F(WebhooksPanelClock, TheStatusBarReminderNeedsNoWebhooksPanel)
{
    QMainWindow window;
    auto *status = new ui::RotationReminderStatus(window.statusBar(), rig.session());
    window.resize(1000, 700);
    window.show();
    webhooks::WebhookSecrets *secrets = rig.session().webhookSecrets();
    ASSERT_NE(secrets, nullptr);
    ASSERT_TRUE(waitUntil([&] { return secrets->isLoaded(); }, 20000))
        << "the reminder reads the secrets itself";
    EXPECT_TRUE(window.findChildren<ui::WebhooksPanel *>().isEmpty());
    EXPECT_FALSE(status->line()->hasNotice());

    QSignalSpy changed(secrets, &webhooks::WebhookSecrets::changed);
    secrets->setSecret(crypto::SecureBytes(QByteArrayView("whsec-no-panel")), false);
    ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    EXPECT_FALSE(status->line()->hasNotice()) << "not due yet";

    clock.advanceMs(100LL * 24 * 3600 * 1000);
    status->refresh(); // what the minute timer does
    ASSERT_TRUE(status->line()->hasNotice());
    EXPECT_EQ(status->line()->kind(), ui::NoticeLine::Kind::Warning);
    EXPECT_TRUE(status->reminder().contains(QLatin1String("rotation is due")));
    EXPECT_TRUE(status->reminder().contains(rig.session().environment().name));
    EXPECT_EQ(status->line()->message(), status->reminder());

    secrets->setRotationPeriodDays(365); // a longer period: no longer due, the line clears
    EXPECT_FALSE(status->line()->hasNotice());
    EXPECT_TRUE(status->reminder().isEmpty());
}
