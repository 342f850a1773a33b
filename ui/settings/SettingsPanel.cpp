#include "ui/settings/SettingsPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/embedded/RetUrlAllowList.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/webhooks/WebhookSecrets.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/OffUiThread.h"
#include "ui/common/SecretText.h"
#include "ui/settings/TeamKeyForm.h"
#include "ui/settings/TeamStoreForm.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSslCertificate>
#include <QVBoxLayout>

#include <memory>

namespace aerodesk::ui {

using Kind = api::Environment::Kind;
using session::EnvironmentProfile;
using session::EnvironmentProfiles;

namespace {

struct EnvOutcome
{
    std::optional<api::Environment> environment;
    QString error;
};

QSettings &settingsOrOwn(QSettings *given, std::unique_ptr<QSettings> &own)
{
    if (given)
        return *given;
    own = std::make_unique<QSettings>();
    return *own;
}

QLineEdit *lineEdit(const QString &name, const QString &accessible, QWidget *parent,
                    bool password = false)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setAccessibleName(accessible);
    if (password) {
        e->setEchoMode(QLineEdit::Password);
        e->setPlaceholderText(QObject::tr("type to replace; never shown again"));
    }
    return e;
}

QString kindText(Kind kind)
{
    switch (kind) {
    case Kind::BuiltInSandbox:
        return SettingsPanel::tr("Built-in sandbox — started by AeroDesk, read-only");
    case Kind::CustomSandbox:
        return SettingsPanel::tr("Custom sandbox");
    case Kind::Production:
        return SettingsPanel::tr("PRODUCTION — real users and real bank data");
    }
    return {};
}

} // namespace

