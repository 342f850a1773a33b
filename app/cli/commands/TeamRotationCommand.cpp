#include "TeamRotationCommand.h"

#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliStore.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/KeyEpochs.h"
#include "core/store/KeyRotation.h"
#include "core/store/RotationWorker.h"
#include "core/store/Store.h"
#include "core/team/TeamKeychain.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTimer>

#include <memory>

namespace aerodesk::cli {

namespace {

using Finish = CliCommand::Finish;

/// Drops `object` on the next event-loop turn, not inside the keychain callback holding it.
template<class T> void dropLater(std::shared_ptr<T> object)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [object] {});
}

void storeFailed(CliContext &ctx, const store::StoreError &e, const QString &path,
                 const Finish &finish)
{
    ctx.out.error(QStringLiteral("store"), e.message, { { QStringLiteral("store"), path } });
    finish(e.kind == store::StoreError::Kind::WrongKey ? Keychain : Negative);
}

void keyFailed(CliContext &ctx, const team::TeamError &e, const Finish &finish)
{
    ctx.out.error(team::TeamError::kindName(e.kind), e.message);
    finish(e.kind == team::TeamError::Kind::AlreadyPresent ? Negative : Keychain);
}

QJsonObject epochJson(const team::RotationPlan::Epoch &e)
{
    return { { QStringLiteral("epoch"), e.number }, { QStringLiteral("keyId"), e.keyId } };
}

QJsonObject planJson(const team::RotationPlan &plan)
{
    QJsonObject o { { QStringLiteral("phase"), team::RotationPlan::phaseName(plan.phase()) },
                    { QStringLiteral("current"), epochJson(plan.current()) },
                    { QStringLiteral("writeEpoch"), plan.writeEpoch() },
                    { QStringLiteral("cursor"), double(plan.cursor()) },
                    { QStringLiteral("rewritten"), double(plan.rewritten()) } };
    if (plan.next().number > 0)
        o.insert(QStringLiteral("next"), epochJson(plan.next()));
    if (!plan.leaseHolder().isEmpty())
        o.insert(QStringLiteral("leaseHolder"), plan.leaseHolder());
    return o;
}

/// Rows per key epoch over every table with sealed fields (plain counts, no secret).
QJsonObject rowsPerEpoch(store::Store &s)
{
    QJsonObject out;
    for (const char *table : { "connections", "connection_events", "timeline_entries",
                               "timeline_flows", "audit_log", "partner_users" }) {
        QSqlQuery q(s.database().db());
        if (!q.exec(QStringLiteral("SELECT key_epoch, count(*) FROM %1 GROUP BY key_epoch")
                        .arg(QLatin1String(table))))
            continue;
        QJsonObject perTable;
        while (q.next())
            perTable.insert(q.value(0).toString(), q.value(1).toLongLong());
        out.insert(QLatin1String(table), perTable);
    }
    return out;
}

/// The state the callbacks share: the keychain, the store once open, the keys held.
struct Rotation
{
    CliContext *ctx = nullptr;
    QString path; ///< the store as shown (file path, or the team store without password)
    store::StoreTarget target;
    QString passwordProfile; ///< a team store's: the keychain profile of its password
    std::shared_ptr<keychain::Keychain> passwordKeychain;
    crypto::SecureBytes password; ///< a team store's (empty for a file)
    QString sub;
    Finish finish;
    std::shared_ptr<team::TeamKeychain> keychain;
    std::unique_ptr<store::Store> store;
    std::vector<crypto::SecureBytes> keys;
};

void act(const std::shared_ptr<Rotation> &r);
void openWithKey(const std::shared_ptr<Rotation> &r, const team::TeamKey &key);

