#pragma once

#include <QGroupBox>
#include <QPointer>

#include <functional>
#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::store {
class RotationControl;
class Store;
} // namespace aerodesk::store

namespace aerodesk::ui {

class NoticeLine;

/// Settings → Team key → "Key rotation" (docs/team.md "Key rotation", "In the console"): the
/// rotation plan of the team store this console has open, when it is the shown team's, and the
/// lead's steps on it — rotate (a fresh next key into this keychain, then named by the store),
/// export the next key, start the re-encryption, re-encrypt now (in the background, with the
/// rows counted as they move; pause resumes later from the committed cursor) and abandon (only
/// before the re-encryption starts). Steps and the re-encryption run off the UI thread
/// (store::RotationControl); proposing and starting ask first.
class KeyRotationBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit KeyRotationBox(session::Session &session, QWidget *parent = nullptr);
    ~KeyRotationBox() override;

    /// Follows `team`: rotation is offered when the console's open store is that team's.
    void setTeam(const QString &team);
    store::RotationControl *control() const { return m_control.get(); }

public Q_SLOTS:
    void proposeRotation();
    void startReEncryption();
    void resumeReEncryption();
    void pauseReEncryption();
    void abandonRotation();

Q_SIGNALS:
    /// "Export the next key…": the form opens its export dialog for `keyId`.
    void exportRequested(const QString &keyId);
    /// A step ended (tests, the form's status).
    void stepDone(bool ok, const QString &message);

private:
    void build();
    void follow();
    void showPlan();
    void confirm(const QString &name, const QString &question, const QString &yes,
                 std::function<void()> then);

    session::Session &m_session;
    QString m_team;
    std::unique_ptr<store::RotationControl> m_control;
    const store::Store *m_followed = nullptr; ///< the console's store m_control works on
    qint64 m_rewritten = -1;

    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_propose = nullptr;
    QPushButton *m_exportNext = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_resume = nullptr;
    QPushButton *m_pause = nullptr;
    QPushButton *m_abort = nullptr;
    NoticeLine *m_notice = nullptr;
};

} // namespace aerodesk::ui
