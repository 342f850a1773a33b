#pragma once

#include "core/api/WidgetSessionResult.h"
#include "core/api/WidgetStep.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace aerodesk::api {
class ApiClient;
class WidgetEventDispatcher;
class WidgetSession;
}

namespace aerodesk::ui {

/// A native dialog that plays the Aerosync widget's part against the sandbox's widget stand-in
/// (api::WidgetSession): it shows each stepReady prompt — the bank picker with the three test
/// banks, username/password, the MFA code, the security answer, OAuth approve/deny, the manual
/// routing/account form — and the step's error when an input was not accepted, and sends the
/// answer. Used for a link, a reconnect and an MFA relaunch. Non-modal: call a start*() and
/// show() / open() it; it never blocks. When the session ends it emits sessionFinished(result)
/// and closes (accepted when linked).
class WidgetDialog : public QDialog
{
    Q_OBJECT
public:
    WidgetDialog(api::ApiClient &client, api::WidgetEventDispatcher &dispatcher, QWidget *parent = nullptr);
    ~WidgetDialog() override;

    void startLink(bool manualLinkOnly = false);
    void startReconnect(const QString &connectionId);
    void startMfaRelaunch(const QString &jobId, const QString &connectionId);

    /// The widget's current state ("bank", "credentials", "mfa", …), empty while opening.
    QString state() const { return m_state; }
    bool isWaitingForInput() const;
    const std::optional<api::WidgetSessionResult> &result() const { return m_result; }
    api::WidgetSession &session() const { return *m_session; }

public Q_SLOTS:
    /// Sends the answer of the current page (the Continue button).
    void submit();
    void reject() override;

Q_SIGNALS:
    void stepShown(const QString &state);
    void sessionFinished(const aerodesk::api::WidgetSessionResult &result);

private:
    void build();
    QWidget *page(const QString &state) const;
    void showStep(const api::WidgetStep &step);
    void onFinished(const api::WidgetSessionResult &result);
    void setBusy(bool busy, const QString &why = {});

    api::WidgetSession *m_session = nullptr;
    QString m_state;
    std::optional<api::WidgetSessionResult> m_result;
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
