// The store's data key lives in the real keychain; userCodes too, never in the store.
#include "core/store/StoreOpener.h"

#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/UserCodeVault.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>
#include <optional>

using namespace aerodesk;
using store::StoreError;

namespace {
QString uniqueProfile()
{
    return QStringLiteral("store-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

using OpenResult = Result<std::shared_ptr<store::Store>, StoreError>;

std::optional<OpenResult> openSync(store::StoreOpener &opener, const store::StoreTarget &path)
{
    std::optional<OpenResult> out;
    opener.open(path, [&](OpenResult r) { out.emplace(std::move(r)); });
    test::waitUntil([&] { return out.has_value(); }, 20000);
    return out;
}
} // namespace

TEST(StoreOpener, CreatesTheKeyInTheKeychainThenReopensWithIt)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    keychain::Keychain kc(uniqueProfile());
    store::StoreOpener opener(kc);
    auto first = openSync(opener, path);
    ASSERT_TRUE(first.has_value());
    ASSERT_TRUE(first->ok()) << first->error().message.toStdString();
    connections::Connection c;
    c.connectionId = QStringLiteral("4a281c9e93f6a1f4b4db3284c009ef04");
    const auto upserted = (**first)->connections().upsert(c);
    ASSERT_TRUE(upserted.ok()) << upserted.error().message.toStdString();
    first.reset();

    // The key is in the keychain (32 bytes) and nowhere in the folder.
    std::optional<crypto::SecureBytes> key;
    kc.read(QStringLiteral("storeKey"),
            [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
                EXPECT_TRUE(e.ok()) << e.message.toStdString();
                key.emplace(std::move(v));
            });
    ASSERT_TRUE(test::waitUntil([&] { return key.has_value(); }, 20000));
    EXPECT_EQ(key->size(), 32u);
    QFile db(path);
    ASSERT_TRUE(db.open(QIODevice::ReadOnly));
    EXPECT_FALSE(db.readAll().contains(key->rawView()));

    auto again = openSync(opener, path);
    ASSERT_TRUE(again.has_value() && again->ok());
    EXPECT_TRUE((**again)->connections().get(c.connectionId).ok());
    bool removed = false;
    kc.remove(QStringLiteral("storeKey"), [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
}

TEST(StoreOpener, ExistingStoreWithoutItsKeyIsMissingKeyAndUntouched)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    {
        keychain::Keychain owner(uniqueProfile());
        store::StoreOpener opener(owner);
        auto made = openSync(opener, path);
        ASSERT_TRUE(made.has_value() && made->ok());
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    keychain::Keychain stranger(uniqueProfile()); // a profile with no storeKey
    store::StoreOpener opener(stranger);
    auto r = openSync(opener, path);
    ASSERT_TRUE(r.has_value());
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().kind, StoreError::Kind::MissingKey);
    EXPECT_FALSE(r->error().message.isEmpty());
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before) << "nothing may be overwritten";
}

TEST(UserCodeVault, KeepsUserCodesInTheKeychainOnly)
{
    keychain::Keychain kc(uniqueProfile());
    store::UserCodeVault vault(kc);
    std::optional<keychain::KeychainError> saved;
    vault.save(QStringLiteral("partner-user-1"), crypto::SecureBytes(QByteArrayView("UC-8f2e")),
               [&](const keychain::KeychainError &e) { saved = e; });
    ASSERT_TRUE(test::waitUntil([&] { return saved.has_value(); }, 20000));
    ASSERT_TRUE(saved->ok()) << saved->message.toStdString();
    std::optional<QByteArray> loaded;
    vault.load(QStringLiteral("partner-user-1"),
               [&](const keychain::KeychainError &, crypto::SecureBytes v) {
                   loaded = QByteArray(v.constChar(), qsizetype(v.size()));
               });
    ASSERT_TRUE(test::waitUntil([&] { return loaded.has_value(); }, 20000));
    EXPECT_EQ(*loaded, QByteArray("UC-8f2e"));
    std::optional<keychain::KeychainError> forgotten;
    vault.forget(QStringLiteral("partner-user-1"),
                 [&](const keychain::KeychainError &e) { forgotten = e; });
    ASSERT_TRUE(test::waitUntil([&] { return forgotten.has_value(); }, 20000));
    std::optional<keychain::KeychainError> after;
    vault.load(QStringLiteral("partner-user-1"),
               [&](const keychain::KeychainError &e, crypto::SecureBytes) { after = e; });
    ASSERT_TRUE(test::waitUntil([&] { return after.has_value(); }, 20000));
    EXPECT_EQ(after->kind, keychain::KeychainError::Kind::NotFound);
}

// Issue 13 finding 7c: two first runs at once (two openers, each with its own keychain object,
// started before either has read the keychain) make ONE key: both stores open, each reads what
// the other wrote, the keychain's key opens the file, and the lock file is gone afterwards.
TEST(StoreOpener, TwoFirstRunsAtOnceAgreeOnOneKey)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("aerodesk.sqlite"));
    const QString profile = uniqueProfile();
    keychain::Keychain kcA(profile), kcB(profile);
    store::StoreOpener a(kcA), b(kcB);
    std::optional<OpenResult> ra, rb;
    a.open(path, [&](OpenResult r) { ra.emplace(std::move(r)); });
    b.open(path, [&](OpenResult r) { rb.emplace(std::move(r)); });
    ASSERT_TRUE(test::waitUntil([&] { return ra.has_value() && rb.has_value(); }, 40000));
    ASSERT_TRUE(ra->ok()) << ra->error().message.toStdString();
    ASSERT_TRUE(rb->ok()) << rb->error().message.toStdString();

    connections::Connection c;
    c.connectionId = QStringLiteral("c7e1a0d2b3f4e5d6c7b8a9f0e1d2c3b4");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"), QStringLiteral("42") } };
    ASSERT_TRUE((**ra)->connections().upsert(c).ok());
    auto seen = (**rb)->connections().get(c.connectionId);
    ASSERT_TRUE(seen.ok()) << "the two openers hold different keys: "
                           << seen.error().message.toStdString();
    EXPECT_EQ(seen->accountSummary, c.accountSummary);
    ra.reset();
    rb.reset();

    keychain::Keychain kcC(profile);
    store::StoreOpener third(kcC);
    auto again = openSync(third, path);
    ASSERT_TRUE(again.has_value());
    ASSERT_TRUE(again->ok()) << "the keychain's key does not open the store: "
                             << again->error().message.toStdString();
    EXPECT_TRUE((**again)->connections().get(c.connectionId).ok());
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".lock")));
    bool removed = false;
    kcC.remove(QStringLiteral("storeKey"),
               [&](const keychain::KeychainError &) { removed = true; });
    test::waitUntil([&] { return removed; });
}
