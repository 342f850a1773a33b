#pragma once
// An audit trail on a real store — a SQLite file in a temporary folder or a fresh database on
// the test process's PostgreSQL (StoreBackend) — its head in the real keychain under a fresh
// profile (removed at the end), and raw SQL access to the store for tamper tests.
#include "core/audit/AuditTrail.h"
#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/util/FixedClock.h"
#include "tests/core/store/RawStoreFile.h"
#include "tests/support/StoreBackend.h"
#include "tests/support/Wait.h"

#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>
#include <memory>
#include <optional>

namespace aerodesk::test {

class AuditRig
{
public:
    explicit AuditRig(Backend backend = Backend::Sqlite)
        : where(backend)
        , keychain(QStringLiteral("audit-test-") +
                   QUuid::createUuid().toString(QUuid::WithoutBraces))
        , clock(QDateTime(QDate(2026, 11, 30), QTime(18, 0), Qt::UTC))
    {
        key = crypto::Random::secretBytes(32);
        if (!where.ok()) {
            ADD_FAILURE() << where.error().toStdString();
            return;
        }
        auto s = where.open(key);
        if (!s.ok()) {
            ADD_FAILURE() << s.error().message.toStdString();
            return;
        }
        store = std::shared_ptr<store::Store>(std::move(s.value()));
        trail = std::make_unique<audit::AuditTrail>(store, keychain, clock);
        trail->setProfile(QStringLiteral("Built-in sandbox"));
        trail->setOsUser(QStringLiteral("alice"));
    }
    ~AuditRig()
    {
        if (trail)
            idle();
        bool removed = false;
        keychain.remove(QString::fromLatin1(keychain::entries::kAuditHead),
                        [&](const keychain::KeychainError &) { removed = true; });
        waitUntil([&] { return removed; });
    }

    /// Appends `n` records of varied actions; returns false on the first failure.
    bool append(int n)
    {
        const QList<audit::AuditAction> actions = audit::AuditActions::all();
        for (int i = 0; i < n; ++i) {
            clock.advanceMs(1000);
            audit::AuditEntry e;
            e.action = actions.at(i % actions.size());
            e.object = QStringLiteral("4a28…%1").arg(i, 4, 10, QLatin1Char('0'));
            e.connectionId =
                QStringLiteral("4a281c9e93f6a1f4b4db3284c009%1").arg(i, 4, 10, QLatin1Char('0'));
            e.reason = audit::AuditActions::isReveal(e.action) ? QStringLiteral("ticket %1").arg(i)
                                                               : QString();
            auto r = trail->record(e);
            if (!r.ok()) {
                ADD_FAILURE() << r.error().message.toStdString();
                return false;
            }
        }
        return true;
    }
    void idle()
    {
        bool done = false;
        trail->whenIdle([&] { done = true; });
        EXPECT_TRUE(waitUntil([&] { return done; }, 20000));
    }
    audit::AuditVerification verify()
    {
        std::optional<audit::AuditVerification> v;
        trail->verify([&](audit::AuditVerification r) { v = r; });
        EXPECT_TRUE(waitUntil([&] { return v.has_value(); }, 20000));
        return v.value_or(audit::AuditVerification {});
    }
    std::optional<audit::AuditHead> keychainHead()
    {
        std::optional<audit::AuditHead> head;
        bool done = false;
        keychain.read(QString::fromLatin1(keychain::entries::kAuditHead),
                      [&](const keychain::KeychainError &e, crypto::SecureBytes v) {
                          if (e.ok())
                              head = audit::AuditHead::parse(v.rawView());
                          done = true;
                      });
        EXPECT_TRUE(waitUntil([&] { return done; }, 20000));
        return head;
    }

    StoreBackend where;
    crypto::SecureBytes key;
    keychain::Keychain keychain;
    FixedClock clock;
    std::shared_ptr<store::Store> store;
    std::unique_ptr<audit::AuditTrail> trail;
};

} // namespace aerodesk::test
