#include "core/store/KeyRotation.h"

#include "core/store/KeyEpochs.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqlFailure.h"
#include "core/store/Store.h"
#include "core/team/TeamKey.h"

#include <QCoreApplication>
#include <QSqlQuery>

#include <functional>

namespace aerodesk::store {

namespace {

StoreError refused(const QString &why)
{
    return StoreError::make(StoreError::Kind::InvalidInput, why);
}

/// Runs `change` on the plan inside one serialised write transaction and commits.
Result<team::RotationPlan, StoreError>
changePlan(Store &store,
           const std::function<Status<StoreError>(QSqlDatabase &, team::RotationPlan &)> &change)
{
    if (store.database().schemaVersion() < KeyEpochs::kSchema)
        return refused(QCoreApplication::translate("aerodesk::store::KeyRotation",
                                                   "This store's schema has no key epochs yet."));
    QSqlDatabase &db = store.database().db();
    const StoreBackend backend = store.database().backend();
    QSqlQuery q(db);
    if (!q.exec(SqlDialect::beginWrite(backend)))
        return SqlFailure::ofQuery(q, QStringLiteral("begin key rotation"));
    const auto fail = [&db](StoreError e) {
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return e;
    };
    if (backend == StoreBackend::Postgres &&
        !q.exec(SqlDialect::lock(backend, QStringLiteral("rotation"))))
        return fail(SqlFailure::ofQuery(q, QStringLiteral("lock the rotation")));
    auto plan = KeyEpochs::loadPlan(db);
    if (!plan)
        return fail(plan.error());
    if (auto s = change(db, *plan); !s)
        return fail(s.error());
    if (auto s = KeyEpochs::savePlan(db, *plan); !s)
        return fail(s.error());
    if (auto s = KeyEpochs::announceKeys(db, store.connections().sessionId()); !s)
        return fail(s.error());
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(SqlFailure::ofQuery(q, QStringLiteral("commit key rotation")));
    if (auto s = store.refreshKeys(); !s)
        return s.error();
    return std::move(plan).value();
}

Status<StoreError> fromTeam(const Status<team::TeamError> &s)
{
    if (s)
        return {};
    return refused(s.error().message);
}

} // namespace

Result<team::RotationPlan, StoreError> KeyRotation::propose(Store &store,
                                                            const crypto::SecureBytes &newKey)
{
    const team::TeamKey next = team::TeamKey::fromBytes(newKey.clone());
    if (!next.isValid())
        return refused(QCoreApplication::translate("aerodesk::store::KeyRotation",
                                                   "A team key has 32 bytes."));
    const int version = store.database().schemaVersion();
    auto changed = changePlan(store, [&](QSqlDatabase &db, team::RotationPlan &plan) {
        const int current = plan.current().number;
        const auto held = store.epochKeys().find(current);
        if (held == store.epochKeys().end())
            return Status<StoreError>(refused(QCoreApplication::translate(
                "aerodesk::store::KeyRotation",
                "Only a console holding the current team key can start a rotation.")));
        if (KeyEpochs::epochOf(db, newKey, version))
            return Status<StoreError>(refused(QCoreApplication::translate(
                "aerodesk::store::KeyRotation", "That key already opens this store.")));
        const QString currentId = team::TeamKey::fromBytes(held->second.clone()).keyId();
        if (plan.current().keyId.isEmpty())
            plan = team::RotationPlan::steady(current, currentId); // first rotation: name it
        if (auto s = fromTeam(plan.propose(next.keyId())); !s)
            return s;
        if (auto s = KeyEpochs::writeKeyId(db, current, currentId); !s)
            return s;
        return KeyEpochs::addEpoch(db, newKey, version, plan.next().number, next.keyId());
    });
    if (!changed)
        return changed;
    if (auto s = store.addKey(newKey); !s)
        return s.error();
    return changed;
}

Result<team::RotationPlan, StoreError> KeyRotation::start(Store &store)
{
    return changePlan(store, [](QSqlDatabase &, team::RotationPlan &plan) {
        return fromTeam(plan.startReEncrypting());
    });
}

Result<team::RotationPlan, StoreError> KeyRotation::abort(Store &store)
{
    return changePlan(store, [](QSqlDatabase &db, team::RotationPlan &plan) {
        const int next = plan.next().number;
        if (auto s = fromTeam(plan.abort()); !s)
            return s;
        return KeyEpochs::retireEpoch(db, next);
    });
}

Result<team::RotationPlan, StoreError> KeyRotation::status(Store &store)
{
    return KeyEpochs::loadPlan(store.database().db());
}

} // namespace aerodesk::store
