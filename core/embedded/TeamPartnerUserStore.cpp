#include "core/embedded/TeamPartnerUserStore.h"

#include "core/embedded/PartnerUserStoreWorker.h"
#include "core/store/PartnerUserRepository.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace aerodesk::embedded {

using store::PartnerUserRepository;
using store::StoreError;

TeamPartnerUserStore::TeamPartnerUserStore(const store::Store &store, const QString &scope,
                                           QObject *parent)
    : QObject(parent)
    , m_scope(scope)
    , m_worker(new PartnerUserStoreWorker(store.target(), store.dataKey().clone(),
                                          store.password().clone(), scope))
    , m_lastWrite(std::make_shared<keychain::KeychainError>())
{
    m_thread.setObjectName(QStringLiteral("aerodesk-partner-users"));
    m_worker->moveToThread(&m_thread);
    // Queued from the worker's thread to this one.
    connect(m_worker, &PartnerUserStoreWorker::changedElsewhere, this,
            &TeamPartnerUserStore::changedElsewhere);
    connect(m_worker, &PartnerUserStoreWorker::reachableChanged, this, [this](bool reachable) {
        if (reachable == m_reachable)
            return;
        m_reachable = reachable;
        Q_EMIT reachableChanged(reachable);
    });
    m_thread.start();
    // A team store opens (and starts listening) now, not at the first call.
    if (store.target().isPostgres())
        submit([](PartnerUserRepository *, const StoreError &) {});
}

TeamPartnerUserStore::~TeamPartnerUserStore()
{
    // Every queued job runs first (a userCode being stored is stored), then the worker's
    // database is closed on its thread.
    PartnerUserStoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        m_worker, [worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

keychain::KeychainError TeamPartnerUserStore::toError(const StoreError &error)
{
    if (error.ok())
        return {};
    if (error.kind == StoreError::Kind::NotFound)
        return { keychain::KeychainError::Kind::NotFound, error.message };
    return { keychain::KeychainError::Kind::Other,
             tr("The team store failed: %1").arg(error.message) };
}

void TeamPartnerUserStore::submit(
    std::function<void(PartnerUserRepository *, const StoreError &)> job)
{
    PartnerUserStoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, job = std::move(job)] { worker->run(job); });
}

void TeamPartnerUserStore::answer(const Done &done, const keychain::KeychainError &error)
{
    if (done)
        // Queued to this object's thread; the destructor waits for every job, so `this` is alive.
        QMetaObject::invokeMethod(this, [done, error] { done(error); });
}

void TeamPartnerUserStore::readAll(Read done)
{
    const QString scope = m_scope;
    submit([this, scope, done](PartnerUserRepository *repo, const StoreError &openError) {
        keychain::KeychainError error = toError(openError);
        QList<PartnerUser> users;
        if (repo) {
            auto rows = repo->all(scope);
            if (!rows) {
                error = toError(rows.error());
            } else {
                for (const PartnerUserRepository::Row &row : std::as_const(*rows)) {
                    auto user = PartnerUser::fromJson(QJsonDocument::fromJson(row.record).object());
                    if (user && user->id == row.id)
                        users.append(*user);
                }
            }
        }
        QMetaObject::invokeMethod(this, [done, error, users] { done(error, users); });
    });
}

void TeamPartnerUserStore::write(const PartnerUser &user, const QList<PartnerUser> &, Done done)
{
    const QString scope = m_scope;
    const QByteArray record = QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact);
    auto last = m_lastWrite;
    submit([this, scope, id = user.id, record, last, done](PartnerUserRepository *repo,
                                                           const StoreError &openError) {
        *last = toError(repo ? repo->put(scope, id, record).error() : openError);
        if (!last->ok())
            qCWarning(aerodesk::log::embedded).noquote()
                << "partner user not written to the team store:" << last->message;
        answer(done, *last);
    });
}

void TeamPartnerUserStore::whenWritten(Done done)
{
    auto last = m_lastWrite;
    submit(
        [this, last, done](PartnerUserRepository *, const StoreError &) { answer(done, *last); });
}

void TeamPartnerUserStore::remove(const QString &partnerUserId, Done done)
{
    const QString scope = m_scope;
    submit([this, scope, partnerUserId, done](PartnerUserRepository *repo,
                                              const StoreError &openError) {
        answer(done, toError(repo ? repo->remove(scope, partnerUserId).error() : openError));
    });
}

void TeamPartnerUserStore::save(const QString &partnerUserId, const crypto::SecureBytes &userCode,
                                Done done)
{
    const QString scope = m_scope;
    // Shared by the job's copies; wiped when the last one goes.
    auto code = std::make_shared<crypto::SecureBytes>(userCode.clone());
    submit([this, scope, partnerUserId, code, done](PartnerUserRepository *repo,
                                                    const StoreError &openError) {
        // One statement, committed when it returns: only then may the caller answer OK.
        answer(done,
               toError(repo ? repo->saveUserCode(scope, partnerUserId, *code).error() : openError));
    });
}

void TeamPartnerUserStore::load(const QString &partnerUserId, Loaded done)
{
    const QString scope = m_scope;
    submit([this, scope, partnerUserId, done](PartnerUserRepository *repo,
                                              const StoreError &openError) {
        keychain::KeychainError error = toError(openError);
        auto code = std::make_shared<crypto::SecureBytes>();
        if (repo) {
            auto read = repo->userCode(scope, partnerUserId);
            if (read)
                *code = std::move(read).value();
            else
                error = toError(read.error());
        }
        QMetaObject::invokeMethod(this, [done, error, code] { done(error, std::move(*code)); });
    });
}

void TeamPartnerUserStore::forget(const QString &partnerUserId, Done done)
{
    const QString scope = m_scope;
    submit([this, scope, partnerUserId, done](PartnerUserRepository *repo,
                                              const StoreError &openError) {
        answer(done,
               toError(repo ? repo->forgetUserCode(scope, partnerUserId).error() : openError));
    });
}

} // namespace aerodesk::embedded
