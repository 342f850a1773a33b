#include "ui/settings/TeamKeyForm.h"

#include "core/session/Session.h"
#include "core/store/RotationControl.h"
#include "core/team/TeamKeychain.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/settings/KeyRotationBox.h"
#include "ui/settings/TeamKeyExportDialog.h"
#include "ui/settings/TeamKeyImportDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

TeamKeyForm::TeamKeyForm(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    build();
    showHeld();
}

TeamKeyForm::~TeamKeyForm() = default;

void TeamKeyForm::build()
{
    setObjectName(QStringLiteral("teamKeyForm"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *box = new QGroupBox(tr("Team key"), this);
    auto *layout = new QVBoxLayout(box);
    auto *intro = new QLabel(tr("A team store is opened with its team's key, held only in each "
                                "member's keychain. The lead creates it once and exports it for "
                                "each agent; an agent creates an enrolment key, sends its public "
                                "half to the lead and imports what comes back."),
                             box);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_team = new QLineEdit(box);
    m_team->setObjectName(QStringLiteral("teamKeyTeam"));
    m_team->setAccessibleName(tr("Team of the key"));
    m_team->setPlaceholderText(tr("the team's name, as in the store settings"));
    m_refresh = namedButton(tr("&Show"), QStringLiteral("teamKeyRefresh"),
                            tr("Show this team's keys"), box);
    auto *teamRow = new QHBoxLayout;
    teamRow->addWidget(m_team, 1);
    teamRow->addWidget(m_refresh);
    auto *teamLabel = new QLabel(tr("Team for &keys:"), box);
    teamLabel->setBuddy(m_team);
    form->addRow(teamLabel, teamRow);
    m_teamKeyStatus = namedLabel(QStringLiteral("teamKeyStatus"), tr("Team key status"), box);
    m_teamKeyStatus->setWordWrap(true);
    m_teamKeyStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Team key:"), m_teamKeyStatus);
    m_enrolmentStatus =
        namedLabel(QStringLiteral("enrolmentKeyStatus"), tr("Enrolment key status"), box);
    m_enrolmentStatus->setWordWrap(true);
    m_enrolmentStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(tr("Enrolment key:"), m_enrolmentStatus);
    layout->addLayout(form);

    m_publicKey = new QPlainTextEdit(box);
    m_publicKey->setObjectName(QStringLiteral("enrolmentPublicKeyText"));
    m_publicKey->setAccessibleName(tr("Enrolment public key, to send to the lead"));
    m_publicKey->setReadOnly(true);
    m_publicKey->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_publicKey->setMaximumHeight(m_publicKey->fontMetrics().lineSpacing() * 7);
    m_publicKey->setToolTip(tr("Nothing in it is secret: send it to your lead."));
    layout->addWidget(m_publicKey);

    auto *mine = new QHBoxLayout;
    m_createKey = namedButton(tr("C&reate team key"), QStringLiteral("teamKeyCreate"),
                              tr("Create the team key (the lead, once per team)"), box);
    m_createEnrolment =
        namedButton(tr("Create &enrolment key"), QStringLiteral("enrolmentKeyCreate"),
                    tr("Create this console's enrolment key for the team"), box);
    m_copyEnrolment = namedButton(tr("Cop&y public key"), QStringLiteral("enrolmentKeyCopy"),
                                  tr("Copy the enrolment public key"), box);
    mine->addWidget(m_createKey);
    mine->addWidget(m_createEnrolment);
    mine->addWidget(m_copyEnrolment);
    mine->addStretch();
    layout->addLayout(mine);
    auto *share = new QHBoxLayout;
    m_export = namedButton(tr("E&xport for an agent…"), QStringLiteral("teamKeyExport"),
                           tr("Export the team key for an agent"), box);
    m_import = namedButton(tr("&Import an export…"), QStringLiteral("teamKeyImport"),
                           tr("Import a team key export"), box);
    share->addWidget(m_export);
    share->addWidget(m_import);
    share->addStretch();
    layout->addLayout(share);
    m_notice = new NoticeLine(QStringLiteral("teamKeyNotice"), tr("Team key result"), box);
    layout->addWidget(m_notice);
    m_rotation = new KeyRotationBox(m_session, box);
    layout->addWidget(m_rotation);
    outer->addWidget(box);
    connect(m_rotation, &KeyRotationBox::exportRequested, this, &TeamKeyForm::openExportOf);
    connect(m_rotation, &KeyRotationBox::stepDone, this, [this] { refresh(); });

    connect(m_team, &QLineEdit::returnPressed, this, &TeamKeyForm::refresh);
    connect(m_team, &QLineEdit::textChanged, this, [this] { m_rotation->setTeam(team()); });
    connect(m_team, &QLineEdit::textEdited, this, [this] {
        m_guard.reset();
        m_known = false;
        m_busy = false;
        m_held = {};
        showHeld();
    });
    connect(m_refresh, &QPushButton::clicked, this, &TeamKeyForm::refresh);
    connect(m_createKey, &QPushButton::clicked, this, &TeamKeyForm::createTeamKey);
    connect(m_createEnrolment, &QPushButton::clicked, this, &TeamKeyForm::createEnrolmentKey);
    connect(m_copyEnrolment, &QPushButton::clicked, this, &TeamKeyForm::copyEnrolmentKey);
    connect(m_export, &QPushButton::clicked, this, &TeamKeyForm::openExport);
    connect(m_import, &QPushButton::clicked, this, &TeamKeyForm::openImport);
}

TeamKeyExportDialog *TeamKeyForm::exportDialog() const
{
    return m_exportDialog;
}

TeamKeyImportDialog *TeamKeyForm::importDialog() const
{
    return m_importDialog;
}

QString TeamKeyForm::team() const
{
    return m_team->text().trimmed();
}

QString TeamKeyForm::heldEnrolmentKeyId() const
{
    return m_held.enrolmentKey ? m_held.enrolmentKey->keyId() : QString();
}

void TeamKeyForm::setTeam(const QString &team)
{
    if (team.trimmed().isEmpty() || team.trimmed() == this->team())
        return;
    m_team->setText(team.trimmed());
    m_rotation->setTeam(this->team());
    m_guard.reset();
    m_busy = false;
    m_known = false;
    m_held = {};
    m_notice->clearNotice();
    refresh();
}

team::TeamKeyInventory *TeamKeyForm::inventory()
{
    const QString name = team();
    if (auto problem = team::TeamKeychain::teamNameProblem(name)) {
        m_notice->showError(tr("Team: %1").arg(*problem));
        return nullptr;
    }
    if (!m_inventory || m_inventory->team() != name)
        m_inventory = std::make_unique<team::TeamKeyInventory>(name);
    return m_inventory.get();
}

void TeamKeyForm::refresh()
{
    auto *keys = inventory();
    if (!keys)
        return;
    m_guard.reset();
    m_busy = true;
    updateActions();
    keys->read(team::TeamKeyInventory::defaultAgentName(),
               [this, alive = m_guard.token()](
                   Result<team::TeamKeyInventory::Held, team::TeamError> held) {
                   if (!alive)
                       return;
                   m_busy = false;
                   m_known = held.ok();
                   m_held = held ? held.value() : team::TeamKeyInventory::Held {};
                   if (!held)
                       m_notice->showError(held.error().message);
                   showHeld();
                   Q_EMIT refreshed();
               });
}

void TeamKeyForm::showHeld()
{
    const QString name = team();
    if (!m_known) {
        m_teamKeyStatus->setText(name.isEmpty() ? tr("Name a team to see its keys.")
                                                : tr("Not read yet: press Show."));
        m_enrolmentStatus->setText(QString());
    } else {
        m_teamKeyStatus->setText(
            m_held.teamKeyId.isEmpty()
                ? tr("None for \"%1\" on this console: a lead creates it, an agent imports the "
                     "lead's export.")
                      .arg(name)
                : tr("%1, in this keychain (profile \"%2\")")
                      .arg(m_held.teamKeyId, team::TeamKeychain::profileFor(name)));
        m_enrolmentStatus->setText(
            m_held.enrolmentKey
                ? tr("%1: send its public half below to your lead").arg(heldEnrolmentKeyId())
                : tr("None (an agent needs one to receive the team key without a passphrase)"));
    }
    m_publicKey->setPlainText(
        m_held.enrolmentKey ? QString::fromLatin1(m_held.enrolmentKey->toArmoured()) : QString());
    m_publicKey->setVisible(m_held.enrolmentKey.has_value());
    updateActions();
}

void TeamKeyForm::updateActions()
{
    const bool named = !team().isEmpty();
    const bool idle = !m_busy;
    m_refresh->setEnabled(named && idle);
    m_createKey->setEnabled(named && idle && m_known && m_held.teamKeyId.isEmpty());
    m_createKey->setToolTip(!m_held.teamKeyId.isEmpty()
                                ? tr("This console already holds the team's key.")
                                : tr("The lead creates the team key once; agents import it."));
    m_createEnrolment->setEnabled(named && idle && m_known && !m_held.enrolmentKey);
    m_createEnrolment->setToolTip(
        m_held.enrolmentKey
            ? tr("This console already has one; `aerodesk-cli team enrol-key --replace` replaces "
                 "it.")
            : tr("A key pair whose private half stays in this keychain."));
    m_copyEnrolment->setEnabled(m_held.enrolmentKey.has_value());
    m_export->setEnabled(named && idle && m_known && !m_held.teamKeyId.isEmpty());
    m_export->setToolTip(m_held.teamKeyId.isEmpty()
                             ? tr("This console holds no key of this team to export.")
                             : tr("Wrap the team key for an agent's enrolment key or under a "
                                  "passphrase."));
    m_import->setEnabled(idle);
}

void TeamKeyForm::createTeamKey()
{
    auto *keys = inventory();
    if (!keys || m_busy)
        return;
    m_busy = true;
    updateActions();
    keys->createTeamKey([this, alive = m_guard.token()](Result<QString, team::TeamError> id) {
        if (!alive)
            return;
        m_busy = false;
        QString message;
        if (id) {
            message = tr("Team key %1 created for \"%2\", in this keychain only. Export it for "
                         "each agent.")
                          .arg(id.value(), team());
            m_notice->showSuccess(message);
        } else {
            message = id.error().message;
            m_notice->showError(message);
        }
        Q_EMIT created(id.ok(), message);
        refresh();
    });
}

void TeamKeyForm::createEnrolmentKey()
{
    auto *keys = inventory();
    if (!keys || m_busy)
        return;
    m_busy = true;
    updateActions();
    keys->createEnrolmentKey(
        team::TeamKeyInventory::defaultAgentName(), false,
        [this, alive = m_guard.token()](Result<team::EnrolmentPublicKey, team::TeamError> key) {
            if (!alive)
                return;
            m_busy = false;
            QString message;
            if (key) {
                message = tr("Enrolment key %1 created: its private half is in this keychain "
                             "only. Send the public key shown to your lead.")
                              .arg(key->keyId());
                m_notice->showSuccess(message);
            } else {
                message = key.error().message;
                m_notice->showError(message);
            }
            Q_EMIT created(key.ok(), message);
            refresh();
        });
}

void TeamKeyForm::copyEnrolmentKey()
{
    if (!m_held.enrolmentKey)
        return;
    QApplication::clipboard()->setText(QString::fromLatin1(m_held.enrolmentKey->toArmoured()));
    m_notice->showInfo(tr("Enrolment public key %1 copied.").arg(heldEnrolmentKeyId()));
}

void TeamKeyForm::openExport()
{
    openExportOf(m_held.teamKeyId);
}

void TeamKeyForm::openExportOf(const QString &keyId)
{
    if (keyId.isEmpty())
        return;
    if (m_exportDialog)
        m_exportDialog->close();
    m_exportDialog = new TeamKeyExportDialog(m_session, team(), keyId, this);
    m_exportDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_exportDialog->open();
}

void TeamKeyForm::openImport()
{
    if (m_importDialog)
        m_importDialog->close();
    m_importDialog = new TeamKeyImportDialog(m_session, this);
    m_importDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_importDialog, &TeamKeyImportDialog::imported, this,
            [this](const QString &teamName, const QString &, bool besideCurrent) {
                // The rotation's next key: the console (and every other) takes it at once.
                if (besideCurrent && m_rotation->control())
                    m_rotation->control()->takeHeldKeys();
                if (teamName == team())
                    return refresh();
                setTeam(teamName);
            });
    m_importDialog->open();
}

} // namespace aerodesk::ui
