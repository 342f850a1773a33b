#include "core/store/RotationControl.h"

#include "core/store/HeldEpochKeys.h"
#include "core/store/KeyEpochs.h"
#include "core/store/KeyRotation.h"
#include "core/store/RotationWorker.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "core/team/TeamKey.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QThread>

namespace aerodesk::store {

namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("aerodesk::store::RotationControl", text);
}

} // namespace

RotationControl::RotationControl(Store &store, StoreJobs &jobs, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_jobs(jobs)
    , m_plan(store.rotationPlan())
    , m_keychain(store.target().team())
{
}

RotationControl::~RotationControl()
{
    if (!m_thread)
        return;
    if (m_worker)
        m_worker->cancel();
    m_thread->quit();
    m_thread->wait();
}

QString RotationControl::team() const
{
    return m_keychain.team();
}

QString RotationControl::currentKeyId() const
{
    const QString id = m_plan.current().keyId;
    return id.isEmpty() ? m_store.teamKeyId() : id;
}

void RotationControl::followStore(const crypto::SecureBytes *addKey)
{
    // addKey re-reads the keys and plan itself.
    if (auto s = addKey ? m_store.addKey(*addKey) : m_store.refreshKeys(); !s)
        qCWarning(aerodesk::log::store).noquote()
            << "the console's store could not re-read its keys:" << s.error().message;
    m_plan = m_store.rotationPlan();
    m_jobs.takeKeys(m_store);
    Q_EMIT planChanged();
}

bool RotationControl::holdsNextKey() const
{
    const int next = m_plan.next().number;
    return next > 0 && m_store.epochKeys().count(next) > 0;
}

void RotationControl::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

void RotationControl::runStep(Step step, const QString &doneMessage)
{
    setBusy(true);
    m_jobs.run<Result<team::RotationPlan, StoreError>>(
        this,
        [step](Store *db, const StoreError &openError) -> Result<team::RotationPlan, StoreError> {
            if (!db)
                return openError;
            return step(*db);
        },
        [this, doneMessage](Result<team::RotationPlan, StoreError> plan) {
            setBusy(false);
            if (!plan) {
                m_pendingKey.reset();
                qCWarning(aerodesk::log::store).noquote()
                    << "rotation step refused:" << plan.error().message;
                Q_EMIT stepDone(false, plan.error().message);
                return;
            }
            // The console's own store follows at once (its listener would too, a moment
            // later): the plan's write epoch, and the key it just proposed.
            const auto proposed = std::exchange(m_pendingKey, {});
            followStore(proposed.get());
            if (!doneMessage.isEmpty())
                Q_EMIT stepDone(true, doneMessage);
        });
}

void RotationControl::refresh()
{
    if (m_busy)
        return;
    runStep([](Store &db) { return KeyRotation::status(db); }, QString());
}

void RotationControl::propose()
{
    if (m_busy)
        return;
    setBusy(true);
    // The keychain first: the new key is never only named by the store.
    const team::TeamKey fresh = team::TeamKey::create();
    auto held = std::make_shared<crypto::SecureBytes>(fresh.bytes().clone());
    m_keychain.saveOtherKey(
        fresh, [this, held](Result<team::TeamKeychain::Saved, team::TeamError> saved) {
            setBusy(false);
            if (!saved) {
                Q_EMIT stepDone(false, saved.error().message);
                return;
            }
            const QString id = saved->keyId;
            // The console's store takes the key now; it opens nothing until proposed.
            m_pendingKey = held;
            runStep([held](Store &db) { return KeyRotation::propose(db, *held); },
                    trText("Next team key %1 is in this keychain and named by the store. Export "
                           "it to every agent, then start the re-encryption.")
                        .arg(id));
        });
}

void RotationControl::start()
{
    if (m_busy)
        return;
    runStep([](Store &db) { return KeyRotation::start(db); },
            trText("New writes are sealed under the next key; re-encrypt the rows now."));
}

void RotationControl::abort()
{
    if (m_busy)
        return;
    runStep([](Store &db) { return KeyRotation::abort(db); },
            trText("The rotation was abandoned; the current key stays."));
}

void RotationControl::resume(const QString &holder)
{
    if (m_busy)
        return;
    m_plan = m_store.rotationPlan();
    if (m_plan.phase() != team::RotationPlan::Phase::ReEncrypting) {
        Q_EMIT stepDone(false,
                        trText("No re-encryption is under way (phase %1).")
                            .arg(team::RotationPlan::phaseName(m_plan.phase())));
        return;
    }
    if (!holdsNextKey()) {
        Q_EMIT stepDone(false,
                        trText("This console does not hold the next team key (%1): "
                               "import it first.")
                            .arg(m_plan.next().keyId));
        return;
    }
    std::vector<crypto::SecureBytes> keys;
    for (const auto &[epoch, key] : m_store.epochKeys())
        keys.push_back(key.clone());
    const QString nextKeyId = m_plan.next().keyId;
    setBusy(true);
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("aerodesk-rotation"));
    auto *worker =
        new RotationWorker(m_store.target(), std::move(keys), m_store.password().clone(), holder);
    m_worker = worker;
    worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(m_thread, &QThread::started, worker, &RotationWorker::run);
    connect(worker, &RotationWorker::progress, this,
            [this](qint64 rewritten, qint64) { Q_EMIT progress(rewritten); });
    connect(worker, &RotationWorker::finished, this,
            [this, nextKeyId](bool done, const QString &message) {
                reEncryptionEnded(done, message, nextKeyId);
            });
    m_thread->start();
}

void RotationControl::takeHeldKeys()
{
    if (auto s = m_store.refreshKeys(); !s)
        qCWarning(aerodesk::log::store).noquote()
            << "the console's store could not re-read its keys:" << s.error().message;
    m_plan = m_store.rotationPlan();
    HeldEpochKeys::take(m_store, m_keychain, [this](int added) {
        if (added > 0) {
            m_jobs.takeKeys(m_store);
            announceKeys(); // the console's listener (and every other console) takes it too
        }
        Q_EMIT planChanged();
    });
}

void RotationControl::announceKeys()
{
    m_jobs.run<StoreError>(
        this,
        [](Store *db, const StoreError &openError) {
            if (!db)
                return openError;
            const auto sent = KeyEpochs::announceKeys(db->database().db(), db->sessionId());
            return sent ? StoreError {} : sent.error();
        },
        [](StoreError error) {
            if (!error.ok())
                qCWarning(aerodesk::log::store).noquote()
                    << "the key change could not be announced:" << error.message;
        });
}

void RotationControl::pause()
{
    if (m_worker)
        m_worker->cancel();
}

void RotationControl::reEncryptionEnded(bool done, const QString &message, const QString &nextKeyId)
{
    m_thread->quit();
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    if (!done) {
        setBusy(false);
        followStore();
        Q_EMIT stepDone(false, message);
        return;
    }
    // Finished: this console's keychain makes the new key current (redo-safe).
    m_keychain.promote(nextKeyId, [this, nextKeyId](Status<team::TeamError> promoted) {
        setBusy(false);
        followStore();
        if (!promoted) {
            Q_EMIT stepDone(false, promoted.error().message);
            return;
        }
        Q_EMIT stepDone(true,
                        trText("Every row is under team key %1, now this console's "
                               "current key; the old key opens nothing any more.")
                            .arg(nextKeyId));
    });
}

} // namespace aerodesk::store
