// The Settings panel on real widgets with the real keychain (and, for "Use this environment",
// the real sandbox): secrets typed into the password fields end up in the keychain under the
// profile and nowhere in the QSettings file; a custom sandbox profile becomes the session's
// environment with the right base URL and pin.

#include "ui/settings/SettingsPanel.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetSession.h"
#include "core/crypto/Random.h"
#include "core/embedded/RetUrlAllowList.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/EnvironmentProfiles.h"
#include "core/session/Session.h"
#include "core/webhooks/WebhookSecrets.h"
#include "core/webhooks/WebhookSubscriptionClient.h"
#include "tests/core/api/ClientHarness.h"
#include "tests/support/WidgetDriver.h"
#include "ui/webhooks/WebhooksPanel.h"

#include <QAbstractItemView>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = api::Environment::Kind;

namespace {

class SettingsPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        settings = std::make_unique<QSettings>(dir.filePath(QStringLiteral("settings.ini")),
                                               QSettings::IniFormat);
        session = std::make_unique<session::Session>(clock, settings.get());
        panel = std::make_unique<ui::SettingsPanel>(*session, settings.get());
        panel->resize(1000, 700);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }
    void TearDown() override
    {
        panel.reset();
        for (const QString &profile : std::as_const(profilesToClean)) {
            keychain::Keychain kc(profile);
            int pending = 4;
            namespace entries = keychain::entries;
            for (const char *n :
                 { entries::kApiKey, entries::kApiSecret, entries::kWebhookSecretCurrent,
                   entries::kWebhookSecretPrevious })
                kc.remove(QString::fromLatin1(n),
                          [&](const keychain::KeychainError &) { --pending; });
            waitUntil([&] { return pending == 0; }, 10000);
        }
    }

    template<class T = QWidget> T *child(const char *name) const
    {
        return test::findNamed<T>(panel.get(), QLatin1String(name));
    }
    QString label(const char *name) const
    {
        return test::labelText(panel.get(), QLatin1String(name));
    }
    void type(const char *name, const QString &text)
    {
        test::typeInto(panel.get(), QLatin1String(name), text);
    }
    void click(const char *name)
    {
        ASSERT_TRUE(test::clickNamed(panel.get(), QLatin1String(name)));
    }
    /// Adds a custom profile through the UI and returns its keychain profile name.
    QString addProfile(const QString &name, const QString &url)
    {
        click("addProfileButton");
        type("profileName", name);
        type("baseUrlEdit", url);
        const auto p = panel->profiles().find(panel->currentProfileId());
        EXPECT_TRUE(p.has_value());
        profilesToClean << p->keychainProfile;
        return p->keychainProfile;
    }
    bool saveAndWait()
    {
        QSignalSpy saved(panel.get(), &ui::SettingsPanel::secretsSaved);
        QSignalSpy status(panel.get(), &ui::SettingsPanel::secretStatusChanged);
        click("saveProfileButton");
        return waitUntil([&] { return saved.count() == 1 && status.count() >= 1; }, 20000);
    }
    QString readKeychain(const QString &profile, const QString &name)
    {
        keychain::Keychain kc(profile);
        std::optional<QString> out;
        kc.read(name, [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
            out = e.ok() ? v.toUtf8String() : QString();
        });
        waitUntil([&] { return out.has_value(); }, 20000);
        return out.value_or(QString());
    }

    SystemClock clock;
    QTemporaryDir dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<session::Session> session;
    std::unique_ptr<ui::SettingsPanel> panel;
    QStringList profilesToClean;
};

} // namespace

