#include "core/embedded/PartnerUser.h"

#include <QCoreApplication>

namespace aerodesk::embedded {

namespace {

QJsonValue dateValue(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs))
                        : QJsonValue(QJsonValue::Null);
}

QDateTime dateFrom(const QJsonValue &v)
{
    QDateTime at = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : QDateTime();
}

} // namespace

QString PartnerUser::stateName(State state)
{
    switch (state) {
    case State::Connected:
        return QStringLiteral("connected");
    case State::Invalid:
        return QStringLiteral("invalid");
    case State::LoggedOut:
        return QStringLiteral("logged-out");
    }
    return QStringLiteral("invalid");
}

std::optional<PartnerUser::State> PartnerUser::stateFromName(const QString &name)
{
    for (State s : { State::Connected, State::Invalid, State::LoggedOut }) {
        if (stateName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString PartnerUser::stateLabel(State state)
{
    switch (state) {
    case State::Connected:
        return tr("Connected");
    case State::Invalid:
        return tr("Invalid — must connect again");
    case State::LoggedOut:
        return tr("Logged out");
    }
    return {};
}

QJsonObject PartnerUser::toJson() const
{
    return QJsonObject { { QStringLiteral("id"), id },
                         { QStringLiteral("state"), stateName(state) },
                         { QStringLiteral("connectedSince"), dateValue(connectedSince) },
                         { QStringLiteral("lastSilentAuth"), dateValue(lastSilentAuth) },
                         { QStringLiteral("changedAt"), dateValue(changedAt) },
                         { QStringLiteral("note"), note } };
}

std::optional<PartnerUser> PartnerUser::fromJson(const QJsonObject &object)
{
    PartnerUser u;
    u.id = object.value(QLatin1String("id")).toString();
    const auto state = stateFromName(object.value(QLatin1String("state")).toString());
    if (checkId(u.id) || !state)
        return std::nullopt;
    u.state = *state;
    u.connectedSince = dateFrom(object.value(QLatin1String("connectedSince")));
    u.lastSilentAuth = dateFrom(object.value(QLatin1String("lastSilentAuth")));
    u.changedAt = dateFrom(object.value(QLatin1String("changedAt")));
    u.note = object.value(QLatin1String("note")).toString();
    return u;
}

std::optional<QString> PartnerUser::checkId(const QString &id)
{
    if (id.trimmed().isEmpty())
        return tr("Name the partner user the event belongs to.");
    if (id != id.trimmed())
        return tr("A partner user id has no spaces at its start or end.");
    if (id.size() > 128)
        return tr("A partner user id is at most 128 characters.");
    for (const QChar c : id) {
        if (c.category() == QChar::Other_Control || c == QLatin1Char('/'))
            return tr("A partner user id has no control characters and no '/'.");
    }
    return std::nullopt;
}

} // namespace aerodesk::embedded
