#include "core/store/RotationWorker.h"

#include "core/store/ReEncryptor.h"
#include "core/store/Store.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QThread>

namespace aerodesk::store {

RotationWorker::RotationWorker(StoreTarget target, std::vector<crypto::SecureBytes> keys,
                               crypto::SecureBytes password, QString holder, int pauseMs,
                               int batchSize)
    : m_target(std::move(target))
    , m_keys(std::move(keys))
    , m_password(std::move(password))
    , m_holder(std::move(holder))
    , m_pauseMs(pauseMs)
    , m_batchSize(batchSize)
{
}

void RotationWorker::run()
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("aerodesk::store::RotationWorker", text);
    };
    if (m_keys.empty()) {
        Q_EMIT finished(false, tr("No team key to re-encrypt with."));
        return;
    }
    // Open with whichever key opens the store, then add the others.
    std::unique_ptr<Store> store;
    StoreError lastError;
    for (const crypto::SecureBytes &key : m_keys) {
        auto opened = Store::open(m_target, key, {}, m_password);
        if (opened) {
            store = std::move(opened).value();
            break;
        }
        lastError = opened.error();
    }
    if (!store) {
        Q_EMIT finished(false, lastError.message);
        return;
    }
    for (const crypto::SecureBytes &key : m_keys)
        store->addKey(key); // a key of no live epoch is simply not used
    ReEncryptor reEncryptor(*store, m_holder, m_batchSize);
    while (!m_cancelled) {
        auto step = reEncryptor.step();
        if (!step) {
            Q_EMIT finished(false, step.error().message);
            return;
        }
        using Outcome = ReEncryptor::Step::Outcome;
        switch (step->outcome) {
        case Outcome::Finished:
            Q_EMIT progress(step->plan.rewritten(), step->plan.cursor());
            Q_EMIT finished(true, QString());
            return;
        case Outcome::NotRotating:
            Q_EMIT finished(false, tr("No re-encryption is under way."));
            return;
        case Outcome::LeaseHeld:
            Q_EMIT finished(false,
                            tr("Another console is re-encrypting the store (%1).")
                                .arg(step->plan.leaseHolder()));
            return;
        case Outcome::Batch:
        case Outcome::NewPass:
            Q_EMIT progress(step->plan.rewritten(), step->plan.cursor());
            break;
        }
        if (m_pauseMs > 0)
            QThread::msleep(ulong(m_pauseMs));
    }
    qCInfo(aerodesk::log::store) << "re-encryption paused; it resumes from the committed cursor";
    Q_EMIT finished(false, tr("Re-encryption was stopped; it resumes where it left off."));
}

} // namespace aerodesk::store