TEST_F(SettingsPanelTest, CredentialsGoToTheKeychainOnlyAndNeverBackIntoTheFields)
{
    const QString suffix = QString::fromLatin1(crypto::Random::hex(4));
    const QString profile = addProfile(QStringLiteral("QA sandbox %1").arg(suffix),
                                       QStringLiteral("https://127.0.0.1:9443"));
    ASSERT_TRUE(waitUntil(
        [&] {
            return label("apiKeyStatus") == QLatin1String("not set") &&
                label("apiSecretStatus") == QLatin1String("not set") &&
                label("webhookSecretStatus") == QLatin1String("not set");
        },
        20000))
        << label("apiKeyStatus").toStdString() << " " << label("apiSecretStatus").toStdString();

    const QString apiKey = QStringLiteral("ak-") + QString::fromLatin1(crypto::Random::hex(12));
    const QString apiSecret = QStringLiteral("as-") + QString::fromLatin1(crypto::Random::hex(12));
    const QString hookSecret = QStringLiteral("wh-") + QString::fromLatin1(crypto::Random::hex(12));
    type("configurationIdEdit", QStringLiteral("cfg-%1").arg(suffix));
    type("apiKeyEdit", apiKey);
    type("apiSecretEdit", apiSecret);
    type("webhookSecretEdit", hookSecret);
    EXPECT_EQ(child<QLineEdit>("apiSecretEdit")->echoMode(), QLineEdit::Password);
    ASSERT_TRUE(saveAndWait()) << label("settingsNotice").toStdString();

    // Fields are cleared; the status says saved, without the value.
    EXPECT_TRUE(child<QLineEdit>("apiKeyEdit")->text().isEmpty());
    EXPECT_TRUE(child<QLineEdit>("apiSecretEdit")->text().isEmpty());
    EXPECT_TRUE(child<QLineEdit>("webhookSecretEdit")->text().isEmpty());
    EXPECT_EQ(label("apiKeyStatus"), QStringLiteral("saved ✓"));
    EXPECT_EQ(label("apiSecretStatus"), QStringLiteral("saved ✓"));
    EXPECT_EQ(label("webhookSecretStatus"), QStringLiteral("saved ✓"));

    // In the keychain under this profile (read back through keychain::Keychain).
    EXPECT_EQ(readKeychain(profile, QString::fromLatin1(keychain::entries::kApiKey)), apiKey);
    EXPECT_EQ(readKeychain(profile, QString::fromLatin1(keychain::entries::kApiSecret)), apiSecret);
    EXPECT_EQ(readKeychain(profile, QString::fromLatin1(keychain::entries::kWebhookSecretCurrent)),
              hookSecret);

    // The settings file: the public fields are there, no secret in any encoding.
    settings->sync();
    QFile f(settings->fileName());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray ini = f.readAll();
    EXPECT_TRUE(ini.contains("cfg-" + suffix.toLatin1())) << ini.toStdString();
    EXPECT_TRUE(ini.contains("127.0.0.1:9443"));
    for (const QString &s : { apiKey, apiSecret, hookSecret }) {
        EXPECT_FALSE(ini.contains(s.toUtf8())) << s.toStdString();
        EXPECT_FALSE(ini.contains(s.toUtf8().toBase64()));
        EXPECT_FALSE(ini.contains(s.toUtf8().toHex()));
        EXPECT_FALSE(ini.contains(s.mid(3).toUtf8())) << "not even the random part";
    }

    // Reselecting the profile never reads a secret back into a field.
    panel->selectProfile(QString::fromLatin1(session::EnvironmentProfiles::kProductionId));
    panel->selectProfile(panel->profiles().findByKeychainProfile(profile)->id);
    ASSERT_TRUE(
        waitUntil([&] { return label("apiKeyStatus") == QStringLiteral("saved ✓"); }, 20000));
    EXPECT_TRUE(child<QLineEdit>("apiKeyEdit")->text().isEmpty());
    EXPECT_EQ(child<QLineEdit>("configurationIdEdit")->text(),
              QStringLiteral("cfg-%1").arg(suffix));

    // A fresh EnvironmentProfiles over the same file sees the profile (persisted).
    session::EnvironmentProfiles again(*settings);
    const auto p = again.findByKeychainProfile(profile);
    ASSERT_TRUE(p.has_value());
    EXPECT_EQ(p->baseUrl, QUrl(QStringLiteral("https://127.0.0.1:9443")));
    EXPECT_EQ(p->configurationId, QStringLiteral("cfg-%1").arg(suffix));
}