SettingsPanel::SettingsPanel(session::Session &session, QSettings *settings, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
    , m_profiles(settingsOrOwn(settings, m_ownSettings))
{
    build();
    syncWithSession();
    selectProfile(QString::fromLatin1(EnvironmentProfiles::kBuiltInId));
}

SettingsPanel::~SettingsPanel() = default;

void SettingsPanel::build()
{
    setObjectName(QStringLiteral("settingsPanel"));
    auto *layout = new QHBoxLayout(this);

    auto *left = new QVBoxLayout;
    left->addWidget(new QLabel(tr("<h2>Settings</h2>Environments"), this));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Environment profiles"));
    left->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_add = namedButton(tr("&Add custom sandbox"), QStringLiteral("addProfileButton"),
                        tr("Add a custom sandbox profile"), this);
    m_remove = namedButton(tr("Remove"), QStringLiteral("removeProfileButton"),
                           tr("Remove the selected custom sandbox profile"), this);
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    left->addLayout(listButtons);
    layout->addLayout(left, 1);

    auto *box = new QGroupBox(tr("Environment"), this);
    auto *form = new QFormLayout(box);
    m_kind = namedLabel(QStringLiteral("profileKind"), tr("Environment kind"), box);
    m_active =
        namedLabel(QStringLiteral("activeLabel"), tr("Whether this environment is active"), box);
    m_name = lineEdit(QStringLiteral("profileName"), tr("Profile name"), box);
    m_baseUrl = lineEdit(QStringLiteral("baseUrlEdit"), tr("Base URL"), box);
    m_baseUrl->setPlaceholderText(QStringLiteral("https://127.0.0.1:8443"));
    m_certFile = lineEdit(QStringLiteral("certFileEdit"), tr("Pinned certificate PEM file"), box);
    m_certFile->setPlaceholderText(tr("optional: the sandbox's certificate (PEM) to pin"));
    m_browse = namedButton(tr("Browse…"), QStringLiteral("browseCertButton"),
                           tr("Choose the pinned certificate PEM file"), box);
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certFile, 1);
    certRow->addWidget(m_browse);
    m_fingerprint =
        namedLabel(QStringLiteral("fingerprintLabel"), tr("Pinned certificate fingerprint"), box);
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_configurationId =
        lineEdit(QStringLiteral("configurationIdEdit"), tr("Widget configurationId"), box);
    m_configurationId->setToolTip(
        tr("Sent with every widget launch (link, reconnect, MFA relaunch) so the widget wears "
           "your branding. Takes effect when the environment is used (Use this environment)."));
    m_retUrlOrigins =
        lineEdit(QStringLiteral("retUrlOriginsEdit"), tr("Embedded-banking retUrl origins"), box);
    m_retUrlOrigins->setPlaceholderText(tr("https://eb.provider.example, … (comma-separated)"));
    m_apiKey = lineEdit(QStringLiteral("apiKeyEdit"), tr("apiKey"), box, true);
    m_apiKeyStatus = namedLabel(QStringLiteral("apiKeyStatus"), tr("apiKey status"), box);
    m_apiSecret = lineEdit(QStringLiteral("apiSecretEdit"), tr("apiSecret"), box, true);
    m_apiSecretStatus = namedLabel(QStringLiteral("apiSecretStatus"), tr("apiSecret status"), box);
    m_webhookSecret =
        lineEdit(QStringLiteral("webhookSecretEdit"), tr("Webhook secret"), box, true);
    m_webhookSecretStatus =
        namedLabel(QStringLiteral("webhookSecretStatus"), tr("Webhook secret status"), box);
    // Rows whose field sits in a layout get an explicit buddy so the mnemonic works.
    auto layoutRow = [form, box](const QString &text, QWidget *buddy, QLayout *row) {
        auto *l = new QLabel(text, box);
        l->setBuddy(buddy);
        form->addRow(l, row);
    };
    auto secretRow = [](QLineEdit *edit, QLabel *status) {
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(status);
        status->setMinimumWidth(90);
        status->setWordWrap(false);
        return row;
    };
    form->addRow(m_kind);
    form->addRow(m_active);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    layoutRow(tr("Pinned ce&rtificate:"), m_certFile, certRow);
    form->addRow(tr("Fingerprint:"), m_fingerprint);
    form->addRow(tr("&configurationId:"), m_configurationId);
    form->addRow(tr("retUrl &origins:"), m_retUrlOrigins);
    layoutRow(tr("api&Key:"), m_apiKey, secretRow(m_apiKey, m_apiKeyStatus));
    layoutRow(tr("api&Secret:"), m_apiSecret, secretRow(m_apiSecret, m_apiSecretStatus));
    layoutRow(tr("&Webhook secret:"), m_webhookSecret,
              secretRow(m_webhookSecret, m_webhookSecretStatus));
    auto *actions = new QHBoxLayout;
    m_save = namedButton(tr("Sa&ve"), QStringLiteral("saveProfileButton"),
                         tr("Save this environment's settings and secrets"), box);
    m_use = namedButton(tr("&Use this environment"), QStringLiteral("useEnvironmentButton"),
                        tr("Use this environment"), box);
    actions->addStretch();
    actions->addWidget(m_save);
    actions->addWidget(m_use);
    form->addRow(actions);
    m_notice = new NoticeLine(QStringLiteral("settingsNotice"), tr("Settings result"), box);
    m_notice->setKeepsSpaceWhenEmpty(true);
    form->addRow(m_notice);
    // The environment and the store it uses (docs/team.md) scroll together: the two do not fit
    // the window's default height at once, and nothing may be squeezed.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *column = new QWidget(scroll);
    auto *right = new QVBoxLayout(column);
    right->setContentsMargins(0, 0, 0, 0);
    box->setParent(column);
    right->addWidget(box);
    m_teamStore = new TeamStoreForm(m_profiles.settings(), column);
    right->addWidget(m_teamStore);
    m_teamKey = new TeamKeyForm(m_session, column);
    right->addWidget(m_teamKey);
    right->addStretch();
    scroll->setWidget(column);
    layout->addWidget(scroll, 2);
    connect(m_teamStore, &TeamStoreForm::applied, this, &SettingsPanel::teamStoreApplied);
    connect(m_teamStore, &TeamStoreForm::applied, m_teamKey,
            [this] { m_teamKey->setTeam(m_teamStore->editedChoice().team); });

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_listUpdating || row < 0)
            return;
        m_currentId = m_list->item(row)->data(Qt::UserRole).toString();
        showProfile();
    });
    connect(m_add, &QPushButton::clicked, this, &SettingsPanel::addCustomProfile);
    connect(m_remove, &QPushButton::clicked, this, &SettingsPanel::removeCurrentProfile);
    connect(m_save, &QPushButton::clicked, this, &SettingsPanel::saveCurrent);
    connect(m_use, &QPushButton::clicked, this, &SettingsPanel::useCurrent);
    connect(m_certFile, &QLineEdit::editingFinished, this, &SettingsPanel::refreshFingerprint);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Pinned certificate (PEM)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({ tr("PEM certificates (*.pem *.crt)"), tr("All files (*)") });
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
            m_certFile->setText(path);
            refreshFingerprint();
        });
        dialog->open();
    });
    for (QLineEdit *e : { m_name, m_baseUrl, m_apiKey, m_apiSecret, m_webhookSecret })
        connect(e, &QLineEdit::textChanged, this, &SettingsPanel::updateActions);
}

