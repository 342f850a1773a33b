#include "ui/settings/TeamKeyImportDialog.h"

#include "core/audit/AuditTrail.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/team/TeamKeyExport.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/SmallTextFile.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {
constexpr qint64 kMaxExportBytes = 64 << 10;
} // namespace

TeamKeyImportDialog::TeamKeyImportDialog(session::Session &session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    build();
    showHeader();
}

TeamKeyImportDialog::~TeamKeyImportDialog()
{
    m_passphrase->clear();
}

void TeamKeyImportDialog::build()
{
    setObjectName(QStringLiteral("teamKeyImportDialog"));
    setWindowTitle(tr("Import a team key"));
    resize(640, 480);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Paste the export your lead sent you, or load its file. The team "
                                "key goes into this console's keychain and nowhere else."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("importText"));
    m_text->setAccessibleName(tr("Team key export"));
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setPlaceholderText(tr("-----BEGIN AERODESK TEAM KEY-----"));
    layout->addWidget(m_text, 1);
    auto *row = new QHBoxLayout;
    m_header = namedLabel(QStringLiteral("importHeader"), tr("What the export holds"), this);
    m_header->setWordWrap(true);
    m_load = namedButton(tr("&Load file…"), QStringLiteral("importLoadFile"),
                         tr("Load the export from a file"), this);
    row->addWidget(m_header, 1);
    row->addWidget(m_load);
    layout->addLayout(row);
    auto *form = new QFormLayout;
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("importPassphrase"));
    m_passphrase->setAccessibleName(tr("Export passphrase"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Pass&phrase:"), m_passphrase);
    layout->addLayout(form);
    m_notice = new NoticeLine(QStringLiteral("importNotice"), tr("Import result"), this);
    layout->addWidget(m_notice);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_run =
        namedButton(tr("&Import"), QStringLiteral("importRun"), tr("Import the team key"), this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_text, &QPlainTextEdit::textChanged, this, &TeamKeyImportDialog::showHeader);
    connect(m_passphrase, &QLineEdit::textChanged, this, &TeamKeyImportDialog::updateActions);
    connect(m_passphrase, &QLineEdit::returnPressed, this, &TeamKeyImportDialog::runImport);
    connect(m_load, &QPushButton::clicked, this, &TeamKeyImportDialog::loadFile);
    connect(m_run, &QPushButton::clicked, this, &TeamKeyImportDialog::runImport);
}

void TeamKeyImportDialog::setExportText(const QString &text)
{
    m_text->setPlainText(text);
}

void TeamKeyImportDialog::showHeader()
{
    const QString text = m_text->toPlainText().trimmed();
    m_parsed = false;
    m_needsPassphrase = false;
    if (text.isEmpty()) {
        m_header->setText(QString());
        return updateActions();
    }
    auto parsed = team::TeamKeyExport::parse(text.toUtf8());
    if (!parsed) {
        m_header->setText(parsed.error().message);
        return updateActions();
    }
    const team::ExportHeader &h = parsed->header;
    m_parsed = true;
    m_needsPassphrase = h.kind == team::ExportHeader::Kind::Passphrase;
    m_header->setText(m_needsPassphrase
                          ? tr("Team key %1 of \"%2\", exported by %3 under a passphrase.")
                                .arg(h.keyId, h.team, h.createdBy)
                          : tr("Team key %1 of \"%2\", exported by %3 for enrolment key %4.")
                                .arg(h.keyId, h.team, h.createdBy, h.recipientKeyId));
    updateActions();
}

void TeamKeyImportDialog::updateActions()
{
    m_text->setReadOnly(m_busy);
    m_load->setEnabled(!m_busy);
    m_passphrase->setEnabled(m_needsPassphrase && !m_busy);
    m_run->setEnabled(m_parsed && !m_busy &&
                      (!m_needsPassphrase || !m_passphrase->text().isEmpty()));
}

void TeamKeyImportDialog::loadFile()
{
    SmallTextFile::pick(
        this, tr("The team key export"), tr("a team key export"), kMaxExportBytes,
        [this](const QString &text) { m_text->setPlainText(text); },
        [this](const QString &error) { m_notice->showError(error); });
}

void TeamKeyImportDialog::runImport()
{
    if (!m_run->isEnabled())
        return;
    QString typed = m_passphrase->text();
    crypto::SecureBytes passphrase = crypto::SecureBytes::fromUtf8(typed);
    crypto::secureWipe(typed);
    m_passphrase->clear();
    m_busy = true;
    updateActions();
    m_notice->showInfo(m_needsPassphrase ? tr("Unwrapping with the passphrase (about a second)…")
                                         : tr("Unwrapping with this console's enrolment key…"));
    m_importer = std::make_unique<team::TeamKeyImporter>();
    // Mid-rotation, the next epoch's key (the one the console's open team store names) is
    // taken beside the current key instead of being refused as another key.
    if (const store::Store *db = m_session.store(); db && db->target().isPostgres()) {
        auto parsed = team::TeamKeyExport::parse(m_text->toPlainText().trimmed().toUtf8());
        const team::RotationPlan &plan = db->rotationPlan();
        if (parsed && parsed->header.team == db->target().team() &&
            parsed->header.keyId == plan.next().keyId)
            m_importer->acceptNextKey(plan.next().keyId);
    }
    m_importer->import(
        m_text->toPlainText().trimmed().toUtf8(), std::move(passphrase),
        [this, alive = m_guard.token()](
            Result<team::TeamKeyImporter::Imported, team::TeamError> outcome) {
            if (!alive)
                return;
            m_busy = false;
            if (auto *trail = m_session.audit())
                trail->record(audit::AuditAction::Import,
                              outcome ? tr("team key %1 of %2").arg(outcome->keyId, outcome->team)
                                      : tr("team key"),
                              outcome ? audit::AuditOutcome::Ok : audit::AuditOutcome::Refused);
            QString message;
            if (outcome) {
                message = outcome->alreadyThere
                    ? tr("This console already held team key %1 of \"%2\": nothing changed.")
                          .arg(outcome->keyId, outcome->team)
                    : outcome->besideCurrent
                    ? tr("Team key %1 of \"%2\", the rotation's next key, is in this keychain "
                         "beside the current one.")
                          .arg(outcome->keyId, outcome->team)
                    : tr("Team key %1 of \"%2\" is in this keychain. Choose the team in the store "
                         "settings to open its store.")
                          .arg(outcome->keyId, outcome->team);
                m_notice->showSuccess(message);
            } else {
                message = outcome.error().message;
                m_notice->showError(message);
            }
            updateActions();
            Q_EMIT finishedImport(outcome.ok(), message);
            if (outcome)
                Q_EMIT imported(outcome->team, outcome->keyId, outcome->besideCurrent);
        });
}

} // namespace aerodesk::ui
