#pragma once

#include "emulator/EmulatorTypes.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace aerodesk::emulator {

class EmulatorWorld;

/// The sandbox's stand-in for the Aerosync widget, driven over HTTP by a native client that
/// plays the widget's part. Each step answers {sessionId, state, prompt, events[]} where the
/// events are the widget's documented {type, payload} messages (pageSuccess, widgetClose,
/// widgetError with the three-part pipe string, widgetPageLoaded). See docs/sandbox.md.
class LinkWidgetSessions
{
public:
    struct Launch
    {
        QString connectionId; ///< reconnect (or, with handleMFA, the job's connection)
        bool handleMfa = false;
        QString jobId;
        QString configurationId;
        QString aeroPassUserUuid;
        bool manualLinkOnly = false;
    };

    LinkWidgetSessions(EmulatorWorld &world, QString clientName);

    QJsonObject launch(const Launch &launch);
    /// `step` is one of bank, credentials, mfa, answer, oauth, manual, close.
    /// Returns {} with `*found` false when the session does not exist.
    QJsonObject step(const QString &sessionId, const QString &step, const QJsonObject &body,
                     bool *found);

    qint64 inactivityMs() const;
    /// What the stand-in received (GET /sandbox/widget/state): the latest launches, newest last,
    /// each {sessionId, mode, configurationId}, and `lastConfigurationId`.
    QJsonObject state() const;

private:
    enum class Stage { Bank, Credentials, Mfa, Question, OAuth, Manual, Done };
    struct Session
    {
        QString id;
        Stage stage = Stage::Bank;
        TestBank bank = TestBank::Mfa;
        Launch launch;
        qint64 lastActivityMs = 0;
        int wrongAnswers = 0;
    };

    QJsonObject reply(const Session &s, const QJsonArray &events, const QString &error = {}) const;
    QJsonObject finishLink(Session &s);
    QJsonObject fail(Session &s, const QString &type, const QString &code, const QString &message);
    QJsonObject lockout(Session &s);
    QJsonObject afterCredentials(Session &s);

    EmulatorWorld &m_world;
    QString m_clientName;
    QHash<QString, Session> m_sessions;
    QJsonArray m_launches; ///< the latest launches (at most kKeptLaunches)
};

} // namespace aerodesk::emulator
