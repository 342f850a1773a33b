// The embedded-banking flow through session::Session with its store on either backend, against
// the real sandbox over HTTPS: on a team store (PostgreSQL) the session keeps partner users and
// userCodes in the store — a second console (another Session, another Store) answers a silent
// authentication with the code the first one stored, the 410 and logout remove the code from
// the store, the keychain holds no userCode — and on a local store (SQLite) they stay in the
// keychain as before. Either way the database holds no partner user id and no userCode.

#include "core/embedded/EmbeddedKeyStore.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/PayloadDecryptor.h"
#include "core/embedded/UserCodeStore.h"
#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/Store.h"
#include "tests/support/EmbeddedState.h"
#include "tests/support/SessionRig.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QElapsedTimer>
#include <QSettings>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using namespace aerodesk::embedded;
using keychain::KeychainError;
using test::Backend;
using test::waitUntil;

namespace {

class EmbeddedTeamFlowTest : public ::testing::TestWithParam<Backend>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(where.ok()) << where.error().toStdString();
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kAuditHead),
                          QString::fromLatin1(keychain::entries::kPartnerUsers),
                          QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                          QString::fromLatin1(keychain::entries::kProviderPublicKey) });
        auto opened = where.open(key);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        // The store first, then the environment (ConsoleWiring's order at start-up).
        rig.session().setStore(std::shared_ptr<store::Store>(std::move(opened).value()),
                               rig.keychain().profile());
        rig.setEnvironment();
        session::Session &s = rig.session();
        QString error = QStringLiteral("pending");
        s.sandboxEvents()->installSandboxKeys(*s.embeddedKeys(),
                                              [&](const QString &e) { error = e; });
        ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 30000));
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        std::optional<Result<crypto::RsaPrivateKey, QString>> k;
        s.embeddedKeys()->loadPartnerKey(
            [&](Result<crypto::RsaPrivateKey, QString> r) { k.emplace(std::move(r)); });
        ASSERT_TRUE(waitUntil([&] { return k.has_value(); }, 20000));
        ASSERT_TRUE(k->ok());
        partnerKey = k->value();
        ASSERT_TRUE(waitUntil([&] { return s.partnerUsers()->isLoaded(); }, 20000))
            << s.partnerUsers()->loadError().toStdString();
    }

    /// A sandbox event for `user`, decrypted and received by `session` for `as`.
    int receive(session::Session &session, bool connect, const QString &user,
                const QString &as = {})
    {
        auto sample = test::await<EmulatorEventSource::SampleEvent>([&](auto cb) {
            connect ? session.sandboxEvents()->connectEvent(user, cb)
                    : session.sandboxEvents()->authEvent(user, cb);
        });
        EXPECT_TRUE(sample && sample->ok());
        if (!sample || !sample->ok())
            return 0;
        auto payload = PayloadDecryptor::decrypt(partnerKey, sample->value().payloadHex);
        EXPECT_TRUE(payload.ok());
        if (!payload)
            return 0;
        auto id = session.embedded()->receive(as.isEmpty() ? user : as, std::move(payload).value());
        EXPECT_TRUE(id.ok()) << (id ? "" : id.error().toStdString());
        return id ? id.value() : 0;
    }
    EventOutcome run(const std::function<void(EmbeddedWorkflow::Done)> &start)
    {
        std::optional<EventOutcome> out;
        start([&](const EventOutcome &o) { out = o; });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 30000)) << "no outcome";
        return out.value_or(EventOutcome {});
    }
    EventOutcome ok(session::Session &session, int id, bool confirmed = false)
    {
        return run([&](auto done) { session.embedded()->answerOk(id, confirmed, done); });
    }
    /// The code as the session's UserCodeStore has it (empty when none).
    QByteArray codeOf(session::Session &session, const QString &user)
    {
        std::optional<QByteArray> out;
        session.embedded()->userCodes().load(
            user,
            [&](const KeychainError &, crypto::SecureBytes c) { out = c.view().toByteArray(); });
        EXPECT_TRUE(waitUntil([&] { return out.has_value(); }, 20000));
        return out.value_or(QByteArray());
    }
    /// The code in the database, read by a Store of its own (another console).
    std::optional<QByteArray> codeInDatabase(const QString &user)
    {
        auto other = where.open(key);
        EXPECT_TRUE(other.ok());
        if (!other)
            return std::nullopt;
        store::Store &db = **other;
        store::PartnerUserRepository repo(db.database(), db.cipher(), db.blindIndex());
        auto code = repo.userCode(rig.keychain().profile(), user);
        if (!code)
            return std::nullopt;
        return code->view().toByteArray();
    }
    bool team() const { return GetParam() == Backend::Postgres; }

    test::StoreBackend where { GetParam() };
    crypto::SecureBytes key = crypto::Random::secretBytes(32);
    test::SessionRig rig;
    crypto::RsaPrivateKey partnerKey;
};