/// Opens the store with the current team key (a team store with its password from the
/// keychain too), then adds the next epoch's if this console holds it.
void openStore(const std::shared_ptr<Rotation> &r)
{
    r->keychain->readTeamKey([r](Result<team::TeamKey, team::TeamError> key) {
        if (!key)
            return keyFailed(*r->ctx, key.error(), r->finish);
        if (r->target.isSqlite() && !store::Store::exists(r->target.path())) {
            r->ctx->out.error(QStringLiteral("store"),
                              QStringLiteral("No store at %1.").arg(r->path));
            return r->finish(BadInput);
        }
        if (r->target.isSqlite())
            return openWithKey(r, *key);
        auto held = std::make_shared<team::TeamKey>(std::move(key).value());
        r->passwordKeychain = std::make_shared<keychain::Keychain>(r->passwordProfile);
        r->passwordKeychain->read(
            QString::fromLatin1(keychain::entries::kTeamStorePassword),
            [r, held](const keychain::KeychainError &error, crypto::SecureBytes password) {
                if (!error.ok()) {
                    r->ctx->out.error(
                        QStringLiteral("store"),
                        QStringLiteral("Cannot read the team store's password from the keychain "
                                       "(profile %1): %2")
                            .arg(r->passwordProfile, error.message),
                        { { QStringLiteral("store"), r->path } });
                    return r->finish(Keychain);
                }
                r->password = std::move(password);
                openWithKey(r, *held);
            });
    });
}

void openWithKey(const std::shared_ptr<Rotation> &r, const team::TeamKey &key)
{
    auto opened = store::Store::open(r->target, key.bytes(), {}, r->password);
    if (!opened)
        return storeFailed(*r->ctx, opened.error(), r->path, r->finish);
    r->store = std::move(opened).value();
    r->keys.push_back(key.bytes().clone());
    const team::RotationPlan &plan = r->store->rotationPlan();
    if (plan.next().keyId.isEmpty())
        return act(r);
    r->keychain->readKeyById(plan.next().keyId, [r](Result<team::TeamKey, team::TeamError> next) {
        if (next) {
            if (auto s = r->store->addKey(next->bytes()); s)
                r->keys.push_back(next->bytes().clone());
        }
        act(r);
    });
}

void rotateKey(const std::shared_ptr<Rotation> &r)
{
    // The keychain first: the new key is never only named by the store.
    const team::TeamKey fresh = team::TeamKey::create();
    auto held = std::make_shared<crypto::SecureBytes>(fresh.bytes().clone());
    r->keychain->saveOtherKey(
        fresh, [r, held](Result<team::TeamKeychain::Saved, team::TeamError> saved) {
            if (!saved)
                return keyFailed(*r->ctx, saved.error(), r->finish);
            auto plan = store::KeyRotation::propose(*r->store, *held);
            if (!plan)
                return storeFailed(*r->ctx, plan.error(), r->path, r->finish);
            r->ctx->out.progress(
                QStringLiteral(
                    "next team key %1 saved in this console's keychain; export it to every "
                    "agent, then run `aerodesk-cli team rotation start`")
                    .arg(saved->keyId));
            r->ctx->out.result({ { QStringLiteral("store"), r->path },
                                 { QStringLiteral("team"), r->keychain->team() },
                                 { QStringLiteral("plan"), planJson(*plan) } });
            r->finish(Ok);
        });
}

void resume(const std::shared_ptr<Rotation> &r)
{
    const team::RotationPlan plan = r->store->rotationPlan();
    if (plan.phase() != team::RotationPlan::Phase::ReEncrypting) {
        r->ctx->out.error(QStringLiteral("rotation"),
                          QStringLiteral("No re-encryption is under way (phase %1).")
                              .arg(team::RotationPlan::phaseName(plan.phase())));
        return r->finish(Negative);
    }
    if (r->keys.size() < 2) {
        r->ctx->out.error(QStringLiteral("rotation"),
                          QStringLiteral("This console does not hold the next team key (%1); "
                                         "import it first.")
                              .arg(plan.next().keyId));
        return r->finish(Keychain);
    }
    const QString holder = r->ctx->options->isSet(QStringLiteral("holder"))
        ? r->ctx->options->value(QStringLiteral("holder"))
        : QStringLiteral("cli@%1").arg(QSysInfo::machineHostName());
    const QString nextId = plan.next().keyId;
    r->store.reset(); // the worker opens its own
    store::RotationWorker worker(r->target, std::move(r->keys), r->password.clone(), holder);
    QObject::connect(&worker, &store::RotationWorker::progress, [r](qint64 rewritten, qint64) {
        r->ctx->out.progress(QStringLiteral("%1 rows re-encrypted").arg(rewritten));
    });
    bool done = false;
    QString why;
    QObject::connect(&worker, &store::RotationWorker::finished,
                     [&done, &why](bool finished, const QString &message) {
                         done = finished;
                         why = message;
                     });
    worker.run();
    if (!done) {
        r->ctx->out.error(QStringLiteral("rotation"), why);
        return r->finish(Negative);
    }
    // Finished: this console's keychain makes the new key current (redo-safe).
    r->keychain->promote(nextId, [r, nextId](Status<team::TeamError> promoted) {
        if (!promoted)
            return keyFailed(*r->ctx, promoted.error(), r->finish);
        r->ctx->out.result({ { QStringLiteral("store"), r->path },
                             { QStringLiteral("team"), r->keychain->team() },
                             { QStringLiteral("phase"), QStringLiteral("finished") },
                             { QStringLiteral("keyId"), nextId } });
        r->finish(Ok);
    });
}