// Issue 13, finding 1: a plain-http base URL (loopback too) is refused with the one specific
// message — not saved, no credential written, never made the active environment.
TEST_F(SettingsPanelTest, PlainHttpBaseUrlIsRefusedOnSaveAndUseAndNoSecretIsWritten)
{
    const QString suffix = QString::fromLatin1(crypto::Random::hex(4));
    const QString profile =
        addProfile(QStringLiteral("Plain %1").arg(suffix), QStringLiteral("http://127.0.0.1:9443"));
    const QString id = panel->currentProfileId();
    type("apiKeyEdit", QStringLiteral("ak-") + suffix);
    type("apiSecretEdit", QStringLiteral("as-") + suffix);
    QSignalSpy saved(panel.get(), &ui::SettingsPanel::secretsSaved);
    click("saveProfileButton");
    QTest::qWait(300);
    EXPECT_EQ(saved.count(), 0);
    const QString notice = label("settingsNotice");
    EXPECT_TRUE(notice.contains(QLatin1String("https://")) &&
                notice.contains(QLatin1String("http://127.0.0.1:9443")) &&
                notice.contains(QLatin1String("TLS")))
        << notice.toStdString();
    EXPECT_NE(panel->profiles().find(id)->baseUrl, QUrl(QStringLiteral("http://127.0.0.1:9443")))
        << "the http URL was saved";
    EXPECT_TRUE(readKeychain(profile, QString::fromLatin1(keychain::entries::kApiSecret)).isEmpty())
        << "the apiSecret was written for an http environment";

    QSignalSpy chosen(panel.get(), &ui::SettingsPanel::environmentChosen);
    click("useEnvironmentButton");
    ASSERT_TRUE(
        waitUntil([&] { return label("settingsNotice").contains(QLatin1String("TLS")); }, 10000))
        << label("settingsNotice").toStdString();
    QTest::qWait(200);
    EXPECT_EQ(chosen.count(), 0) << "an http environment became active";
}

TEST_F(SettingsPanelTest, ChoosingACustomProfileEmitsEnvironmentChosenWithItsBaseUrlAndPin)
{
    test::ClientHarness h; // the sandbox to point the custom profile at
    ASSERT_TRUE(h.start());
    const auto &ep = h.sandbox.endpoint();
    const QString certPath = dir.filePath(QStringLiteral("sandbox.pem"));
    {
        QFile cert(certPath);
        ASSERT_TRUE(cert.open(QIODevice::WriteOnly));
        cert.write(ep.certPem);
    }
    const QString profile = addProfile(
        QStringLiteral("Local sandbox %1").arg(QString::fromLatin1(crypto::Random::hex(4))),
        ep.baseUrl.toString());
    type("certFileEdit", certPath);
    QTest::keyClick(child<QLineEdit>("certFileEdit"), Qt::Key_Return);
    const QString fingerprint = session::EnvironmentProfiles::formatFingerprint(ep.certSha256Hex);
    ASSERT_TRUE(waitUntil([&] { return label("fingerprintLabel").contains(fingerprint); }, 10000))
        << label("fingerprintLabel").toStdString();
    type("apiKeyEdit", ep.apiKey);
    type("apiSecretEdit", h.sandbox.apiSecret());
    type("configurationIdEdit", QStringLiteral("brand-local-42"));
    ASSERT_TRUE(saveAndWait()) << label("settingsNotice").toStdString();

    QSignalSpy chosen(panel.get(), &ui::SettingsPanel::environmentChosen);
    QSignalSpy changed(session.get(), &session::Session::environmentChanged);
    click("useEnvironmentButton");
    ASSERT_TRUE(waitUntil([&] { return chosen.count() == 1; }, 10000))
        << label("settingsNotice").toStdString();
    const auto env = chosen.first().at(0).value<api::Environment>();
    EXPECT_EQ(env.kind, Kind::CustomSandbox);
    EXPECT_EQ(env.baseUrl, ep.baseUrl);
    EXPECT_EQ(env.profile, profile);
    EXPECT_EQ(env.pinnedCertSha256Hex, ep.certSha256Hex.toLower());
    EXPECT_EQ(env.configurationId, QStringLiteral("brand-local-42")) << "branding from Settings";
    EXPECT_EQ(changed.count(), 1);
    ASSERT_TRUE(session->isReady());
    EXPECT_EQ(session->environment().baseUrl, ep.baseUrl);
    EXPECT_TRUE(label("activeLabel").contains(QLatin1String("active environment")));

    // The credentials typed in Settings work: a webhook-API call through the session's client.
    auto listed = test::await<QList<webhooks::WebhookSubscription>>(
        [&](auto cb) { webhooks::WebhookSubscriptionClient(*session->client()).list(cb); });
    ASSERT_TRUE(listed.has_value());
    EXPECT_TRUE(listed->ok()) << listed->error().message.toStdString();

    // A widget launched on this environment carries its configurationId to the sandbox.
    api::LinkWidgetSession widget(*session->client(), *session->widgetEvents());
    QSignalSpy step(&widget, &api::LinkWidgetSession::stepReady);
    widget.startLink();
    ASSERT_TRUE(waitUntil([&] { return step.count() == 1; }, 10000));
    EXPECT_EQ(widget.lastStep().brandingConfigurationId, QStringLiteral("brand-local-42"));
    EXPECT_EQ(h.sandbox.request("GET", QStringLiteral("/sandbox/widget/state"))
                  .json.value(QStringLiteral("lastConfigurationId"))
                  .toString(),
              QStringLiteral("brand-local-42"));
}

