#include "ui/settings/TeamKeyExportDialog.h"

#include "core/audit/AuditTrail.h"
#include "core/session/Session.h"
#include "core/team/TeamKeyInventory.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/SmallTextFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {

constexpr qint64 kMaxKeyFileBytes = 64 << 10;

QPlainTextEdit *armourEdit(const QString &name, const QString &accessible, QWidget *parent)
{
    auto *e = new QPlainTextEdit(parent);
    e->setObjectName(name);
    e->setAccessibleName(accessible);
    e->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    e->setLineWrapMode(QPlainTextEdit::NoWrap);
    return e;
}

} // namespace

TeamKeyExportDialog::TeamKeyExportDialog(session::Session &session, const QString &team,
                                         const QString &keyId, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_team(team)
    , m_keyId(keyId)
    , m_exporter(team)
{
    build();
    updateActions();
}

TeamKeyExportDialog::~TeamKeyExportDialog()
{
    m_passphrase->clear();
    m_passphraseAgain->clear();
}

void TeamKeyExportDialog::build()
{
    setObjectName(QStringLiteral("teamKeyExportDialog"));
    setWindowTitle(tr("Export team key %1").arg(m_keyId));
    resize(640, 560);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Wrap team key %1 of \"%2\" for one agent. Prefer their enrolment "
                                "key: only their keychain can open it. A passphrase export opens "
                                "with the passphrase alone: pass the two by different ways.")
                                 .arg(m_keyId, m_team),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_forAgent = new QRadioButton(tr("For an agent's &enrolment key"), this);
    m_forAgent->setObjectName(QStringLiteral("exportForAgent"));
    m_forAgent->setAccessibleName(tr("Export for an agent's enrolment key"));
    m_forAgent->setChecked(true);
    layout->addWidget(m_forAgent);
    m_agentKey =
        armourEdit(QStringLiteral("exportAgentKey"), tr("Agent's enrolment public key"), this);
    m_agentKey->setPlaceholderText(tr("Paste the enrolment key the agent sent you"));
    m_agentKey->setMaximumHeight(m_agentKey->fontMetrics().lineSpacing() * 7);
    layout->addWidget(m_agentKey);
    auto *agentRow = new QHBoxLayout;
    m_agentKeyInfo = namedLabel(QStringLiteral("exportAgentKeyInfo"), tr("Enrolment key"), this);
    m_agentKeyInfo->setWordWrap(true);
    m_loadAgentKey = namedButton(tr("&Load file…"), QStringLiteral("exportLoadAgentKey"),
                                 tr("Load the agent's enrolment key from a file"), this);
    agentRow->addWidget(m_agentKeyInfo, 1);
    agentRow->addWidget(m_loadAgentKey);
    layout->addLayout(agentRow);

    m_underPassphrase = new QRadioButton(tr("Under a &passphrase"), this);
    m_underPassphrase->setObjectName(QStringLiteral("exportUnderPassphrase"));
    m_underPassphrase->setAccessibleName(tr("Export under a passphrase"));
    layout->addWidget(m_underPassphrase);
    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("exportPassphrase"));
    m_passphrase->setAccessibleName(tr("Export passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setPlaceholderText(
        tr("at least %1 characters").arg(team::TeamKeyExporter::kMinPassphraseBytes));
    m_passphraseAgain = new QLineEdit(this);
    m_passphraseAgain->setObjectName(QStringLiteral("exportPassphraseAgain"));
    m_passphraseAgain->setAccessibleName(tr("Export passphrase, again"));
    m_passphraseAgain->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Pass&phrase:"), m_passphrase);
    form->addRow(tr("&Again:"), m_passphraseAgain);
    layout->addLayout(form);

    m_run =
        namedButton(tr("E&xport"), QStringLiteral("exportRun"), tr("Export the team key"), this);
    auto *runRow = new QHBoxLayout;
    runRow->addStretch();
    runRow->addWidget(m_run);
    layout->addLayout(runRow);
    m_notice = new NoticeLine(QStringLiteral("exportNotice"), tr("Export result"), this);
    layout->addWidget(m_notice);
    m_output = armourEdit(QStringLiteral("exportedText"), tr("The export, for the agent"), this);
    m_output->setReadOnly(true);
    layout->addWidget(m_output, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = namedButton(tr("&Copy"), QStringLiteral("exportCopy"), tr("Copy the export"), this);
    m_save = namedButton(tr("&Save…"), QStringLiteral("exportSave"), tr("Save the export"), this);
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_forAgent, &QRadioButton::toggled, this, &TeamKeyExportDialog::updateActions);
    connect(m_agentKey, &QPlainTextEdit::textChanged, this, &TeamKeyExportDialog::showAgentKey);
    connect(m_passphrase, &QLineEdit::textChanged, this, &TeamKeyExportDialog::updateActions);
    connect(m_passphraseAgain, &QLineEdit::textChanged, this, &TeamKeyExportDialog::updateActions);
    connect(m_loadAgentKey, &QPushButton::clicked, this, &TeamKeyExportDialog::loadAgentKey);
    connect(m_run, &QPushButton::clicked, this, &TeamKeyExportDialog::runExport);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_output->toPlainText());
        m_notice->showInfo(tr("Export copied."));
    });
    connect(m_save, &QPushButton::clicked, this, &TeamKeyExportDialog::saveExport);
}

