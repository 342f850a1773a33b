#pragma once

#include "core/api/ApiError.h"
#include "core/api/LinkWidgetLaunch.h"
#include "core/api/LinkWidgetResult.h"
#include "core/api/LinkWidgetStep.h"

#include <QObject>
#include <QString>

namespace aerodesk::api {

class ApiClient;
class LinkWidgetEventDispatcher;

/// Drives one Aerosync widget session against the sandbox's widget stand-in
/// (`POST /sandbox/widget/sessions`, then `POST /sandbox/widget/sessions/{sid}/{step}`;
/// docs/sandbox.md). In the GUI a native dialog plays the widget's part: it shows the prompt of
/// each `stepReady` and answers with chooseBank / signIn / submitMfaCode / answerQuestion /
/// answerOAuth / submitManual / close. Tests answer the same way from a slot.
///
///  - Every start* first gets a FRESH widget token (TokenProvider::widgetToken, never cached):
///    the sandbox, like Aerosync, accepts a widget token for one launch only.
///  - startReconnect always sends the existing connectionId (no bank picker, same id kept); it
///    is refused without one, so a reconnect can never turn into a fresh link. startMfaRelaunch
///    sends handleMFA + jobId + connectionId and goes straight to the code or the question.
///  - Every launch carries a configurationId (branding): the one given to start*(), else the
///    environment's (api::Environment::configurationId, from Settings).
///  - The `events[]` of every answer are handed, in order, to the LinkWidgetEventDispatcher given
///  at
///    construction, so a pageSuccess reaches its persist hook (LinkRecorder) before anything
///    else happens — including this class's own finished() signal.
///
/// Asynchronous: every signal but starting() is emitted later, never inside the call. One request
/// at a time: a step sent while the previous one is under way, or while no session is open, is
/// refused (refused(), queued) and nothing is sent.
class LinkWidgetSession : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Link, Reconnect, MfaRelaunch };

    LinkWidgetSession(ApiClient &client, LinkWidgetEventDispatcher &dispatcher,
                      QObject *parent = nullptr);

    /// A new link: bank picker first (or the manual form with `manualLinkOnly`).
    void startLink(const QString &aeroPassUserUuid = {}, const QString &configurationId = {},
                   bool manualLinkOnly = false);
    /// Reconnect the existing `connectionId` (renews it; never creates another connection).
    void startReconnect(const QString &connectionId, const QString &configurationId = {});
    /// The MFA relaunch for a job waiting for MFA (JobRunner::mfaRequired gives both ids).
    void startMfaRelaunch(const QString &jobId, const QString &connectionId,
                          const QString &configurationId = {});

    /// `bank`: a full test-bank name or "mfa", "oauth", "security-question".
    void chooseBank(const QString &bank);
    void signIn(const QString &username, const QString &password);
    /// The code the user received (MFA bank). Supplied by the caller (a dialog in the GUI).
    void submitMfaCode(const QString &code);
    /// The security answer (Security Question bank). Supplied by the caller.
    void answerQuestion(const QString &answer);
    void answerOAuth(bool approve);
    void submitManual(const QString &routingNumber, const QString &accountNumber);
    /// Closes the widget (widgetClose → finished(Closed)). Refused while a step is under way, so
    /// a pageSuccess already on its way is never dropped.
    void close();

    Mode mode() const { return m_mode; }
    bool isActive() const { return m_active; }
    bool isBusy() const { return m_busy; }
    QString sessionId() const { return m_sessionId; }
    /// The widget's current state ("bank", "credentials", "mfa", "question", "oauth", "manual",
    /// "done").
    QString state() const { return m_last.state; }
    const LinkWidgetStep &lastStep() const { return m_last; }

Q_SIGNALS:
    /// A session was accepted and starts now (before its first request): `connectionId` is the
    /// reconnected or MFA connection, empty for a new link. For observers (the timeline).
    void starting(aerodesk::api::LinkWidgetSession::Mode mode, const QString &connectionId);
    /// The widget waits for input: show `step.prompt` (and `step.error` when the last input was
    /// not accepted) and answer with the matching method.
    void stepReady(const aerodesk::api::LinkWidgetStep &step);
    /// The session ended; emitted once per start, after the events were dispatched.
    void finished(const aerodesk::api::LinkWidgetResult &result);
    /// A call that could not be made now (no session, one already open, a step under way).
    void refused(const QString &why);

private:
    void start(Mode mode, LinkWidgetLaunch launch);
    void sendStep(const QString &step, const QJsonObject &body);
    void post(const QString &path, QByteArray body);
    void handleReply(const LinkWidgetStep &step);
    void finish(LinkWidgetResult result);
    void finishLater(LinkWidgetResult result);
    void refuseLater(const QString &why);

    ApiClient &m_client;
    LinkWidgetEventDispatcher &m_dispatcher;
    Mode m_mode = Mode::Link;
    LinkWidgetLaunch m_launch; ///< without the token (it is used once and dropped)
    QString m_sessionId;
    LinkWidgetStep m_last;
    bool m_active = false;
    bool m_busy = false;
    quint64 m_generation = 0;
};

} // namespace aerodesk::api