// The webhook secret typed in Settings goes through the session's secret ring, as a rotation in
// the Webhooks panel does: the old secret stays accepted as the previous one, the rotation time
// is recorded, and the Webhooks panel shows it at once. For a profile that is not active, too.
TEST_F(SettingsPanelTest,
       WebhookSecretFromSettingsKeepsThePreviousOneAndTheRotationTimeLikeARotation)
{
    namespace entries = keychain::entries;
    const QString suffix = QString::fromLatin1(crypto::Random::hex(4));
    const QString profile = addProfile(QStringLiteral("Hooks %1").arg(suffix),
                                       QStringLiteral("https://127.0.0.1:9443"));
    // This profile is the active environment (the secrets need the keychain only, no sandbox).
    session->setEnvironment(api::Environment::sandbox(
        Kind::CustomSandbox, QStringLiteral("Hooks %1").arg(suffix), profile,
        QUrl(QStringLiteral("https://127.0.0.1:9443")), QByteArray(), QByteArray()));
    ui::WebhooksPanel webhooksPanel(*session);
    ASSERT_TRUE(waitUntil([&] { return webhooksPanel.secretsLoaded(); }, 20000));
    ASSERT_TRUE(webhooksPanel.ring()->current().isEmpty());

    // A rotation of the session's ring (the ring's own step: this environment has no Aerosync to
    // patch, and the panel's Rotate refuses to move the ring without patching — that order is
    // SecretRotation's, tested in tests/core/webhooks and tests/ui/webhooks).
    {
        QSignalSpy changed(&webhooksPanel, &ui::WebhooksPanel::secretsChanged);
        session->webhookSecrets()->rotate();
        ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    }
    const QString rotated = webhooksPanel.ring()->current().toUtf8String();
    ASSERT_TRUE(rotated.startsWith(QLatin1String("whsec_")));
    const QDateTime firstRotation = webhooksPanel.ring()->rotatedAt();
    ASSERT_TRUE(firstRotation.isValid());

    // The secret typed in Settings for the same profile: the rotated one becomes the previous one.
    const QString typed =
        QStringLiteral("wh-settings-") + QString::fromLatin1(crypto::Random::hex(8));
    {
        QSignalSpy changed(&webhooksPanel, &ui::WebhooksPanel::secretsChanged);
        type("webhookSecretEdit", typed);
        ASSERT_TRUE(saveAndWait()) << label("settingsNotice").toStdString();
        ASSERT_TRUE(waitUntil([&] { return changed.count() >= 1; }, 20000))
            << "the Webhooks panel follows the session's ring";
    }
    const webhooks::SecretRing *ring = webhooksPanel.ring();
    EXPECT_EQ(ring->current().toUtf8String(), typed);
    EXPECT_EQ(ring->previous().toUtf8String(), rotated)
        << "the old secret is kept as the previous one";
    ASSERT_TRUE(ring->rotatedAt().isValid());
    EXPECT_GE(ring->rotatedAt(), firstRotation);
    EXPECT_TRUE(ring->previousActive()) << "the previous secret is accepted for the overlap window";
    EXPECT_EQ(ring->previousValidUntil(),
              ring->rotatedAt().addSecs(webhooks::SecretRing::kDefaultOverlapSecs));
    EXPECT_TRUE(child<QLineEdit>("webhookSecretEdit")->text().isEmpty());
    EXPECT_EQ(label("webhookSecretStatus"), QStringLiteral("saved ✓"));
    // In the keychain and the settings, as SecretRingStore keeps a rotation.
    EXPECT_EQ(readKeychain(profile, QString::fromLatin1(entries::kWebhookSecretCurrent)), typed);
    EXPECT_EQ(readKeychain(profile, QString::fromLatin1(entries::kWebhookSecretPrevious)), rotated);
    auto rotatedAtInSettings = [&](const QString &p) {
        settings->sync();
        QSettings reread(settings->fileName(), QSettings::IniFormat);
        return QDateTime::fromString(
            reread.value(QStringLiteral("webhooks/%1/rotatedAt").arg(p)).toString(), Qt::ISODate);
    };
    EXPECT_EQ(rotatedAtInSettings(profile).toSecsSinceEpoch(),
              ring->rotatedAt().toSecsSinceEpoch());

    // A rotation of the ring afterwards keeps the secret from Settings as the previous one.
    {
        QSignalSpy changed(&webhooksPanel, &ui::WebhooksPanel::secretsChanged);
        session->webhookSecrets()->rotate();
        ASSERT_TRUE(waitUntil([&] { return changed.count() == 1; }, 20000));
    }
    EXPECT_EQ(webhooksPanel.ring()->previous().toUtf8String(), typed);

    // A profile that is not the active one: the same bookkeeping.
    const QString other = addProfile(QStringLiteral("Other hooks %1").arg(suffix),
                                     QStringLiteral("https://127.0.0.1:9444"));
    ASSERT_NE(other, session->environment().profile);
    type("webhookSecretEdit", QStringLiteral("wh-other-1"));
    ASSERT_TRUE(saveAndWait()) << label("settingsNotice").toStdString();
    EXPECT_FALSE(rotatedAtInSettings(other).isValid()) << "a first secret is no rotation";
    type("webhookSecretEdit", QStringLiteral("wh-other-2"));
    ASSERT_TRUE(saveAndWait()) << label("settingsNotice").toStdString();
    EXPECT_EQ(readKeychain(other, QString::fromLatin1(entries::kWebhookSecretCurrent)),
              QStringLiteral("wh-other-2"));
    EXPECT_EQ(readKeychain(other, QString::fromLatin1(entries::kWebhookSecretPrevious)),
              QStringLiteral("wh-other-1"));
    EXPECT_TRUE(rotatedAtInSettings(other).isValid());
    EXPECT_EQ(session->webhookSecretsFor(other).ring().previous().toUtf8String(),
              QStringLiteral("wh-other-1"));
    // The active environment's ring was not touched.
    EXPECT_EQ(webhooksPanel.ring()->previous().toUtf8String(), typed);
}

