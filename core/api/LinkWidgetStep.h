#pragma once

#include "core/api/LinkWidgetEvent.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace aerodesk::api {

/// One answer of the sandbox's widget stand-in (docs/sandbox.md, "Widget stand-in"):
/// `{sessionId, state, prompt?, banks?, error?, events: [{type, payload}]}`, parsed.
/// `state` is where the widget now is: bank, credentials, mfa, question, oauth, manual or done.
/// `error` is a recoverable complaint (a wrong answer, a missing field): the session goes on.
struct LinkWidgetStep
{
    QString sessionId;
    QString state;
    QString prompt;
    QStringList banks;
    QString error;
    QList<LinkWidgetEvent> events;
    /// The configurationId the widget shows its branding for (empty: Aerosync's default).
    QString brandingConfigurationId;

    bool isDone() const { return state == QLatin1String("done"); }

    static LinkWidgetStep fromJson(const QJsonObject &reply);
};

} // namespace aerodesk::api
