#pragma once

#include "core/team/TeamKeyInventory.h"
#include "ui/common/CallbackGuard.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class KeyRotationBox;
class NoticeLine;
class TeamKeyExportDialog;
class TeamKeyImportDialog;

/// Settings → "Team key" (docs/team.md, "Team key", "Enrolment"): what this console holds for a
/// team — its team key's id, its enrolment key's id and public half — and the lead's and the
/// agent's steps: create the team key, create an enrolment key (its public half shown to copy
/// to the lead), export the team key for an agent (TeamKeyExportDialog) and import an export
/// (TeamKeyImportDialog). Key bytes never reach a widget: only ids and public halves are shown.
/// Every keychain call is asynchronous (core::team::TeamKeyInventory); exports and imports are
/// recorded in the audit log.
class TeamKeyForm : public QWidget
{
    Q_OBJECT
public:
    explicit TeamKeyForm(session::Session &session, QWidget *parent = nullptr);
    ~TeamKeyForm() override;

    /// Shows `team` (the store form's team of the environment shown), unless empty.
    void setTeam(const QString &team);
    QString team() const;
    QString heldTeamKeyId() const { return m_held.teamKeyId; }
    QString heldEnrolmentKeyId() const;
    TeamKeyExportDialog *exportDialog() const;
    TeamKeyImportDialog *importDialog() const;
    KeyRotationBox *rotationBox() const { return m_rotation; }

public Q_SLOTS:
    /// Reads the team's keys from the keychain (off the UI thread's critical path).
    void refresh();
    void createTeamKey();
    void createEnrolmentKey();
    void copyEnrolmentKey();
    void openExport();
    /// The export dialog for the held key `keyId` (the current one, or a rotation's next).
    void openExportOf(const QString &keyId);
    void openImport();

Q_SIGNALS:
    /// The keychain was read for team(): the labels show it.
    void refreshed();
    /// A create step ended: ok, and the message shown.
    void created(bool ok, const QString &message);

private:
    void build();
    void updateActions();
    void showHeld();
    /// The inventory of team(), or null (with the reason shown) when the name cannot be a team.
    team::TeamKeyInventory *inventory();

    session::Session &m_session;
    std::unique_ptr<team::TeamKeyInventory> m_inventory;
    team::TeamKeyInventory::Held m_held;
    CallbackGuard m_guard; ///< reset when another team is shown
    bool m_known = false; ///< m_held describes team()
    bool m_busy = false;

    QLineEdit *m_team = nullptr;
    QLabel *m_teamKeyStatus = nullptr;
    QLabel *m_enrolmentStatus = nullptr;
    QPlainTextEdit *m_publicKey = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_createKey = nullptr;
    QPushButton *m_createEnrolment = nullptr;
    QPushButton *m_copyEnrolment = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_import = nullptr;
    NoticeLine *m_notice = nullptr;
    KeyRotationBox *m_rotation = nullptr;
    QPointer<TeamKeyExportDialog> m_exportDialog;
    QPointer<TeamKeyImportDialog> m_importDialog;
};

} // namespace aerodesk::ui