TEST_F(SettingsPanelTest, BuiltInIsReadOnlyWithItsFingerprintAndProductionIsDistinct)
{
    // Until the built-in sandbox has started, "Use" says why.
    panel->selectProfile(QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    EXPECT_FALSE(child<QPushButton>("useEnvironmentButton")->isEnabled());
    EXPECT_TRUE(child<QPushButton>("useEnvironmentButton")
                    ->toolTip()
                    .contains(QLatin1String("not started")));
    EXPECT_TRUE(child<QLineEdit>("baseUrlEdit")->isReadOnly());
    EXPECT_FALSE(child<QLineEdit>("apiKeyEdit")->isEnabled())
        << "the built-in sandbox's credentials are AeroDesk's";
    EXPECT_FALSE(child<QPushButton>("removeProfileButton")->isEnabled());

    api::Environment builtIn = api::Environment::sandbox(
        Kind::BuiltInSandbox, QStringLiteral("Built-in sandbox"),
        QStringLiteral("aerodesk-test-unused-%1").arg(QString::fromLatin1(crypto::Random::hex(4))),
        QUrl(QStringLiteral("https://127.0.0.1:4711")), QByteArray(), "00ff" + QByteArray(60, 'a'));
    session->setEnvironment(builtIn);
    EXPECT_TRUE(label("fingerprintLabel").contains(QLatin1String("00:ff:aa:aa")))
        << label("fingerprintLabel").toStdString();
    EXPECT_EQ(child<QLineEdit>("baseUrlEdit")->text(), QStringLiteral("https://127.0.0.1:4711"));
    EXPECT_TRUE(child<QPushButton>("useEnvironmentButton")->isEnabled());

    panel->selectProfile(QString::fromLatin1(session::EnvironmentProfiles::kProductionId));
    EXPECT_TRUE(label("profileKind").contains(QLatin1String("PRODUCTION")));
    EXPECT_TRUE(
        child<QPushButton>("useEnvironmentButton")->text().contains(QLatin1String("PRODUCTION")));
    EXPECT_TRUE(
        label("fingerprintLabel").contains(QLatin1String("system certificate authorities")));
}

TEST_F(SettingsPanelTest, ProductionRetUrlOriginsAreCheckedSavedAndReachTheEnvironment)
{
    const QString production = QString::fromLatin1(session::EnvironmentProfiles::kProductionId);
    panel->selectProfile(production);
    auto *origins = child<QLineEdit>("retUrlOriginsEdit");
    ASSERT_TRUE(origins->isEnabled());
    EXPECT_TRUE(origins->toolTip().contains(QLatin1String("none are allowed")))
        << origins->toolTip().toStdString();

    // A bad entry is refused with its reason, and nothing is saved.
    type("retUrlOriginsEdit", QStringLiteral("https://eb.provider.example, ftp://nope"));
    click("saveProfileButton");
    EXPECT_TRUE(label("settingsNotice").contains(QLatin1String("ftp://nope")))
        << label("settingsNotice").toStdString();
    session::EnvironmentProfiles profiles(*settings);
    EXPECT_TRUE(profiles.find(production)->retUrlOrigins.isEmpty());

    type("retUrlOriginsEdit",
         QStringLiteral("https://eb.provider.example, https://eb2.example:8443"));
    click("saveProfileButton");
    const QStringList saved = profiles.find(production)->retUrlOrigins;
    EXPECT_EQ(saved,
              (QStringList { QStringLiteral("https://eb.provider.example"),
                             QStringLiteral("https://eb2.example:8443") }));
    auto env = session::EnvironmentProfiles::toEnvironment(*profiles.find(production));
    ASSERT_TRUE(env.ok());
    const embedded::RetUrlAllowList list = embedded::RetUrlAllowList::forEnvironment(env.value());
    EXPECT_FALSE(list.refusal(QUrl(QStringLiteral("https://eb2.example:8443/ret/x"))));
    EXPECT_TRUE(list.refusal(QUrl(QStringLiteral("https://eb2.example/ret/x"))));

    // The built-in sandbox answers on its own origin only: the field is not editable there.
    panel->selectProfile(QString::fromLatin1(session::EnvironmentProfiles::kBuiltInId));
    EXPECT_FALSE(child<QLineEdit>("retUrlOriginsEdit")->isEnabled());
}

TEST_F(SettingsPanelTest, AccessibleNamesOnEveryControl)
{
    EXPECT_GE(test::expectAccessibleNames(panel.get(), test::AccessibleCheck::AllControls, true),
              18);
}

TEST(EnvironmentProfilesTest, FixedProfilesCustomOnesAndTheirEnvironments)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("p.ini")), QSettings::IniFormat);
    session::EnvironmentProfiles profiles(settings);
    ASSERT_EQ(profiles.profiles().size(), 2);
    EXPECT_EQ(profiles.profiles().at(0).kind, Kind::BuiltInSandbox);
    EXPECT_EQ(profiles.profiles().at(0).keychainProfile, QStringLiteral("Built-in sandbox"));
    EXPECT_EQ(profiles.profiles().at(1).kind, Kind::Production);

    const auto lab =
        profiles.addCustom(QStringLiteral("Lab"), QUrl(QStringLiteral("https://127.0.0.1:9000")));
    const auto lab2 =
        profiles.addCustom(QStringLiteral("Lab"), QUrl(QStringLiteral("https://127.0.0.1:9001")));
    EXPECT_TRUE(lab.keychainProfile.startsWith(QLatin1String("Custom sandbox ")))
        << lab.keychainProfile.toStdString();
    EXPECT_NE(lab.keychainProfile, lab2.keychainProfile) << "keychain namespaces never shared";
    EXPECT_EQ(lab2.name, QStringLiteral("Lab (2)")) << "names stay distinct";
    ASSERT_EQ(profiles.profiles().size(), 4);

    // Renaming keeps the keychain namespace (the secrets stay reachable).
    auto renamed = lab;
    renamed.name = QStringLiteral("Lab renamed");
    profiles.save(renamed);
    EXPECT_EQ(profiles.find(lab.id)->name, QStringLiteral("Lab renamed"));
    EXPECT_EQ(profiles.find(lab.id)->keychainProfile, lab.keychainProfile);

    EXPECT_FALSE(profiles.remove(QString::fromLatin1(session::EnvironmentProfiles::kProductionId)));
    EXPECT_TRUE(profiles.remove(lab2.id));
    EXPECT_FALSE(profiles.find(lab2.id).has_value());
    EXPECT_FALSE(settings.allKeys().join(QLatin1Char(' ')).contains(lab2.id));

    auto env = session::EnvironmentProfiles::toEnvironment(*profiles.find(lab.id));
    ASSERT_TRUE(env.ok()) << env.error().toStdString();
    EXPECT_EQ(env->kind, Kind::CustomSandbox);
    EXPECT_EQ(env->baseUrl, QUrl(QStringLiteral("https://127.0.0.1:9000")));
    EXPECT_FALSE(env->isPinned());

    auto broken = *profiles.find(lab.id);
    broken.pinnedCertFile = dir.filePath(QStringLiteral("missing.pem"));
    EXPECT_TRUE(session::EnvironmentProfiles::toEnvironment(broken).error().contains(
        QLatin1String("Cannot read")));
    broken.baseUrl = QUrl(QStringLiteral("not a url"));
    EXPECT_TRUE(session::EnvironmentProfiles::toEnvironment(broken).error().contains(
        QLatin1String("not an absolute")));
    broken.pinnedCertFile.clear();
    broken.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9000"));
    EXPECT_TRUE(session::EnvironmentProfiles::toEnvironment(broken).error().contains(
        QLatin1String("only over TLS")))
        << "plain http is refused for every host";
    auto production = session::EnvironmentProfiles::toEnvironment(profiles.profiles().at(1));
    ASSERT_TRUE(production.ok());
    EXPECT_TRUE(production->isProduction());
    EXPECT_FALSE(session::EnvironmentProfiles::toEnvironment(profiles.profiles().at(0)).ok());
}
