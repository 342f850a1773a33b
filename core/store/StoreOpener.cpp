#include "core/store/StoreOpener.h"

#include "core/crypto/Random.h"
#include "core/keychain/Keychain.h"
#include "core/store/HeldEpochKeys.h"
#include "core/store/StoreFiles.h"
#include "core/team/TeamKeychain.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLockFile>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

namespace aerodesk::store {

namespace {
constexpr int kLockRetryMs = 25;
constexpr int kLockWaitMs = 60000;

StoreError keychainReadError(const keychain::KeychainError &error)
{
    return StoreError::make(
        StoreError::Kind::Keychain,
        QStringLiteral("Cannot read the store key from the keychain: %1").arg(error.message));
}

Result<std::shared_ptr<Store>, StoreError>
openWith(const QString &path, const crypto::SecureBytes &key, const QList<Migration> &migrations)
{
    auto store = Store::open(path, key, migrations);
    if (!store)
        return store.error();
    return std::shared_ptr<Store>(std::move(store).value());
}
} // namespace

StoreOpener::StoreOpener(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

QString StoreOpener::lockPath(const QString &path)
{
    return path + QStringLiteral(".lock");
}

void StoreOpener::open(const StoreTarget &target, Done done, QList<Migration> migrations)
{
    if (target.isPostgres())
        return openTeam(target, std::move(done), std::move(migrations));
    const QString path = target.path();
    const QString name = QString::fromLatin1(Store::kKeychainName);
    m_keychain.read(name,
                    [this, path, done, migrations](const keychain::KeychainError &error,
                                                   crypto::SecureBytes key) {
                        if (error.ok()) {
                            // A first-run instance writes the key to the keychain before it
                            // creates the store: open only while nobody holds the creation
                            // lock, else wait for it like a first run (which re-reads the key).
                            // A lock that cannot even be made (a read-only folder, a missing
                            // one) is not a creator at work: the open says what is wrong.
                            QLockFile lock(lockPath(path));
                            lock.setStaleLockTime(0);
                            if (!lock.tryLock(0) && lock.error() == QLockFile::LockFailedError)
                                return firstRun(path, done, migrations);
                            auto opened = openWith(path, key, migrations);
                            lock.unlock();
                            return done(std::move(opened));
                        }
                        if (error.kind != keychain::KeychainError::Kind::NotFound)
                            return done(keychainReadError(error)); // the keychain logged why
                        firstRun(path, done, migrations);
                    });
}

void StoreOpener::readTeamSecrets(const StoreTarget &target, TeamSecretsDone done,
                                  std::shared_ptr<crypto::SecureBytes> password)
{
    // The data key of a team store is the team key (keychain profile "Team: <team>", entry
    // teamKey): read it first, so a console without it fails before it talks to the server.
    if (const auto problem = team::TeamKeychain::teamNameProblem(target.team()))
        return done(StoreError::make(
            StoreError::Kind::InvalidInput,
            QCoreApplication::translate("aerodesk::store::StoreOpener",
                                        "The team store %1 names no usable team (%2): choose the "
                                        "team whose key opens it in Settings.")
                .arg(target.describe(), *problem)));
    auto teamKeychain = std::make_shared<team::TeamKeychain>(target.team());
    teamKeychain->readTeamKey(
        [this, target, done, teamKeychain, password](Result<team::TeamKey, team::TeamError> key) {
            if (!key) {
                if (key.error().kind == team::TeamError::Kind::Missing)
                    return done(StoreError::make(
                        StoreError::Kind::MissingKey,
                        QCoreApplication::translate(
                            "aerodesk::store::StoreOpener",
                            "This console holds no key of team \"%1\" for the team store %2: ask "
                            "your lead for an export (aerodesk-cli team import). Nothing was read "
                            "or written.")
                            .arg(target.team(), target.describe())));
                return done(StoreError::make(
                    StoreError::Kind::Keychain,
                    QCoreApplication::translate("aerodesk::store::StoreOpener",
                                                "Cannot read the team key of \"%1\": %2")
                        .arg(target.team(), key.error().message)));
            }
            TeamSecrets secrets;
            secrets.key = std::make_shared<team::TeamKey>(std::move(key).value());
            if (password) { // typed in Settings and not saved yet (Test connection)
                secrets.password = password;
                return done(std::move(secrets));
            }
            m_keychain.read(
                QString::fromLatin1(keychain::entries::kTeamStorePassword),
                [done, secrets](const keychain::KeychainError &error,
                                crypto::SecureBytes password) mutable {
                    if (!error.ok())
                        return done(StoreError::make(
                            StoreError::Kind::Keychain,
                            QStringLiteral(
                                "Cannot read the team store's password from the keychain: %1")
                                .arg(error.message)));
                    secrets.password = std::make_shared<crypto::SecureBytes>(std::move(password));
                    done(std::move(secrets));
                });
        });
}

void StoreOpener::openTeam(const StoreTarget &target, Done done, QList<Migration> migrations)
{
    QPointer<StoreOpener> self(this);
    readTeamSecrets(
        target, [self, target, done, migrations](Result<TeamSecrets, StoreError> secrets) {
            if (!secrets)
                return done(secrets.error());
            if (!self)
                return;
            const TeamSecrets held = *secrets;
            // The slow and failing part — reaching the server (up to connect_timeout), the key
            // check, the migrations — runs first on the thread pool, so a server that is down or
            // slow never holds this (the UI) thread. Only a store that opened there is opened again
            // here (a QSqlDatabase belongs to the thread that opened it): a reachable, migrated
            // store, one TLS connection.
            // Not the opener's child: `done` may drop the opener (the CLI's last reference),
            // which would delete the watcher inside its own finished signal, before its
            // deleteLater runs (a crash at exit of every `aerodesk-cli` on a team store).
            auto *watcher = new QFutureWatcher<StoreError>();
            QObject::connect(watcher, &QFutureWatcher<StoreError>::finished, watcher,
                             [self, watcher, target, held, migrations, done] {
                                 watcher->deleteLater();
                                 if (!self)
                                     return;
                                 if (const StoreError first = watcher->result(); !first.ok())
                                     return done(first);
                                 auto store = Store::open(target, held.key->bytes(), migrations,
                                                          *held.password, held.key->keyId());
                                 if (!store)
                                     return done(store.error());
                                 self->addHeldEpochKeys(
                                     std::shared_ptr<Store>(std::move(store).value()), done);
                             });
            watcher->setFuture(QtConcurrent::run([target, held, migrations] {
                auto store = Store::open(target, held.key->bytes(), migrations, *held.password,
                                         held.key->keyId());
                return store ? StoreError {} : store.error();
            }));
        });
}

void StoreOpener::addHeldEpochKeys(std::shared_ptr<Store> store, Done done)
{
    if (HeldEpochKeys::missing(*store).isEmpty())
        return done(std::move(store));
    auto keychain = std::make_shared<team::TeamKeychain>(store->target().team());
    QPointer<StoreOpener> self(this);
    HeldEpochKeys::take(*store, *keychain, [self, keychain, store, done](int) {
        QTimer::singleShot(0, qApp, [keychain] {}); // not inside its own callback
        if (self)
            done(store);
    });
}

void StoreOpener::probe(const StoreTarget &target, ProbeDone done,
                        std::shared_ptr<crypto::SecureBytes> password)
{
    if (!target.isPostgres())
        return done(ProbeOutcome { StoreError::make(StoreError::Kind::InvalidInput,
                                                    QStringLiteral("Only a team store is tested "
                                                                   "this way.")),
                                   {} });
    QPointer<StoreOpener> self(this);
    readTeamSecrets(
        target,
        [self, target, done](Result<TeamSecrets, StoreError> secrets) {
            if (!secrets)
                return done(ProbeOutcome { secrets.error(), {} });
            if (!self)
                return;
            const TeamSecrets held = *secrets;
            // The connection (up to connect_timeout) and the key check run on the thread pool; the
            // Store is opened, checked and dropped there (a QSqlDatabase stays on its thread).
            auto *watcher = new QFutureWatcher<ProbeOutcome>(self.data());
            QObject::connect(watcher, &QFutureWatcher<ProbeOutcome>::finished, self.data(),
                             [watcher, done] {
                                 watcher->deleteLater();
                                 done(watcher->result());
                             });
            watcher->setFuture(QtConcurrent::run([target, held] {
                auto store =
                    Store::open(target, held.key->bytes(), {}, *held.password, held.key->keyId());
                if (!store)
                    return ProbeOutcome { store.error(), {} };
                return ProbeOutcome { StoreError {}, held.key->keyId() };
            }));
        },
        std::move(password));
}

void StoreOpener::firstRun(const QString &path, Done done, QList<Migration> migrations)
{
    // "Read the key / create a key / write it to the keychain / create the store" runs under an
    // exclusive lock file next to the store, so two first-run instances (processes or openers
    // in one process) cannot each make a key: the loser waits, re-reads the keychain and opens
    // the store with the winner's key.
    if (!StoreFiles::makePrivateDirectory(QFileInfo(path).absolutePath()))
        return done(
            StoreError::make(StoreError::Kind::OpenFailed,
                             QStringLiteral("Cannot create the store's folder for %1.").arg(path)));
    auto lock = std::make_shared<QLockFile>(lockPath(path));
    lock->setStaleLockTime(0); // stale only when its process is gone, however long it takes
    takeLock(lock, QDeadlineTimer(kLockWaitMs), path, std::move(done), std::move(migrations));
}

void StoreOpener::takeLock(std::shared_ptr<QLockFile> lock, QDeadlineTimer deadline,
                           const QString &path, Done done, QList<Migration> migrations)
{
    if (!lock->tryLock(0)) {
        if (lock->error() == QLockFile::LockFailedError && !deadline.hasExpired()) {
            // Never block the event loop: the holder may be waiting for the keychain on it.
            QTimer::singleShot(kLockRetryMs, this,
                               [=, this] { takeLock(lock, deadline, path, done, migrations); });
            return;
        }
        qCWarning(aerodesk::log::store).noquote() << "cannot take the store lock" << lockPath(path);
        return done(StoreError::make(
            StoreError::Kind::OpenFailed,
            QStringLiteral("Cannot lock %1 to create the store (another AeroDesk may be creating "
                           "it). Try again.")
                .arg(lockPath(path))));
    }
    const QString name = QString::fromLatin1(Store::kKeychainName);
    const auto finish = [lock, done](Result<std::shared_ptr<Store>, StoreError> result) {
        lock->unlock();
        done(std::move(result));
    };
    m_keychain.read(
        name,
        [this, path, migrations, name, finish](const keychain::KeychainError &error,
                                               crypto::SecureBytes key) {
            using Kind = keychain::KeychainError::Kind;
            if (error.ok()) // another instance created it while we waited
                return finish(openWith(path, key, migrations));
            if (error.kind != Kind::NotFound)
                return finish(keychainReadError(error));
            if (Store::exists(path)) {
                qCWarning(aerodesk::log::store).noquote()
                    << "the store" << path << "exists but its key is not in the keychain";
                return finish(StoreError::make(
                    StoreError::Kind::MissingKey,
                    QStringLiteral(
                        "The store %1 exists but the keychain has no \"%2\" entry for profile "
                        "\"%3\". Nothing was changed: restore the key, or move the file away to "
                        "start a new store.")
                        .arg(path, name, m_keychain.profile())));
            }
            qCInfo(aerodesk::log::store).noquote()
                << "no store key yet: creating a new store at" << path;
            auto fresh = std::make_shared<crypto::SecureBytes>(
                crypto::Random::secretBytes(Store::kDataKeyBytes));
            m_keychain.write(
                name, *fresh, [path, migrations, fresh, finish](const keychain::KeychainError &e) {
                    if (!e.ok())
                        return finish(StoreError::make(
                            StoreError::Kind::Keychain,
                            QStringLiteral("Cannot save a new store key in the keychain: %1")
                                .arg(e.message)));
                    finish(openWith(path, *fresh, migrations));
                });
        });
}

} // namespace aerodesk::store
