#include "core/api/LinkWidgetSession.h"

#include "core/api/ApiClient.h"
#include "core/api/LinkWidgetEventDispatcher.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <optional>

namespace aerodesk::api {

namespace {
using Outcome = LinkWidgetResult::Outcome;

LinkWidgetResult make(Outcome outcome, QString message)
{
    LinkWidgetResult r;
    r.outcome = outcome;
    r.message = std::move(message);
    return r;
}

/// The launch as the stand-in's JSON body. Holds the widget token: wiped by the caller.
QByteArray launchBody(const LinkWidgetLaunch &launch)
{
    QJsonObject body;
    const auto add = [&body](const char *key, const QString &value) {
        if (!value.isEmpty())
            body.insert(QLatin1String(key), value);
    };
    QString token = launch.token ? launch.token->toUtf8String() : QString();
    add("token", token);
    crypto::secureWipe(token);
    add("configurationId", launch.configurationId);
    add("aeroPassUserUuid", launch.aeroPassUserUuid);
    add("connectionId", launch.connectionId);
    add("jobId", launch.jobId);
    if (launch.handleMfa)
        body.insert(QLatin1String("handleMFA"), true);
    if (launch.manualLinkOnly)
        body.insert(QLatin1String("manualLinkOnly"), true);
    QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return bytes;
}
} // namespace

LinkWidgetSession::LinkWidgetSession(ApiClient &client, LinkWidgetEventDispatcher &dispatcher,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_dispatcher(dispatcher)
{
}

void LinkWidgetSession::startLink(const QString &aeroPassUserUuid, const QString &configurationId,
                                  bool manualLinkOnly)
{
    LinkWidgetLaunch launch = LinkWidgetLaunch::link(nullptr, configurationId);
    launch.aeroPassUserUuid = aeroPassUserUuid;
    launch.manualLinkOnly = manualLinkOnly;
    start(Mode::Link, std::move(launch));
}

void LinkWidgetSession::startReconnect(const QString &connectionId, const QString &configurationId)
{
    start(Mode::Reconnect,
          LinkWidgetLaunch::reconnect(nullptr, connectionId.trimmed(), configurationId));
}

void LinkWidgetSession::startMfaRelaunch(const QString &jobId, const QString &connectionId,
                                         const QString &configurationId)
{
    start(Mode::MfaRelaunch,
          LinkWidgetLaunch::mfaRelaunch(nullptr, jobId.trimmed(), connectionId.trimmed(),
                                        configurationId));
}

void LinkWidgetSession::start(Mode mode, LinkWidgetLaunch launch)
{
    if (m_active) {
        refuseLater(QStringLiteral("A widget session is already open; finish or close it first."));
        return;
    }
    if (mode == Mode::Reconnect && launch.connectionId.isEmpty()) {
        finishLater(make(Outcome::Refused,
                         QStringLiteral("A reconnect needs the connectionId of the existing "
                                        "connection; it never starts a new link.")));
        return;
    }
    if (mode == Mode::MfaRelaunch && (launch.jobId.isEmpty() || launch.connectionId.isEmpty())) {
        finishLater(make(Outcome::Refused,
                         QStringLiteral("An MFA relaunch needs the jobId and the connectionId "
                                        "of the job waiting for MFA.")));
        return;
    }
    // Branding: the environment's configurationId goes with every launch unless one was given.
    if (launch.configurationId.isEmpty())
        launch.configurationId = m_client.environment().configurationId;
    m_mode = mode;
    m_launch = launch;
    m_sessionId.clear();
    m_last = LinkWidgetStep();
    m_active = true;
    m_busy = true;
    const quint64 generation = ++m_generation;
    qCInfo(aerodesk::log::api) << "link widget session starting:"
                               << (mode == Mode::Link            ? "link"
                                       : mode == Mode::Reconnect ? "reconnect"
                                                                 : "MFA relaunch");
    Q_EMIT starting(mode, launch.connectionId);
    QPointer<LinkWidgetSession> self(this);
    // A fresh widget token for every session: TokenProvider never caches it.
    m_client.tokens().widgetToken(
        launch.aeroPassUserUuid,
        [self, generation, launch](Result<WidgetToken, ApiError> t) mutable {
            if (!self || generation != self->m_generation)
                return;
            if (!t.ok()) {
                LinkWidgetResult r =
                    make(Outcome::Failed,
                         QStringLiteral("Could not get a widget token: %1").arg(t.error().message));
                r.apiError = t.error();
                self->finish(std::move(r));
                return;
            }
            launch.token = t->bytes;
            if (const QString problem = launch.validate(); !problem.isEmpty()) {
                self->finish(make(Outcome::Refused, problem));
                return;
            }
            self->post(QStringLiteral("/sandbox/widget/sessions"), launchBody(launch));
        });
}

void LinkWidgetSession::chooseBank(const QString &bank)
{
    sendStep(QStringLiteral("bank"), QJsonObject { { QStringLiteral("bank"), bank } });
}

void LinkWidgetSession::signIn(const QString &username, const QString &password)
{
    sendStep(QStringLiteral("credentials"),
             QJsonObject { { QStringLiteral("username"), username },
                           { QStringLiteral("password"), password } });
}

void LinkWidgetSession::submitMfaCode(const QString &code)
{
    sendStep(QStringLiteral("mfa"), QJsonObject { { QStringLiteral("code"), code } });
}

void LinkWidgetSession::answerQuestion(const QString &answer)
{
    sendStep(QStringLiteral("answer"), QJsonObject { { QStringLiteral("answer"), answer } });
}

void LinkWidgetSession::answerOAuth(bool approve)
{
    sendStep(QStringLiteral("oauth"), QJsonObject { { QStringLiteral("approve"), approve } });
}

void LinkWidgetSession::submitManual(const QString &routingNumber, const QString &accountNumber)
{
    sendStep(QStringLiteral("manual"),
             QJsonObject { { QStringLiteral("routingNumber"), routingNumber },
                           { QStringLiteral("accountNumber"), accountNumber } });
}

void LinkWidgetSession::close()
{
    sendStep(QStringLiteral("close"), {});
}

void LinkWidgetSession::sendStep(const QString &step, const QJsonObject &body)
{
    if (!m_active || m_sessionId.isEmpty()) {
        refuseLater(QStringLiteral("No widget session is open."));
        return;
    }
    if (m_busy) {
        refuseLater(QStringLiteral("The widget is still answering the previous step."));
        return;
    }
    m_busy = true;
    const QString path = QStringLiteral("/sandbox/widget/sessions/%1/%2")
                             .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_sessionId)), step);
    post(path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void LinkWidgetSession::post(const QString &path, QByteArray body)
{
    HttpRequest req;
    req.method = "POST";
    req.url = m_client.environment().dataUrl(path);
    req.body = std::move(body);
    const quint64 generation = m_generation;
    QPointer<LinkWidgetSession> self(this);
    m_client.transport().send(req, [self, generation](Result<HttpResponse, ApiError> r) {
        if (!self || generation != self->m_generation)
            return;
        self->m_busy = false;
        if (!r.ok()) {
            LinkWidgetResult out =
                make(Outcome::Failed,
                     QStringLiteral("The widget could not be driven: %1").arg(r.error().message));
            out.apiError = r.error();
            self->finish(std::move(out));
            return;
        }
        self->handleReply(LinkWidgetStep::fromJson(r->json));
    });
    crypto::secureWipe(req.body); // the launch body carries the widget token
}

void LinkWidgetSession::handleReply(const LinkWidgetStep &step)
{
    if (!step.sessionId.isEmpty())
        m_sessionId = step.sessionId;
    m_last = step;
    std::optional<LinkWidgetResult> end;
    QPointer<LinkWidgetSession> self(this);
    for (const LinkWidgetEvent &event : step.events) {
        // The dispatcher runs the persist hook synchronously on a pageSuccess, before its signals.
        m_dispatcher.dispatch(event);
        if (!self)
            return;
        switch (event.type) {
        case LinkWidgetEvent::Type::PageSuccess: {
            LinkWidgetResult r = make(Outcome::Linked, {});
            r.success = event.success;
            if (m_mode != Mode::Link &&
                !event.success.connectionIds().contains(m_launch.connectionId)) {
                r.outcome = Outcome::Failed;
                r.message = QStringLiteral(
                    "The widget reported a different connection than the one it was launched "
                    "for; it was recorded, but check it before going on.");
            }
            end = r;
            break;
        }
        case LinkWidgetEvent::Type::WidgetClose:
            if (!end)
                end = make(Outcome::Closed, QStringLiteral("The widget was closed."));
            break;
        case LinkWidgetEvent::Type::WidgetError: {
            LinkWidgetResult r =
                make(Outcome::WidgetError,
                     event.error.title.isEmpty() ? event.error.rawMessage : event.error.title);
            r.error = event.error;
            end = r;
            break;
        }
        default:
            break;
        }
    }
    if (end) {
        finish(*end);
        return;
    }
    if (step.isDone()) {
        finish(make(Outcome::Failed,
                    step.error.isEmpty()
                        ? QStringLiteral("The widget session ended without a result.")
                        : step.error));
        return;
    }
    qCDebug(aerodesk::log::api).noquote() << "link widget at step" << step.state;
    Q_EMIT stepReady(step);
}

void LinkWidgetSession::finish(LinkWidgetResult result)
{
    m_active = false;
    m_busy = false;
    if (result.outcome == LinkWidgetResult::Outcome::Linked)
        qCInfo(aerodesk::log::api) << "link widget session ended: linked"
                                   << result.success.connectionIds().size() << "connection(s)";
    else
        qCWarning(aerodesk::log::api).noquote()
            << "link widget session ended:" << widgetOutcomeName(result.outcome)
            << result.error.code << "-"
            << (result.apiError ? apiErrorLogText(*result.apiError) : result.message);
    Q_EMIT finished(result);
}

void LinkWidgetSession::finishLater(LinkWidgetResult result)
{
    qCWarning(aerodesk::log::api).noquote() << "link widget session refused:" << result.message;
    QTimer::singleShot(0, this, [this, result] { Q_EMIT finished(result); });
}

void LinkWidgetSession::refuseLater(const QString &why)
{
    qCInfo(aerodesk::log::api).noquote() << "link widget step refused:" << why;
    QTimer::singleShot(0, this, [this, why] { Q_EMIT refused(why); });
}

} // namespace aerodesk::api
