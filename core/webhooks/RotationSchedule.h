#pragma once

#include <QDateTime>

namespace aerodesk::webhooks {

class SecretRing;

/// Where the current webhook secret stands against its environment's rotation period.
struct RotationDue
{
    enum class State {
        NoSecret, ///< nothing to rotate yet
        AgeUnknown, ///< a secret whose start was never recorded (rotating starts the clock)
        NotDue, ///< younger than the period
        Due, ///< as old as the period or older: rotate it
    };
    State state = State::NoSecret;
    QDateTime since; ///< when the current secret was set (invalid when unknown)
    QDateTime dueAt; ///< since + period (invalid when unknown)
    qint64 ageDays = 0; ///< whole days since `since`
    int periodDays = 0;

    bool isDue() const { return state == State::Due; }
};

/// The rule "is the webhook secret due for rotation": due once the current secret is
/// `periodDays` old (counted from when it was set, SecretRing::currentSince()). The period is
/// a per-environment setting (WebhookSecrets::rotationPeriodDays(), default 90 days); "now"
/// comes from the caller's Clock.
class RotationSchedule
{
public:
    static constexpr int kDefaultPeriodDays = 90;
    static constexpr int kMinPeriodDays = 1;
    static constexpr int kMaxPeriodDays = 3650;

    static RotationDue evaluate(const SecretRing &ring, int periodDays, const QDateTime &now);
};

} // namespace aerodesk::webhooks
