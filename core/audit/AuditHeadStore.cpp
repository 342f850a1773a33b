#include "core/audit/AuditHeadStore.h"

#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QPointer>

namespace aerodesk::audit {

using keychain::KeychainError;

namespace {
const QString kName = QString::fromLatin1(keychain::entries::kAuditHead);
}

AuditHeadStore::AuditHeadStore(keychain::Keychain &keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{
}

void AuditHeadStore::enqueue(Step step)
{
    m_queue.push_back(std::move(step));
    if (!m_running)
        runNext();
}

void AuditHeadStore::runNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    Step step = std::move(m_queue.front());
    m_queue.pop_front();
    QPointer<AuditHeadStore> self(this);
    step([self] {
        if (self)
            self->runNext();
    });
}

void AuditHeadStore::read(ReadDone done)
{
    enqueue([this, done = std::move(done)](std::function<void()> next) {
        m_keychain.read(kName, [done, next](const KeychainError &e, crypto::SecureBytes value) {
            if (e.kind == KeychainError::Kind::NotFound) {
                done(KeychainError {}, std::nullopt);
            } else if (!e.ok()) {
                done(e, std::nullopt);
            } else if (auto head = AuditHead::parse(value.rawView())) {
                done(e, head);
            } else {
                done(KeychainError { KeychainError::Kind::Other,
                                     QStringLiteral("The audit head in the keychain is not "
                                                    "readable.") },
                     std::nullopt);
            }
            next();
        });
    });
}

void AuditHeadStore::advance(const AuditHead &head, HashAt hashAt)
{
    enqueue([this, head, hashAt = std::move(hashAt)](std::function<void()> next) {
        QPointer<AuditHeadStore> self(this);
        m_keychain.read(
            kName, [self, head, hashAt, next](const KeychainError &e, crypto::SecureBytes value) {
                if (!self)
                    return;
                if (!e.ok() && e.kind != KeychainError::Kind::NotFound) {
                    qCWarning(aerodesk::log::store).noquote()
                        << "audit head not read:" << e.message;
                    Q_EMIT self->failed(e.message);
                    return next();
                }
                if (e.ok()) {
                    const auto current = AuditHead::parse(value.rawView());
                    const bool forward = current && current->seq < head.seq &&
                        (current->seq == 0 || hashAt(current->seq) == current->hash);
                    if (!forward) {
                        const QString why = current
                            ? QStringLiteral("the keychain head (record %1) does not fit the log")
                                  .arg(current->seq)
                            : QStringLiteral("the keychain head is not readable");
                        qCWarning(aerodesk::log::store).noquote()
                            << "audit head left alone:" << why;
                        Q_EMIT self->headRefused(why);
                        return next();
                    }
                }
                self->m_keychain.write(kName, crypto::SecureBytes(head.serialise()),
                                       [self, next](const KeychainError &w) {
                                           if (!w.ok() && self) {
                                               qCWarning(aerodesk::log::store).noquote()
                                                   << "audit head not written:" << w.message;
                                               Q_EMIT self->failed(w.message);
                                           }
                                           next();
                                       });
            });
    });
}

void AuditHeadStore::whenIdle(std::function<void()> done)
{
    enqueue([done = std::move(done)](std::function<void()> next) {
        done();
        next();
    });
}

} // namespace aerodesk::audit
