#pragma once

#include "core/team/TeamKeyExporter.h"
#include "ui/common/CallbackGuard.h"

#include <QDialog>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class NoticeLine;

/// The lead's side of enrolment (docs/team.md, "Enrolment"): the team key `keyId` wrapped for an
/// agent's enrolment public key (pasted or loaded from the file they sent), or under a
/// passphrase (typed twice, at least TeamKeyExporter::kMinPassphraseBytes, cleared once used;
/// the scrypt wrap runs off the UI thread). The export's text is shown to copy or save; every
/// export, made or failed, is recorded in the audit log.
class TeamKeyExportDialog : public QDialog
{
    Q_OBJECT
public:
    TeamKeyExportDialog(session::Session &session, const QString &team, const QString &keyId,
                        QWidget *parent = nullptr);
    ~TeamKeyExportDialog() override;

    QString exportedText() const;

public Q_SLOTS:
    void runExport();

Q_SIGNALS:
    /// An export ended: ok, and the message shown.
    void exported(bool ok, const QString &message);

private:
    void build();
    void updateActions();
    void showAgentKey();
    void loadAgentKey();
    void saveExport();
    void finished(const Result<team::TeamKeyExporter::Exported, team::TeamError> &out,
                  const QString &object);

    session::Session &m_session;
    QString m_team;
    QString m_keyId;
    team::TeamKeyExporter m_exporter;
    CallbackGuard m_guard;
    bool m_busy = false;

    QRadioButton *m_forAgent = nullptr;
    QRadioButton *m_underPassphrase = nullptr;
    QPlainTextEdit *m_agentKey = nullptr;
    QPushButton *m_loadAgentKey = nullptr;
    QLabel *m_agentKeyInfo = nullptr;
    QLineEdit *m_passphrase = nullptr;
    QLineEdit *m_passphraseAgain = nullptr;
    QPushButton *m_run = nullptr;
    QPlainTextEdit *m_output = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_save = nullptr;
    NoticeLine *m_notice = nullptr;
};

} // namespace aerodesk::ui
