#pragma once

#include "core/team/TeamKeyImporter.h"
#include "ui/common/CallbackGuard.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class NoticeLine;

/// The agent's side of enrolment (docs/team.md, "Enrolment", "Import: every bad input has its
/// own answer"): a team-key export pasted or loaded from a file; what its header says (team,
/// key id, passphrase or enrolment key) is shown as soon as it parses, the passphrase field is
/// offered only for a passphrase export, and Import unwraps it (off the UI thread) into this
/// console's keychain — nothing else is written. Every import is recorded in the audit log.
class TeamKeyImportDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TeamKeyImportDialog(session::Session &session, QWidget *parent = nullptr);
    ~TeamKeyImportDialog() override;

    /// Puts `text` in the export field, as a paste would.
    void setExportText(const QString &text);

public Q_SLOTS:
    void runImport();

Q_SIGNALS:
    /// The team key `keyId` of `team` is in the keychain (now or already). `besideCurrent`: it
    /// is the next epoch's key of a rotation under way, kept beside the current one.
    void imported(const QString &team, const QString &keyId, bool besideCurrent);
    /// An import ended: ok, and the message shown.
    void finishedImport(bool ok, const QString &message);

private:
    void build();
    void showHeader();
    void updateActions();
    void loadFile();

    session::Session &m_session;
    std::unique_ptr<team::TeamKeyImporter> m_importer;
    CallbackGuard m_guard;
    bool m_busy = false;
    bool m_parsed = false;
    bool m_needsPassphrase = false;

    QPlainTextEdit *m_text = nullptr;
    QPushButton *m_load = nullptr;
    QLabel *m_header = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QPushButton *m_run = nullptr;
    NoticeLine *m_notice = nullptr;
};

} // namespace aerodesk::ui
