#include "ui/settings/TeamStoreForm.h"

#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/StoreOpener.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {
QLineEdit *teamStoreEdit(const QString &name, const QString &accessible, QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    e->setAccessibleName(accessible);
    return e;
}

QString teamStorePasswordName()
{
    return QString::fromLatin1(keychain::entries::kTeamStorePassword);
}
} // namespace

TeamStoreForm::TeamStoreForm(QSettings &settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    build();
    updateEnabled();
}

TeamStoreForm::~TeamStoreForm() = default;

void TeamStoreForm::build()
{
    setObjectName(QStringLiteral("teamStoreForm"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Store"), this);
    auto *layout = new QVBoxLayout(box);
    m_local = new QRadioButton(tr("&Local store (this desktop only)"), box);
    m_local->setObjectName(QStringLiteral("teamStoreLocal"));
    m_team = new QRadioButton(tr("&Team store on PostgreSQL (shared, end-to-end encrypted)"), box);
    m_team->setObjectName(QStringLiteral("teamStorePostgres"));
    m_local->setAccessibleName(tr("Local store"));
    m_team->setAccessibleName(tr("Team store on PostgreSQL"));
    m_local->setChecked(true);
    layout->addWidget(m_local);
    layout->addWidget(m_team);

    m_fields = new QGroupBox(box);
    m_fields->setFlat(true);
    auto *form = new QFormLayout(m_fields);
    m_host = teamStoreEdit(QStringLiteral("teamStoreHost"), tr("Team store host"), m_fields);
    m_host->setPlaceholderText(tr("e.g. db.example.com"));
    m_port = new QSpinBox(m_fields);
    m_port->setObjectName(QStringLiteral("teamStorePort"));
    m_port->setAccessibleName(tr("Team store port"));
    m_port->setRange(0, 99999); // out-of-range ports get TeamStoreSettings' message
    m_port->setValue(5432);
    if (auto *editor = m_port->findChild<QLineEdit *>()) // the spin box's own editor
        editor->setAccessibleName(m_port->accessibleName());
    m_database =
        teamStoreEdit(QStringLiteral("teamStoreDatabase"), tr("Team store database"), m_fields);
    m_user = teamStoreEdit(QStringLiteral("teamStoreUser"), tr("Team store user"), m_fields);
    m_sslMode = new QComboBox(m_fields);
    m_sslMode->setObjectName(QStringLiteral("teamStoreSslMode"));
    m_sslMode->setAccessibleName(tr("TLS mode"));
    m_sslMode->addItems(session::TeamStoreSettings::sslModes());
    m_caFile = teamStoreEdit(QStringLiteral("teamStoreCaFile"), tr("CA file (PEM)"), m_fields);
    m_caFile->setPlaceholderText(tr("the CA (PEM) that signed the server's certificate"));
    m_browse = namedButton(tr("Browse…"), QStringLiteral("teamStoreBrowseCa"),
                           tr("Choose the team store's CA file"), m_fields);
    auto *caRow = new QHBoxLayout;
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(m_browse);
    m_teamName = teamStoreEdit(QStringLiteral("teamStoreTeam"), tr("Team"), m_fields);
    m_teamName->setToolTip(
        tr("The team whose key opens this store (keychain profile "
           "\"Team: <name>\"; Team key, below, or aerodesk-cli team import puts it there)."));
    m_password =
        teamStoreEdit(QStringLiteral("teamStorePassword"), tr("Team store password"), m_fields);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("type to replace; never shown again"));
    m_passwordStatus =
        namedLabel(QStringLiteral("teamStorePasswordStatus"), tr("Password status"), m_fields);
    auto *passwordRow = new QHBoxLayout;
    passwordRow->addWidget(m_password, 1);
    passwordRow->addWidget(m_passwordStatus);
    m_warning = namedLabel(QStringLiteral("teamStoreTlsWarning"), tr("TLS warning"), m_fields);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(QStringLiteral("color: #b35c00;"));
    auto buddyRow = [form, this](const QString &text, QWidget *buddy, QLayout *row) {
        auto *l = new QLabel(text, m_fields);
        l->setBuddy(buddy);
        form->addRow(l, row);
    };
    form->addRow(tr("&Host:"), m_host);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(tr("&Database:"), m_database);
    form->addRow(tr("Us&er:"), m_user);
    form->addRow(tr("&TLS mode:"), m_sslMode);
    form->addRow(m_warning);
    buddyRow(tr("C&A file:"), m_caFile, caRow);
    form->addRow(tr("Tea&m:"), m_teamName);
    buddyRow(tr("Pass&word:"), m_password, passwordRow);
    layout->addWidget(m_fields);

    auto *actions = new QHBoxLayout;
    m_test = namedButton(tr("Test &connection"), QStringLiteral("teamStoreTestButton"),
                         tr("Test the team store connection"), box);
    m_apply = namedButton(tr("A&pply store"), QStringLiteral("teamStoreApplyButton"),
                          tr("Save the store choice and re-open the store"), box);
    actions->addStretch();
    actions->addWidget(m_test);
    actions->addWidget(m_apply);
    layout->addLayout(actions);
    m_notice = new NoticeLine(QStringLiteral("teamStoreNotice"), tr("Team store result"), box);
    layout->addWidget(m_notice);
    outer->addWidget(box);

    connect(m_local, &QRadioButton::toggled, this, &TeamStoreForm::updateEnabled);
    connect(m_team, &QRadioButton::toggled, this, &TeamStoreForm::updateEnabled);
    connect(m_sslMode, &QComboBox::currentTextChanged, this, &TeamStoreForm::refreshWarning);
    connect(m_test, &QPushButton::clicked, this, &TeamStoreForm::testConnection);
    connect(m_apply, &QPushButton::clicked, this, &TeamStoreForm::apply);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *dialog = new QFileDialog(this, tr("Team store CA (PEM)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setNameFilters({ tr("PEM certificates (*.pem *.crt)"), tr("All files (*)") });
        connect(dialog, &QFileDialog::fileSelected, m_caFile, &QLineEdit::setText);
        dialog->open();
    });
}

keychain::Keychain &TeamStoreForm::keychainFor(const QString &profile)
{
    auto &slot = m_keychains[profile];
    if (!slot)
        slot = std::make_unique<keychain::Keychain>(profile);
    return *slot;
}

store::StoreOpener &TeamStoreForm::openerFor(const QString &profile)
{
    auto &slot = m_openers[profile];
    if (!slot)
        slot = std::make_unique<store::StoreOpener>(keychainFor(profile));
    return *slot;
}

void TeamStoreForm::setProfile(const session::EnvironmentProfile &profile)
{
    m_guard.reset();
    m_busy = false;
    m_profile = profile;
    const session::TeamStoreChoice c = m_settings.read(profile.id);
    (c.teamStore ? m_team : m_local)->setChecked(true);
    m_host->setText(c.host);
    m_port->setValue(c.port);
    m_database->setText(c.database);
    m_user->setText(c.user);
    m_sslMode->setCurrentText(c.sslMode);
    m_caFile->setText(c.caFile);
    m_teamName->setText(c.team);
    m_password->clear();
    m_password->setToolTip(tr("Saved only in the keychain (profile \"%1\", entry %2)")
                               .arg(profile.keychainProfile, teamStorePasswordName()));
    m_notice->clearNotice();
    refreshWarning();
    refreshPasswordStatus();
    updateEnabled();
}

session::TeamStoreChoice TeamStoreForm::editedChoice() const
{
    session::TeamStoreChoice c;
    c.teamStore = m_team->isChecked();
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.database = m_database->text().trimmed();
    c.user = m_user->text().trimmed();
    c.sslMode = m_sslMode->currentText();
    c.caFile = m_caFile->text().trimmed();
    c.team = m_teamName->text().trimmed();
    return c;
}

void TeamStoreForm::updateEnabled()
{
    m_fields->setEnabled(m_team->isChecked());
    m_test->setEnabled(m_team->isChecked() && !m_busy && !m_profile.id.isEmpty());
    m_apply->setEnabled(!m_busy && !m_profile.id.isEmpty());
    refreshWarning();
}

void TeamStoreForm::refreshWarning()
{
    const auto warning = session::TeamStoreSettings::warning(editedChoice());
    m_warning->setText(warning.value_or(QString()));
    m_warning->setVisible(warning.has_value());
}

void TeamStoreForm::refreshPasswordStatus()
{
    if (m_profile.keychainProfile.isEmpty())
        return;
    m_passwordStatus->setText(tr("checking…"));
    const CallbackGuard::Token alive = m_guard.token();
    // Tested for presence only and wiped at once: the password never reaches a widget.
    keychainFor(m_profile.keychainProfile)
        .read(teamStorePasswordName(),
              [this, alive](const keychain::KeychainError &e, crypto::SecureBytes value) {
                  const bool present = e.ok() && !value.isEmpty();
                  value.clear();
                  if (!alive)
                      return;
                  if (present)
                      m_passwordStatus->setText(tr("saved ✓"));
                  else if (e.ok() || e.kind == keychain::KeychainError::Kind::NotFound)
                      m_passwordStatus->setText(tr("not set"));
                  else
                      m_passwordStatus->setText(tr("keychain error"));
                  m_passwordStatus->setToolTip(e.ok() ? QString() : e.message);
                  m_passwordStatus->setAccessibleDescription(m_passwordStatus->text());
                  Q_EMIT passwordStatusChanged();
              });
}

void TeamStoreForm::apply()
{
    if (m_profile.id.isEmpty() || m_busy)
        return;
    const session::TeamStoreChoice choice = editedChoice();
    if (const auto problem = session::TeamStoreSettings::problem(choice))
        return m_notice->showError(*problem);
    m_settings.save(m_profile.id, choice);
    const QString id = m_profile.id;
    if (m_password->text().isEmpty()) {
        m_notice->showSuccess(choice.teamStore ? tr("Saved: the console opens the team store.")
                                               : tr("Saved: the console uses the local store."));
        return Q_EMIT applied(id);
    }
    auto password = crypto::SecureBytes::fromUtf8(m_password->text());
    m_password->clear();
    m_busy = true;
    updateEnabled();
    m_notice->showInfo(tr("Saving the password in the keychain…"));
    const CallbackGuard::Token alive = m_guard.token();
    keychainFor(m_profile.keychainProfile)
        .write(
            teamStorePasswordName(), password, [this, alive, id](const keychain::KeychainError &e) {
                if (!alive)
                    return;
                m_busy = false;
                updateEnabled();
                refreshPasswordStatus();
                if (!e.ok())
                    return m_notice->showError(
                        tr("The settings were saved, but the password could not be saved in the "
                           "keychain: %1")
                            .arg(e.message));
                m_notice->showSuccess(tr("Saved (password in the keychain): the console opens the "
                                         "team store."));
                Q_EMIT applied(id);
            });
}

void TeamStoreForm::testConnection()
{
    if (m_profile.id.isEmpty() || m_busy)
        return;
    const session::TeamStoreChoice choice = editedChoice();
    if (const auto problem = session::TeamStoreSettings::problem(choice)) {
        m_notice->showError(*problem);
        return Q_EMIT tested(false, *problem);
    }
    std::shared_ptr<crypto::SecureBytes> typed;
    if (!m_password->text().isEmpty())
        typed = std::make_shared<crypto::SecureBytes>(
            crypto::SecureBytes::fromUtf8(m_password->text()));
    const store::StoreTarget target = session::TeamStoreSettings::target(choice, QString());
    m_busy = true;
    updateEnabled();
    m_notice->showInfo(tr("Connecting to %1…").arg(target.describe()));
    const CallbackGuard::Token alive = m_guard.token();
    openerFor(m_profile.keychainProfile)
        .probe(
            target,
            [this, alive, target](store::StoreOpener::ProbeOutcome outcome) {
                if (!alive)
                    return;
                m_busy = false;
                updateEnabled();
                if (!outcome.error.ok()) {
                    m_notice->showError(outcome.error.message);
                    return Q_EMIT tested(false, outcome.error.message);
                }
                const QString message = tr("Connected to %1: the store opens with team key %2.")
                                            .arg(target.describe(), outcome.keyId);
                m_notice->showSuccess(message);
                Q_EMIT tested(true, message);
            },
            typed);
}

} // namespace aerodesk::ui
