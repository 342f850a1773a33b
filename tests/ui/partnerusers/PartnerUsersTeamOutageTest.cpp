// The Partner users panel on a team store whose server goes away (issue 16; docs/team.md, "When
// the database goes away"): real widgets, a real session with the real sandbox and keychain, a
// private PostgreSQL 15 stopped and started under it. The panel says the store cannot be reached,
// keeps the list it read, refuses the actions that need the store with the reason, and comes
// back by itself once the server is back — no call from the test beyond stopping and starting it.
#include "core/crypto/Random.h"
#include "core/embedded/PartnerUser.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PartnerUserStoreWorker.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "tests/support/PgServer.h"
#include "tests/support/SessionRig.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/partnerusers/PartnerUserTableModel.h"
#include "ui/partnerusers/PartnerUsersPanel.h"

#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <optional>

using namespace aerodesk;
using aerodesk::test::waitUntil;

namespace {

embedded::PartnerUser connectedUser(const QString &id)
{
    embedded::PartnerUser u;
    u.id = id;
    u.state = embedded::PartnerUser::State::Connected;
    u.connectedSince = QDateTime::currentDateTimeUtc();
    u.changedAt = u.connectedSince;
    return u;
}

} // namespace

TEST(PartnerUsersTeamOutage, TheServerStoppedShowsTheStateKeepsTheListAndRecovers)
{
    test::SessionRig rig;
    ASSERT_TRUE(rig.start());
    rig.setEnvironment();
    test::StoreBackend where(test::Backend::Postgres, test::privatePgServer());
    ASSERT_TRUE(where.ok()) << where.error().toStdString();
    auto opened = where.open(crypto::Random::secretBytes(32));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    session::Session &session = rig.session();
    session.setStore(std::shared_ptr<store::Store>(std::move(opened).value()));

    ui::PartnerUsersPanel panel(session);
    panel.resize(1000, 700);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    embedded::PartnerUserDirectory *users = session.partnerUsers();
    ASSERT_NE(users, nullptr);
    ASSERT_TRUE(waitUntil([&] { return users->isLoaded(); }, 20000)) << "the list was not read";
    const QString user = QStringLiteral("outage-") + QString::fromLatin1(crypto::Random::hex(4));
    std::optional<bool> written;
    users->put(connectedUser(user), [&](const keychain::KeychainError &e) { written = e.ok(); });
    ASSERT_TRUE(waitUntil([&] { return written.has_value(); }, 20000) && *written);
    ASSERT_TRUE(panel.selectUser(user));

    auto *title = test::findNamed<QLabel>(&panel, QStringLiteral("partnerUsersTitle"));
    ASSERT_NE(title, nullptr);
    EXPECT_TRUE(title->text().contains(QStringLiteral("kept in the team store only")))
        << title->text().toStdString();
    auto *banner = test::findNamed<QLabel>(&panel, QStringLiteral("partnerStoreBanner"));
    auto *reveal = test::findNamed<QPushButton>(&panel, QStringLiteral("revealUserCodeButton"));
    auto *logout = test::findNamed<QPushButton>(&panel, QStringLiteral("logoutButton"));
    auto *bundle = test::findNamed<QPushButton>(&panel, QStringLiteral("partnerBundleButton"));
    ASSERT_TRUE(banner && reveal && logout && bundle);
    EXPECT_FALSE(banner->isVisible());
    EXPECT_TRUE(reveal->isEnabled()) << reveal->toolTip().toStdString();
    EXPECT_TRUE(logout->isEnabled()) << logout->toolTip().toStdString();

    test::PgServer &server = where.server();
    server.stop();
    // Noticed by the partner users' own connection within its watch, without any action here.
    ASSERT_TRUE(waitUntil([&] { return banner->isVisible(); },
                          3 * embedded::PartnerUserStoreWorker::kWatchMs))
        << "no outage shown";
    EXPECT_TRUE(banner->text().startsWith(QStringLiteral("Team store unreachable since ")))
        << banner->text().toStdString();
    EXPECT_FALSE(users->isStoreReachable());
    // The list as last read stays; the actions that need the store wait, saying why.
    EXPECT_EQ(panel.selectedUser(), user);
    EXPECT_FALSE(reveal->isEnabled());
    EXPECT_FALSE(logout->isEnabled());
    EXPECT_TRUE(reveal->toolTip().contains(QStringLiteral("cannot be reached")))
        << reveal->toolTip().toStdString();
    EXPECT_TRUE(logout->toolTip().contains(QStringLiteral("cannot be reached")))
        << logout->toolTip().toStdString();
    EXPECT_TRUE(bundle->isEnabled()) << "the bundle is made from what is shown";

    ASSERT_TRUE(server.start()) << server.errorString().toStdString();
    ASSERT_TRUE(waitUntil([&] { return !banner->isVisible(); },
                          4 * embedded::PartnerUserStoreWorker::kWatchMs))
        << banner->text().toStdString();
    EXPECT_TRUE(users->isStoreReachable());
    EXPECT_TRUE(test::labelText(&panel, QStringLiteral("partnerUsersNotice"))
                    .contains(QStringLiteral("The team store is back")));
    ASSERT_TRUE(waitUntil([&] { return panel.selectUser(user) && reveal->isEnabled(); }, 10000))
        << reveal->toolTip().toStdString();
    EXPECT_TRUE(logout->isEnabled()) << logout->toolTip().toStdString();
}