INSTANTIATE_TEST_SUITE_P(Backends, EmbeddedTeamFlowTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

TEST_P(EmbeddedTeamFlowTest, PartnerUsersAndUserCodesLiveWhereTheStoreSays)
{
    session::Session &a = rig.session();
    const QString alice = test::uniquePartnerUser(rig, QStringLiteral("alice"));
    const QString bob = test::uniquePartnerUser(rig, QStringLiteral("bob"));
    QList<QByteArray> codes;

    for (const QString &user : { alice, bob }) {
        const EventOutcome c = ok(a, receive(a, true, user));
        ASSERT_TRUE(c.ok()) << c.message.toStdString();
        EXPECT_TRUE(c.codeStored);
        // The outcome names where the code went.
        EXPECT_TRUE(c.message.contains(team() ? QStringLiteral("stored in the team store")
                                              : QStringLiteral("stored in the keychain")))
            << c.message.toStdString();
        EXPECT_EQ(c.httpStatus, 204);
        const QByteArray code = codeOf(a, user);
        ASSERT_FALSE(code.isEmpty()) << "the session's UserCodeStore has the code";
        codes << code;
        if (team()) {
            EXPECT_EQ(test::storedUserCode(rig, user), KeychainError::Kind::NotFound)
                << "a team store's userCode is not in the keychain";
            EXPECT_EQ(codeInDatabase(user), code) << "another console reads it from the store";
        } else {
            EXPECT_EQ(test::storedUserCode(rig, user), KeychainError::Kind::None)
                << "a local store leaves userCodes in the keychain";
            EXPECT_FALSE(codeInDatabase(user).has_value());
        }
    }
    ASSERT_NE(codes.at(0), codes.at(1));

    // bob's attempt handled as alice's: alice's code goes out and the sandbox refuses it — the
    // store hands out the NAMED user's code only.
    const EventOutcome crossed = ok(a, receive(a, false, bob, alice));
    EXPECT_EQ(crossed.code, QStringLiteral("EB-403-USERCODE")) << crossed.message.toStdString();

    // The provider's 410 for alice: the code is removed from where it lives.
    QString error = QStringLiteral("pending");
    a.sandboxEvents()->expire(alice, [&](const QString &e) { error = e; });
    ASSERT_TRUE(waitUntil([&] { return error != QLatin1String("pending"); }, 20000));
    const EventOutcome gone = ok(a, receive(a, false, alice));
    EXPECT_EQ(gone.httpStatus, 410);
    EXPECT_TRUE(gone.codeRemoved);
    EXPECT_TRUE(codeOf(a, alice).isEmpty());
    EXPECT_FALSE(codeInDatabase(alice).has_value());
    EXPECT_EQ(test::storedUserCode(rig, alice), KeychainError::Kind::NotFound);

    // Console B: another Session with its own Store on the same database, environment first
    // this time. It sees alice invalid and bob connected, and answers bob's silent
    // authentication with the code A stored (the sandbox decrypts it and compares it with the
    // one it issued to bob).
    QSettings settingsB(rig.filePath(QStringLiteral("b.ini")), QSettings::IniFormat);
    session::Session b(rig.clock(), &settingsB);
    b.setEnvironment(rig.harness().environment());
    auto storeB = where.open(key);
    ASSERT_TRUE(storeB.ok());
    b.setStore(std::shared_ptr<store::Store>(std::move(storeB).value()), rig.keychain().profile());
    ASSERT_TRUE(waitUntil([&] { return b.partnerUsers()->isLoaded(); }, 20000))
        << b.partnerUsers()->loadError().toStdString();
    ASSERT_TRUE(b.partnerUsers()->find(bob).has_value());
    EXPECT_EQ(b.partnerUsers()->find(bob)->state, PartnerUser::State::Connected);
    ASSERT_TRUE(b.partnerUsers()->find(alice).has_value());
    EXPECT_EQ(b.partnerUsers()->find(alice)->state, PartnerUser::State::Invalid);
    const EventOutcome auth = ok(b, receive(b, false, bob));
    ASSERT_TRUE(auth.ok()) << auth.message.toStdString() << " " << auth.code.toStdString();
    EXPECT_EQ(auth.httpStatus, 204);

    // Logout of bob on console B. On a team store console A's list shows him logged out by
    // itself, within a second (the change feed, docs/team.md "Live updates"); on SQLite (the
    // keychain of one desktop) when A reads it again.
    const EventOutcome out = run([&](auto done) { b.embedded()->logout(bob, done); });
    QElapsedTimer sinceLogout;
    sinceLogout.start();
    EXPECT_TRUE(out.ok()) << out.message.toStdString();
    EXPECT_TRUE(out.codeRemoved);
    const auto bobLoggedOutOnA = [&] {
        const auto u = a.partnerUsers()->find(bob);
        return u && u->state == PartnerUser::State::LoggedOut;
    };
    if (where.isPostgres()) {
        ASSERT_TRUE(waitUntil(bobLoggedOutOnA, 10000)) << "console A never saw the logout";
        EXPECT_LT(sinceLogout.elapsed(), 1000) << "seen after " << sinceLogout.elapsed() << " ms";
    } else {
        EXPECT_FALSE(bobLoggedOutOnA()) << "a local store has no change feed";
        std::optional<KeychainError> reread;
        a.partnerUsers()->load([&](const KeychainError &e) { reread = e; });
        ASSERT_TRUE(waitUntil([&] { return reread.has_value(); }, 20000));
    }
    EXPECT_TRUE(codeOf(a, bob).isEmpty());
    EXPECT_FALSE(codeInDatabase(bob).has_value());
    ASSERT_TRUE(a.partnerUsers()->find(bob).has_value());
    EXPECT_EQ(a.partnerUsers()->find(bob)->state, PartnerUser::State::LoggedOut);
    EXPECT_EQ(a.partnerUsers()->find(alice)->state, PartnerUser::State::Invalid);

    // Connect alice again, so one code is in the store at the scan.
    ASSERT_TRUE(ok(a, receive(a, true, alice)).ok());
    codes << codeOf(a, alice);

    const QByteArray raw = where.rawBytes();
    ASSERT_TRUE(raw.contains("partner_users"));
    QList<QByteArray> secrets = codes;
    secrets << alice.toUtf8() << bob.toUtf8();
    for (const QByteArray &secret : std::as_const(secrets)) {
        ASSERT_FALSE(secret.isEmpty());
        EXPECT_FALSE(raw.contains(secret)) << "plain: " << secret.toStdString();
        EXPECT_FALSE(raw.contains(secret.toUpper())) << "upper: " << secret.toStdString();
        EXPECT_FALSE(raw.contains(secret.toHex())) << "hex: " << secret.toStdString();
        EXPECT_FALSE(raw.contains(secret.toHex().toUpper())) << "HEX: " << secret.toStdString();
        EXPECT_FALSE(raw.contains(secret.toBase64())) << "base64: " << secret.toStdString();
    }
}

} // namespace
