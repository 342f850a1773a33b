// The embedded-banking walkthrough (issue 11, item 10) on the core class, against the real
// sandbox and keychain: every step ticked, and afterwards the sandbox, the keychain and the
// partner-user list show what each step claimed — and the sandbox's idle timeout is its own again.

#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/store/UserCodeVault.h"
#include "core/walkthrough/Walkthrough.h"
#include "tests/support/SessionRig.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = walkthrough::Walkthrough::Kind;
using State = walkthrough::WalkthroughStep::State;

TEST(EmbeddedWalkthrough, ConnectAuthDisconnectRemovalReconnectLogout)
{
    test::SessionRig rig;
    ASSERT_TRUE(rig.start());
    namespace e = keychain::entries;
    rig.removeAtEnd({ QString::fromLatin1(e::kPartnerPrivateKey),
                      QString::fromLatin1(e::kProviderPublicKey),
                      QString::fromLatin1(e::kPartnerUsers) });
    test::EmulatorRig &sandbox = rig.harness().sandbox;
    const auto state = [&] {
        return sandbox.request("GET", QStringLiteral("/sandbox/eb/state"), {}, sandbox.bearer())
            .json;
    };
    const qint64 idleBefore = qint64(state().value(QLatin1String("idleTimeoutMs")).toDouble());
    ASSERT_GT(idleBefore, 2000);
    rig.setEnvironment();

    walkthrough::Walkthrough w(Kind::EmbeddedBanking, rig.session());
    QSignalSpy finished(&w, &walkthrough::Walkthrough::finished);
    w.run();
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 90000));
    ASSERT_EQ(w.steps().size(), 7);
    for (const auto &s : w.steps())
        EXPECT_EQ(s.state, State::Done) << s.title.toStdString() << ": " << s.result.toStdString();
    ASSERT_TRUE(finished.first().at(0).toBool());

    // One partner user, named for the run, now logged out in the directory.
    QString user;
    for (const embedded::PartnerUser &u : rig.session().partnerUsers()->users())
        if (u.id.startsWith(QLatin1String("walkthrough-")))
            user = u.id;
    ASSERT_TRUE(
        QRegularExpression(QStringLiteral("^walkthrough-[0-9a-f]{4}$")).match(user).hasMatch())
        << user.toStdString();
    EXPECT_EQ(rig.session().partnerUsers()->find(user)->state,
              embedded::PartnerUser::State::LoggedOut);
    EXPECT_TRUE(w.steps().at(4).result.contains(QLatin1String("410")))
        << w.steps().at(4).result.toStdString();

    // The keychain has no code for the user.
    std::optional<keychain::KeychainError> read;
    store::UserCodeVault(rig.keychain())
        .load(user, [&](const keychain::KeychainError &err, crypto::SecureBytes) { read = err; });
    ASSERT_TRUE(waitUntil([&] { return read.has_value(); }, 20000));
    EXPECT_EQ(read->kind, keychain::KeychainError::Kind::NotFound);

    // The sandbox's word: expired, then the 410 answer, then logged out without a code; and its
    // own idle timeout back.
    const QJsonObject after = state();
    EXPECT_EQ(qint64(after.value(QLatin1String("idleTimeoutMs")).toDouble()), idleBefore);
    const QJsonObject row = embedded::EmulatorEventSource::sandboxUserState(after, user);
    EXPECT_EQ(row.value(QLatin1String("state")).toString(), QStringLiteral("logged-out"));
    EXPECT_FALSE(row.value(QLatin1String("hasUserCode")).toBool(true));
    QStringList seen;
    for (const QJsonValue &v : after.value(QLatin1String("log")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QLatin1String("user")).toString() == user)
            seen << o.value(QLatin1String("kind")).toString() + QLatin1Char(':') +
                    o.value(QLatin1String("outcome")).toString() +
                    (o.contains(QLatin1String("code"))
                         ? QLatin1Char(':') + o.value(QLatin1String("code")).toString()
                         : QString());
    }
    const QStringList expected { QStringLiteral("connect-answer:connected"),
                                 QStringLiteral("auth-answer:authenticated"),
                                 QStringLiteral("timeout:expired"),
                                 QStringLiteral("auth-answer:rejected:EB-410-EXPIRED"),
                                 QStringLiteral("connect-answer:connected"),
                                 QStringLiteral("logout:logged-out") };
    qsizetype at = 0;
    for (const QString &step : expected) {
        at = seen.indexOf(step, at);
        EXPECT_GE(at, 0) << "missing in order: " << step.toStdString() << " in "
                         << seen.join(QStringLiteral(", ")).toStdString();
        if (at < 0)
            break;
        ++at;
    }
}
