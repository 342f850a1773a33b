#pragma once

#include "core/api/LinkWidgetResult.h"
#include "core/api/LinkWidgetStep.h"

#include <QDialog>
#include <QMessageBox>
#include <QPointer>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace aerodesk::api {
class ApiClient;
class LinkWidgetEventDispatcher;
class LinkWidgetSession;
} // namespace aerodesk::api

namespace aerodesk::ui {

/// A native dialog that plays the Aerosync widget's part against the sandbox's widget stand-in
/// (api::LinkWidgetSession): it shows each stepReady prompt — the bank picker with the three test
/// banks, username/password, the MFA code, the security answer, OAuth approve/deny, the manual
/// routing/account form — and the step's error when an input was not accepted, and sends the
/// answer. Used for a link, a reconnect and an MFA relaunch. Non-modal: call a start*() and
/// show() / open() it; it never blocks. When the session ends it emits sessionFinished(result)
/// and closes (accepted when linked).
///
/// Closed without completing (Close widget, OAuth denied): the soft retry prompt of every path
/// — "The bank connection was not finished. Try again?" (a window-modal QMessageBox opened with
/// open(), never exec()). sessionFinished(Closed) is emitted as for any session (once per
/// start) and the dialog stays: Try again starts the same path again (a fresh widget token, a
/// new session, its own sessionFinished later); Not now ends the dialog (QDialog::finished,
/// Rejected). dismiss() closes without the prompt (the job behind an MFA relaunch ended). The
/// launch's branding (configurationId) and, for an MFA relaunch, the countdown of the bank's window
/// (setCountdownText) are shown above the pages.
class LinkWidgetDialog : public QDialog
{
    Q_OBJECT
public:
    LinkWidgetDialog(api::ApiClient &client, api::LinkWidgetEventDispatcher &dispatcher,
                     QWidget *parent = nullptr);
    ~LinkWidgetDialog() override;

    void startLink(bool manualLinkOnly = false);
    void startReconnect(const QString &connectionId);
    void startMfaRelaunch(const QString &jobId, const QString &connectionId);

    /// "4:52 left in the bank's MFA window" (empty hides it); the MFA prompt keeps it current.
    void setCountdownText(const QString &text);
    /// The open retry prompt, or null.
    QMessageBox *retryPrompt() const { return m_retryPrompt; }
    /// How many sessions this dialog started (1 + each Try again).
    int launches() const { return m_launches; }
    /// Ends the dialog without the retry prompt: closes the widget session if one is open.
    void dismiss();
    /// The widget's current state ("bank", "credentials", "mfa", …), empty while opening.
    QString state() const { return m_state; }
    bool isWaitingForInput() const;
    const std::optional<api::LinkWidgetResult> &result() const { return m_result; }
    api::LinkWidgetSession &session() const { return *m_session; }

public Q_SLOTS:
    /// Sends the answer of the current page (the Continue button).
    void submit();
    void reject() override;

Q_SIGNALS:
    void stepShown(const QString &state);
    /// The widget was closed without completing and the retry prompt is open.
    void retryOffered(QMessageBox *prompt);
    void sessionFinished(const aerodesk::api::LinkWidgetResult &result);

private:
    void build();
    QWidget *page(const QString &state) const;
    void showStep(const api::LinkWidgetStep &step);
    void onFinished(const api::LinkWidgetResult &result);
    void setBusy(bool busy, const QString &why = {});
    void launch();
    void offerRetry();
    void finishWith(const api::LinkWidgetResult &result);

    enum class Path { None, Link, Reconnect, MfaRelaunch };
    Path m_path = Path::None;
    bool m_manualLinkOnly = false;
    QString m_jobId;
    QString m_connectionId;
    int m_launches = 0;
    bool m_dismissing = false;
    QPointer<QMessageBox> m_retryPrompt;
    QLabel *m_branding = nullptr;
    QLabel *m_countdown = nullptr;

    api::LinkWidgetSession *m_session = nullptr;
    QString m_state;
    std::optional<api::LinkWidgetResult> m_result;
    QLabel *m_prompt = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_hint = nullptr;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_loadingPage = nullptr;
    QListWidget *m_banks = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_code = nullptr;
    QLineEdit *m_answer = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_deny = nullptr;
    QLineEdit *m_routing = nullptr;
    QLineEdit *m_account = nullptr;
    QPushButton *m_continue = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace aerodesk::ui
