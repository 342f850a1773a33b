#pragma once

#include "core/embedded/EventOutcome.h"
#include "ui/common/SessionPanel.h"

#include <QDateTime>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class MaskedSecretLabel;
class NoticeLine;
class PartnerUserTableModel;
class StateBanner;

/// The partner users of the environment (embedded banking): who is connected, invalid or
/// logged out, since when, their last silent authentication and pending events, and the recent
/// outcomes of the workflow. Actions on the selected user go through the session's
/// embedded::EmbeddedWorkflow: reveal the stored userCode (confirmed, masked by default, that
/// row only), log out (confirmed), and in a sandbox the FI's automatic disconnect, now.
/// The userCode is never in the table. With a team store the list is the desk's: while its server
/// cannot be reached a banner says so, the list shown is the last one read, and the actions
/// that need the store wait (disabled, with the reason) until it is back.
class PartnerUsersPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit PartnerUsersPanel(session::Session &session, QWidget *parent = nullptr);
    ~PartnerUsersPanel() override;

    /// The selected partner user's id (empty: none).
    QString selectedUser() const;
    /// Selects the row of `user`; false when there is none.
    bool selectUser(const QString &user);

public Q_SLOTS:
    void revealCode();
    void logOut();
    void expireNow();
    /// The escalation bundle's preview for the selected partner user (never the userCode).
    void openBundle();

Q_SIGNALS:
    /// An action (log out, expire, reveal) ended; the notice line says how.
    void actionFinished();

protected:
    void sessionEnvironmentChanged() override { onEnvironment(); }

private:
    void build();
    void onEnvironment();
    void updateActions();
    void addOutcome(const embedded::EventOutcome &outcome);
    void hideCode();
    /// The title names where the userCodes are; the banner says whether the team store is there.
    void showStorePlace();
    void onReachableChanged(bool reachable);
    /// Why the store's actions (reveal, log out, expire) cannot run now; empty when they can.
    QString storeRefusal() const;

    session::Session &m_session;
    QLabel *m_title = nullptr;
    StateBanner *m_storeBanner = nullptr; ///< "Team store unreachable since …"
    QDateTime m_unreachableSince; ///< invalid while the store is reachable
    PartnerUserTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_reveal = nullptr;
    QPushButton *m_logout = nullptr;
    QPushButton *m_expire = nullptr;
    QPushButton *m_bundle = nullptr;
    MaskedSecretLabel *m_code = nullptr;
    QString m_codeUser; ///< whose code m_code holds
    QString m_reselect; ///< the user selected when the model began a reset
    NoticeLine *m_notice = nullptr;
    QListWidget *m_outcomes = nullptr;
    bool m_busy = false;
};

} // namespace aerodesk::ui