keychain::Keychain &SettingsPanel::keychainFor(const QString &profile)
{
    auto &slot = m_keychains[profile];
    if (!slot)
        slot = std::make_unique<keychain::Keychain>(profile);
    return *slot;
}

void SettingsPanel::reloadList()
{
    m_listUpdating = true;
    m_list->clear();
    int select = 0;
    for (const EnvironmentProfile &p : m_profiles.profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setData(Qt::UserRole, p.id);
        const bool active =
            m_session.isReady() && m_session.environment().profile == p.keychainProfile;
        item->setText(active ? tr("%1  (active)").arg(p.name) : p.name);
        item->setData(Qt::AccessibleTextRole, item->text());
        if (p.id == m_currentId)
            select = m_list->count() - 1;
    }
    m_list->setCurrentRow(select);
    m_listUpdating = false;
    m_currentId =
        m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toString() : QString();
}

void SettingsPanel::selectProfile(const QString &id)
{
    m_currentId = id;
    reloadList();
    showProfile();
}

void SettingsPanel::showProfile()
{
    m_profileGuard.reset();
    const auto p = m_profiles.find(m_currentId);
    if (!p)
        return;
    const bool custom = p->kind == Kind::CustomSandbox;
    const bool builtIn = p->kind == Kind::BuiltInSandbox;
    m_kind->setText(QStringLiteral("<b>%1</b>").arg(kindText(p->kind).toHtmlEscaped()));
    m_name->setText(p->name);
    m_name->setReadOnly(!custom);
    m_baseUrl->setReadOnly(!custom);
    m_certFile->setReadOnly(!custom);
    m_browse->setEnabled(custom);
    m_certFile->setText(p->pinnedCertFile);
    if (builtIn)
        m_baseUrl->setText(m_builtIn ? m_builtIn->baseUrl.toString()
                                     : tr("(chosen when the sandbox starts)"));
    else
        m_baseUrl->setText(p->baseUrl.toString());
    m_configurationId->setText(p->configurationId);
    m_retUrlOrigins->setText(p->retUrlOrigins.join(QStringLiteral(", ")));
    m_retUrlOrigins->setEnabled(!builtIn);
    m_retUrlOrigins->setToolTip(
        builtIn ? tr("The built-in sandbox's events are answered on its own origin only.")
            : p->kind == Kind::Production
            ? tr("Embedded banking answers an event's retUrl only on these origins; none are "
                 "allowed until listed here.")
            : tr("Embedded banking answers an event's retUrl on this sandbox's own origin and on "
                 "any origin listed here."));
    for (QLineEdit *e : { m_apiKey, m_apiSecret, m_webhookSecret })
        e->clear();
    // The built-in sandbox's credentials are its own: AeroDesk writes them when it starts.
    m_apiKey->setEnabled(!builtIn);
    m_apiSecret->setEnabled(!builtIn);
    const QString managed =
        tr("The built-in sandbox's credentials are written by AeroDesk when it starts.");
    m_apiKey->setToolTip(
        builtIn ? managed
                : tr("Saved only in the keychain (profile \"%1\")").arg(p->keychainProfile));
    m_apiSecret->setToolTip(m_apiKey->toolTip());
    m_webhookSecret->setToolTip(
        tr("Saved only in the keychain as the current webhook secret (profile \"%1\")")
            .arg(p->keychainProfile));
    m_notice->clearNotice();
    m_teamStore->setProfile(*p);
    m_teamKey->setTeam(m_teamStore->editedChoice().team);
    refreshSecretStatus();
    refreshFingerprint();
    updateActions();
}