void act(const std::shared_ptr<Rotation> &r)
{
    const QString step = r->sub;
    if (step == QLatin1String("rotate-key"))
        return rotateKey(r);
    if (step == QLatin1String("resume"))
        return resume(r);
    Result<team::RotationPlan, store::StoreError> plan = r->store->rotationPlan();
    if (step == QLatin1String("start"))
        plan = store::KeyRotation::start(*r->store);
    else if (step == QLatin1String("abort"))
        plan = store::KeyRotation::abort(*r->store);
    else
        plan = store::KeyRotation::status(*r->store);
    if (!plan)
        return storeFailed(*r->ctx, plan.error(), r->path, r->finish);
    QJsonArray readable;
    for (const auto &[epoch, key] : r->store->epochKeys())
        readable.append(epoch);
    r->ctx->out.result({ { QStringLiteral("store"), r->path },
                         { QStringLiteral("team"), r->keychain->team() },
                         { QStringLiteral("plan"), planJson(*plan) },
                         { QStringLiteral("rows"), rowsPerEpoch(*r->store) },
                         { QStringLiteral("heldEpochs"), readable },
                         { QStringLiteral("canWrite"), r->store->writable() } });
    r->finish(Ok);
}

} // namespace

void TeamRotationCommand::addOptions(QCommandLineParser &p)
{
    // --store / --store-profile are CliStore's (via CliAuditTrail): a file or a team store URL.
    p.addOption({ QStringLiteral("holder"),
                  QStringLiteral("rotation resume: this console's id for the re-encryption lease "
                                 "(default: cli@<host>)."),
                  QStringLiteral("id") });
}

void TeamRotationCommand::run(CliContext &ctx, const QString &teamName, Finish finish)
{
    auto r = std::make_shared<Rotation>();
    r->ctx = &ctx;
    r->finish = std::move(finish);
    const QString sub = ctx.args.value(0);
    const QStringList steps { QStringLiteral("status"), QStringLiteral("start"),
                              QStringLiteral("resume"), QStringLiteral("abort") };
    r->sub = sub == QLatin1String("rotate-key") ? sub : ctx.args.value(1);
    if ((sub == QLatin1String("rotate-key") && ctx.args.size() != 1) ||
        (sub == QLatin1String("rotation") && (ctx.args.size() != 2 || !steps.contains(r->sub)))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Use `aerodesk-cli team rotate-key --team T` or `aerodesk-cli "
                                     "team rotation status|start|resume|abort --team T`."));
        return r->finish(Usage);
    }
    // The unified store choice (CliStore): --store FILE or postgresql://…, else the console's
    // Settings for the environment of --profile, else the default file.
    const auto where = CliStore::resolve(ctx);
    if (!where) {
        ctx.out.error(QStringLiteral("store"), where.error());
        return r->finish(BadInput);
    }
    r->target = where->target;
    r->passwordProfile = where->keychainProfile;
    r->path = r->target.isSqlite() ? r->target.path() : r->target.describe();
    r->keychain = std::make_shared<team::TeamKeychain>(teamName);
    const auto done = r->finish;
    // A weak reference: the Rotation holding a finish that holds the Rotation was a cycle
    // (LeakSanitizer: every rotation command leaked it). The callbacks in flight keep it alive.
    r->finish = [weak = std::weak_ptr<Rotation>(r), done](int code) {
        if (const auto self = weak.lock()) {
            auto keep = self->keychain;
            auto keepPassword = self->passwordKeychain;
            self->store.reset();
            dropLater(keep);
            if (keepPassword)
                dropLater(keepPassword);
        }
        done(code);
    };
    openStore(r);
}

} // namespace aerodesk::cli
