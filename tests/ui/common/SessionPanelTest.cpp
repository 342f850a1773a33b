// SessionPanel and CallbackGuard: the hooks follow the session's signals, and a callback that
// outlives its environment or its panel finds its token stale.

#include "ui/common/SessionPanel.h"

#include "core/session/Session.h"
#include "core/util/Clock.h"
#include "ui/common/CallbackGuard.h"

#include <gtest/gtest.h>
#include <memory>

using aerodesk::ui::CallbackGuard;
using aerodesk::ui::SessionPanel;

namespace {

class CountingPanel : public SessionPanel
{
public:
    explicit CountingPanel(aerodesk::session::Session *session)
        : SessionPanel(session)
    {
        syncWithSession();
    }
    using SessionPanel::environmentToken;
    using SessionPanel::panelToken;

    int environments = 0;
    int stores = 0;
    QStringList failures;

protected:
    void sessionEnvironmentChanged() override { ++environments; }
    void sessionEnvironmentFailed(const QString &why) override { failures << why; }
    void sessionStoreChanged() override { ++stores; }
    void sessionStoreFailed(const QString &why) override { failures << why; }
};

TEST(CallbackGuard, TokensGoStaleOnResetAndWithTheGuard)
{
    CallbackGuard::Token early;
    CallbackGuard::Token late;
    EXPECT_FALSE(early); // a default token was never alive
    {
        CallbackGuard guard;
        early = guard.token();
        EXPECT_TRUE(early);
        guard.reset();
        EXPECT_FALSE(early);
        late = guard.token();
        EXPECT_TRUE(late.alive());
    }
    EXPECT_FALSE(late);
}

TEST(SessionPanel, HooksFollowTheSessionAndTheEnvironmentTokenGoesStaleOnAChange)
{
    aerodesk::SystemClock clock;
    aerodesk::session::Session session(clock);
    auto panel = std::make_unique<CountingPanel>(&session);
    EXPECT_EQ(panel->environments, 1); // syncWithSession() at construction
    EXPECT_EQ(panel->boundSession(), &session);

    const CallbackGuard::Token environment = panel->environmentToken();
    const CallbackGuard::Token forPanel = panel->panelToken();
    Q_EMIT session.environmentChanged();
    EXPECT_EQ(panel->environments, 2);
    EXPECT_FALSE(environment); // a reply for the old environment drops out
    EXPECT_TRUE(forPanel);
    EXPECT_TRUE(panel->environmentToken());

    session.setEnvironmentFailed(QStringLiteral("the sandbox did not start"));
    session.setStoreFailed(QStringLiteral("no key"));
    Q_EMIT session.storeChanged();
    EXPECT_EQ(panel->stores, 1);
    EXPECT_EQ(
        panel->failures,
        QStringList({ QStringLiteral("the sandbox did not start"), QStringLiteral("no key") }));

    const CallbackGuard::Token current = panel->environmentToken();
    panel.reset();
    EXPECT_FALSE(forPanel); // the panel is gone: every token is stale
    EXPECT_FALSE(current);
    Q_EMIT session.environmentChanged(); // and the session no longer reaches it
}

TEST(SessionPanel, WithoutASessionNoHookRuns)
{
    CountingPanel panel(nullptr);
    EXPECT_EQ(panel.environments, 0);
    EXPECT_EQ(panel.boundSession(), nullptr);
    EXPECT_TRUE(panel.panelToken());
}

} // namespace