void SettingsPanel::refreshSecretStatus()
{
    const auto p = m_profiles.find(m_currentId);
    if (!p)
        return;
    keychain::Keychain &kc = keychainFor(p->keychainProfile);
    const CallbackGuard::Token alive = m_profileGuard.token();
    const std::pair<const char *, QLabel *> entries[] = {
        { keychain::entries::kApiKey, m_apiKeyStatus },
        { keychain::entries::kApiSecret, m_apiSecretStatus },
        { keychain::entries::kWebhookSecretCurrent, m_webhookSecretStatus }
    };
    auto pending = std::make_shared<int>(3);
    for (const auto &[name, status] : entries) {
        status->setText(tr("checking…"));
        QLabel *target = status;
        // The value is only tested for presence and wiped at once: it never reaches a widget.
        kc.read(QString::fromLatin1(name),
                [this, alive, target, pending](const keychain::KeychainError &e,
                                               crypto::SecureBytes value) {
                    const bool present = e.ok() && !value.isEmpty();
                    value.clear();
                    if (!alive)
                        return;
                    using Kind = keychain::KeychainError::Kind;
                    if (present)
                        target->setText(tr("saved ✓"));
                    else if (e.ok() || e.kind == Kind::NotFound)
                        target->setText(tr("not set"));
                    else if (e.kind == Kind::Locked)
                        target->setText(tr("keyring locked"));
                    else if (e.kind == Kind::NoBackend)
                        target->setText(tr("no keychain"));
                    else if (e.kind == Kind::Timeout)
                        target->setText(tr("keychain not answering"));
                    else
                        target->setText(tr("keychain error"));
                    target->setToolTip(e.ok() || e.kind == keychain::KeychainError::Kind::NotFound
                                           ? QString()
                                           : e.message);
                    target->setAccessibleDescription(target->text());
                    if (--*pending == 0)
                        Q_EMIT secretStatusChanged();
                });
    }
}

void SettingsPanel::refreshFingerprint()
{
    const auto p = m_profiles.find(m_currentId);
    if (!p)
        return;
    if (p->kind == Kind::Production)
        return m_fingerprint->setText(tr("none — system certificate authorities"));
    if (p->kind == Kind::BuiltInSandbox) {
        return m_fingerprint->setText(
            m_builtIn && m_builtIn->isPinned()
                ? tr("SHA-256 %1")
                      .arg(EnvironmentProfiles::formatFingerprint(m_builtIn->pinnedCertSha256Hex))
                : tr("(known when the sandbox has started)"));
    }
    const QString path = m_certFile->text().trimmed();
    if (path.isEmpty())
        return m_fingerprint->setText(tr("none — not pinned (system certificate authorities)"));
    m_fingerprint->setText(tr("reading…"));
    const CallbackGuard::Token alive = m_profileGuard.token();
    runOffUiThread<QString>(
        this,
        [path] {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return tr("cannot read %1: %2").arg(path, f.errorString());
            const auto certs = QSslCertificate::fromData(f.read(256 * 1024), QSsl::Pem);
            if (certs.isEmpty() || certs.first().isNull())
                return tr("%1 holds no PEM certificate").arg(path);
            return tr("SHA-256 %1")
                .arg(EnvironmentProfiles::formatFingerprint(
                    certs.first().digest(QCryptographicHash::Sha256).toHex()));
        },
        [this, alive](QString text) {
            if (alive)
                m_fingerprint->setText(text);
        });
}

EnvironmentProfile SettingsPanel::editedProfile() const
{
    EnvironmentProfile p = m_profiles.find(m_currentId).value_or(EnvironmentProfile {});
    p.configurationId = m_configurationId->text().trimmed();
    p.retUrlOrigins.clear();
    for (const QString &origin :
         m_retUrlOrigins->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!origin.trimmed().isEmpty())
            p.retUrlOrigins << origin.trimmed();
    if (p.kind == Kind::CustomSandbox) {
        p.name = m_name->text().trimmed().isEmpty() ? p.name : m_name->text().trimmed();
        p.baseUrl = QUrl(m_baseUrl->text().trimmed());
        p.pinnedCertFile = m_certFile->text().trimmed();
    }
    return p;
}

