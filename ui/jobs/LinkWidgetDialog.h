#pragma once

#include "core/api/LinkWidgetResult.h"
#include "core/api/LinkWidgetStep.h"

#include <QDialog>

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
    void sessionFinished(const aerodesk::api::LinkWidgetResult &result);

private:
    void build();
    QWidget *page(const QString &state) const;
    void showStep(const api::LinkWidgetStep &step);
    void onFinished(const api::LinkWidgetResult &result);
    void setBusy(bool busy, const QString &why = {});

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
