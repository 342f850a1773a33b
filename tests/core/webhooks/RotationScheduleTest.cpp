// The "is the webhook secret due for rotation" rule on an injected clock.

#include "core/webhooks/RotationSchedule.h"

#include "core/util/FixedClock.h"
#include "core/webhooks/SecretRing.h"

#include <gtest/gtest.h>

using namespace aerodesk;
using namespace aerodesk::webhooks;
using State = RotationDue::State;

TEST(RotationSchedule, DueOnceTheCurrentSecretIsAsOldAsThePeriod)
{
    FixedClock clock(QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC));
    SecretRing ring(clock);
    EXPECT_EQ(RotationSchedule::evaluate(ring, 90, clock.nowUtc()).state, State::NoSecret);

    ring.setCurrent(crypto::SecureBytes(QByteArrayView("whsec-a")));
    EXPECT_EQ(RotationSchedule::evaluate(ring, 90, clock.nowUtc()).state, State::AgeUnknown)
        << "a secret whose start was never recorded";

    ring.rotate(crypto::SecureBytes(QByteArrayView("whsec-b"))); // starts the clock now
    const QDateTime start = clock.nowUtc();
    RotationDue d = RotationSchedule::evaluate(ring, 90, clock.nowUtc());
    EXPECT_EQ(d.state, State::NotDue);
    EXPECT_EQ(d.ageDays, 0);
    EXPECT_EQ(d.since, start);
    EXPECT_EQ(d.dueAt, start.addDays(90));

    clock.advanceMs((89LL * 24 + 23) * 3600 * 1000); // 89 days 23 h
    d = RotationSchedule::evaluate(ring, 90, clock.nowUtc());
    EXPECT_EQ(d.state, State::NotDue);
    EXPECT_EQ(d.ageDays, 89);
    EXPECT_FALSE(d.isDue());

    clock.advanceMs(3600LL * 1000); // exactly 90 days
    d = RotationSchedule::evaluate(ring, 90, clock.nowUtc());
    EXPECT_TRUE(d.isDue());
    EXPECT_EQ(d.ageDays, 90);

    // A longer period for this environment: not due any more.
    EXPECT_EQ(RotationSchedule::evaluate(ring, 120, clock.nowUtc()).state, State::NotDue);
    // Periods outside 1..3650 days are clamped, never zero.
    EXPECT_EQ(RotationSchedule::evaluate(ring, 0, clock.nowUtc()).periodDays, 1);
    EXPECT_EQ(RotationSchedule::evaluate(ring, 100000, clock.nowUtc()).periodDays, 3650);

    // A rotation starts the count again.
    ring.rotate(crypto::SecureBytes(QByteArrayView("whsec-c")));
    EXPECT_EQ(RotationSchedule::evaluate(ring, 90, clock.nowUtc()).state, State::NotDue);
}