void SettingsPanel::saveCurrent()
{
    if (!m_profiles.find(m_currentId))
        return;
    const EnvironmentProfile p = editedProfile();
    if (p.kind == Kind::CustomSandbox) {
        // The one rule of core (https only, every host): nothing is saved for an http URL.
        if (auto problem = api::Environment::baseUrlProblem(p.baseUrl))
            return m_notice->showError(*problem);
    }
    QStringList rejected;
    embedded::RetUrlAllowList::fromOrigins(p.retUrlOrigins, &rejected);
    if (!rejected.isEmpty())
        return m_notice->showError(
            tr("retUrl origins: %1").arg(rejected.join(QStringLiteral("; "))));
    m_profiles.save(p);
    if (audit::AuditTrail *trail = m_session.audit()) {
        // Which secrets were replaced, by name only; never their values.
        QStringList secrets;
        if (m_apiKey->isEnabled() && !m_apiKey->text().isEmpty())
            secrets << QString::fromLatin1(keychain::entries::kApiKey);
        if (m_apiSecret->isEnabled() && !m_apiSecret->text().isEmpty())
            secrets << QString::fromLatin1(keychain::entries::kApiSecret);
        if (m_webhookSecret->isEnabled() && !m_webhookSecret->text().isEmpty())
            secrets << tr("webhook secret");
        trail->record(
            audit::AuditAction::SettingsChange,
            secrets.isEmpty()
                ? tr("environment %1").arg(p.name)
                : tr("environment %1; new %2").arg(p.name, secrets.join(QStringLiteral(", "))));
    }

    // Secrets: keychain only, from the fields straight into wiping memory; the fields are cleared.
    // The webhook secret goes through the session's secret ring for the profile, as a rotation
    // from the Webhooks panel does: the old secret stays accepted as the previous one.
    const std::pair<const char *, QLineEdit *> fields[] = {
        { keychain::entries::kApiKey, m_apiKey },
        { keychain::entries::kApiSecret, m_apiSecret },
        { keychain::entries::kWebhookSecretCurrent, m_webhookSecret }
    };
    auto errors = std::make_shared<QStringList>();
    const QString profile = p.keychainProfile;
    const CallbackGuard::Token alive = panelToken();
    const CallbackGuard::Token sameProfile = m_profileGuard.token();
    for (const auto &[name, edit] : fields) {
        if (!edit->isEnabled() || edit->text().isEmpty())
            continue;
        crypto::SecureBytes secret = takeSecretText(*edit);
        ++m_pendingWrites;
        const QString secretName =
            edit == m_webhookSecret ? tr("webhook secret") : QString::fromLatin1(name);
        auto written = [this, alive, sameProfile, errors, secretName,
                        profile](const keychain::KeychainError &e) {
            if (!alive)
                return;
            --m_pendingWrites;
            if (!e.ok())
                errors->append(tr("%1: %2").arg(secretName, e.message));
            if (m_pendingWrites > 0)
                return;
            if (errors->isEmpty()) {
                m_notice->showSuccess(
                    tr("Saved. Secrets are in the keychain (profile \"%1\") only.").arg(profile));
                Q_EMIT secretsSaved(profile);
            } else {
                m_notice->showError(
                    tr("Not saved in the keychain — %1").arg(errors->join(QStringLiteral("; "))));
                Q_EMIT failed(m_notice->text());
            }
            if (sameProfile)
                refreshSecretStatus();
            updateActions();
        };
        if (edit == m_webhookSecret)
            m_session.webhookSecretsFor(profile).setSecret(std::move(secret), /*keepPrevious=*/true,
                                                           written);
        else
            keychainFor(profile).write(QString::fromLatin1(name), secret, written);
    }
    reloadList();
    if (m_pendingWrites == 0)
        m_notice->showSuccess(tr("Saved."));
    else // a slow keychain (a prompt, a busy Secret Service) must not look like nothing happened
        m_notice->showInfo(tr("Writing to the keychain…"));
    updateActions();
}

void SettingsPanel::addCustomProfile()
{
    const EnvironmentProfile p = m_profiles.addCustom(tr("Custom sandbox"), QUrl());
    selectProfile(p.id);
    m_notice->showInfo(tr("Enter the sandbox's base URL (and optionally its certificate), its "
                          "apiKey and apiSecret, then Save."));
    m_name->setFocus();
}

void SettingsPanel::removeCurrentProfile()
{
    const auto p = m_profiles.find(m_currentId);
    if (!p || p->kind != Kind::CustomSandbox)
        return;
    m_profiles.remove(p->id);
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::SettingsChange,
                      tr("environment %1 removed").arg(p->name));
    selectProfile(QString::fromLatin1(EnvironmentProfiles::kBuiltInId));
    m_notice->showInfo(tr("Removed \"%1\". Its keychain entries (profile \"%2\") were left; remove "
                          "them with the keychain's own tools.")
                           .arg(p->name, p->keychainProfile));
}