QString TeamKeyExportDialog::exportedText() const
{
    return m_output->toPlainText();
}

void TeamKeyExportDialog::showAgentKey()
{
    const QString text = m_agentKey->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_agentKeyInfo->setText(QString());
    } else if (auto key = team::EnrolmentPublicKey::parse(text.toUtf8())) {
        m_agentKeyInfo->setText(tr("Enrolment key %1 of \"%2\", made %3")
                                    .arg(key->keyId(), key->agent, key->createdAt));
    } else {
        m_agentKeyInfo->setText(key.error().message);
    }
    updateActions();
}

void TeamKeyExportDialog::updateActions()
{
    const bool agent = m_forAgent->isChecked();
    m_agentKey->setEnabled(agent && !m_busy);
    m_loadAgentKey->setEnabled(agent && !m_busy);
    m_passphrase->setEnabled(!agent && !m_busy);
    m_passphraseAgain->setEnabled(!agent && !m_busy);
    bool ready = false;
    if (agent) {
        ready = team::EnrolmentPublicKey::parse(m_agentKey->toPlainText().trimmed().toUtf8()).ok();
    } else {
        ready =
            !m_passphrase->text().isEmpty() && m_passphrase->text() == m_passphraseAgain->text();
    }
    m_run->setEnabled(ready && !m_busy);
    const bool made = !m_output->toPlainText().isEmpty();
    m_copy->setEnabled(made);
    m_save->setEnabled(made);
}

void TeamKeyExportDialog::loadAgentKey()
{
    SmallTextFile::pick(
        this, tr("The agent's enrolment key"), tr("an enrolment key"), kMaxKeyFileBytes,
        [this](const QString &text) { m_agentKey->setPlainText(text); },
        [this](const QString &error) { m_notice->showError(error); });
}

void TeamKeyExportDialog::runExport()
{
    if (m_busy || !m_run->isEnabled())
        return;
    const QString createdBy = team::TeamKeyInventory::defaultAgentName();
    auto done = [this, alive = m_guard.token()](QString object) {
        return [this, alive, object](Result<team::TeamKeyExporter::Exported, team::TeamError> out) {
            if (!alive)
                return;
            finished(out, object);
        };
    };
    m_output->clear();
    m_notice->clearNotice();
    if (m_forAgent->isChecked()) {
        auto agent = team::EnrolmentPublicKey::parse(m_agentKey->toPlainText().trimmed().toUtf8());
        if (!agent)
            return m_notice->showError(agent.error().message);
        m_busy = true;
        updateActions();
        m_exporter.forAgent(agent.value(), createdBy, m_keyId,
                            done(tr("team key of %1 for %2").arg(m_team, agent->keyId())));
        return;
    }
    QString typed = m_passphrase->text();
    crypto::SecureBytes passphrase = crypto::SecureBytes::fromUtf8(typed);
    crypto::secureWipe(typed);
    if (auto problem = team::TeamKeyExporter::passphraseProblem(passphrase))
        return m_notice->showError(*problem);
    m_passphrase->clear();
    m_passphraseAgain->clear();
    m_busy = true;
    updateActions();
    m_notice->showInfo(tr("Wrapping under the passphrase (about a second)…"));
    m_exporter.withPassphrase(std::move(passphrase), createdBy, m_keyId,
                              done(tr("team key of %1 (passphrase)").arg(m_team)));
}

void TeamKeyExportDialog::finished(
    const Result<team::TeamKeyExporter::Exported, team::TeamError> &out, const QString &object)
{
    m_busy = false;
    if (auto *trail = m_session.audit())
        trail->record(audit::AuditAction::Export, object,
                      out ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
    QString message;
    if (out) {
        m_output->setPlainText(QString::fromLatin1(out->armoured));
        message = out->recipientKeyId.isEmpty()
            ? tr("Team key %1 exported under the passphrase. Send the passphrase another way "
                 "than the export.")
                  .arg(out->keyId)
            : tr("Team key %1 exported for enrolment key %2: only that agent's keychain opens it.")
                  .arg(out->keyId, out->recipientKeyId);
        m_notice->showSuccess(message);
    } else {
        message = out.error().message;
        m_notice->showError(message);
    }
    updateActions();
    Q_EMIT exported(out.ok(), message);
}

void TeamKeyExportDialog::saveExport()
{
    auto *dialog = new QFileDialog(this, tr("Save the team key export"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->selectFile(QStringLiteral("%1-team-key.txt").arg(m_keyId));
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(m_output->toPlainText().toLatin1()) < 0 ||
            !f.commit())
            return m_notice->showError(tr("Cannot write %1: %2").arg(path, f.errorString()));
        m_notice->showSuccess(tr("Export saved to %1.").arg(path));
    });
    dialog->open();
}

} // namespace aerodesk::ui