void SettingsPanel::useCurrent()
{
    const auto p = m_profiles.find(m_currentId);
    if (!p || !m_use->isEnabled())
        return;
    if (p->kind == Kind::BuiltInSandbox) {
        if (m_builtIn) {
            api::Environment env = *m_builtIn; // its configurationId as edited here
            env.configurationId = editedProfile().configurationId;
            apply(env);
        }
        return;
    }
    const EnvironmentProfile edited = p->kind == Kind::CustomSandbox ? editedProfile() : *p;
    m_building = true;
    m_use->setEnabled(false);
    m_notice->showInfo(tr("Preparing %1…").arg(edited.name));
    const CallbackGuard::Token sameProfile = m_profileGuard.token();
    runOffUiThread<EnvOutcome>(
        this,
        [edited] {
            auto r = EnvironmentProfiles::toEnvironment(edited);
            return r ? EnvOutcome { r.value(), {} } : EnvOutcome { std::nullopt, r.error() };
        },
        [this, sameProfile](EnvOutcome outcome) {
            m_building = false;
            updateActions();
            if (!sameProfile)
                return;
            if (!outcome.environment)
                return m_notice->showError(outcome.error);
            if (!outcome.environment->isProduction())
                return apply(*outcome.environment);
            auto *box = new QMessageBox(
                QMessageBox::Warning, tr("Use production?"),
                tr("Switch AeroDesk to PRODUCTION? Every action then touches real users' bank "
                   "connections."),
                QMessageBox::Yes | QMessageBox::Cancel, this);
            box->setObjectName(QStringLiteral("productionConfirm"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setDefaultButton(QMessageBox::Cancel);
            const api::Environment env = *outcome.environment;
            connect(box, &QMessageBox::finished, this, [this, env](int result) {
                if (result == QMessageBox::Yes)
                    apply(env);
            });
            box->open();
        });
}

void SettingsPanel::apply(const api::Environment &environment)
{
    m_session.setEnvironment(environment);
    m_notice->showSuccess(tr("Now using %1.").arg(environment.name));
    Q_EMIT environmentChosen(environment);
}

void SettingsPanel::onEnvironment()
{
    if (m_session.isReady() && m_session.environment().kind == Kind::BuiltInSandbox)
        m_builtIn = m_session.environment();
    if (!m_currentId.isEmpty()) {
        reloadList();
        if (m_profiles.find(m_currentId) &&
            m_profiles.find(m_currentId)->kind == Kind::BuiltInSandbox) {
            m_baseUrl->setText(m_builtIn ? m_builtIn->baseUrl.toString() : m_baseUrl->text());
            refreshFingerprint();
            // Its credentials were written to the keychain just before the session got it.
            refreshSecretStatus();
        }
    }
    updateActions();
}

void SettingsPanel::updateActions()
{
    const auto p = m_profiles.find(m_currentId);
    const bool active =
        p && m_session.isReady() && m_session.environment().profile == p->keychainProfile;
    m_active->setText(!p           ? QString()
                          : active ? tr("✔ This is the active environment.")
                                   : tr("Not active."));
    m_remove->setEnabled(p && p->kind == Kind::CustomSandbox);
    m_remove->setToolTip(m_remove->isEnabled() ? tr("Remove this custom sandbox")
                                               : tr("Only custom sandboxes can be removed."));
    QString saveWhy;
    if (!p)
        saveWhy = tr("Choose a profile.");
    else if (m_pendingWrites > 0)
        saveWhy = tr("Writing to the keychain…");
    m_save->setEnabled(saveWhy.isEmpty());
    m_save->setToolTip(saveWhy.isEmpty()
                           ? tr("Public fields to the settings, secrets to the keychain only")
                           : saveWhy);
    QString useWhy;
    if (!p)
        useWhy = tr("Choose a profile.");
    else if (m_building)
        useWhy = tr("Preparing the environment…");
    else if (p->kind == Kind::BuiltInSandbox && !m_builtIn)
        useWhy = m_session.lastError().isEmpty() ? tr("The built-in sandbox has not started yet.")
                                                 : m_session.lastError();
    else if (p->kind == Kind::CustomSandbox && m_baseUrl->text().trimmed().isEmpty())
        useWhy = tr("Enter the sandbox's base URL first.");
    m_use->setEnabled(useWhy.isEmpty());
    m_use->setText(p && p->kind == Kind::Production ? tr("&Use PRODUCTION…")
                                                    : tr("&Use this environment"));
    m_use->setToolTip(useWhy.isEmpty() ? tr("Make this the active environment for every panel")
                                       : useWhy);
}

} // namespace aerodesk::ui
