#include "core/webhooks/WebhookSecrets.h"

#include "core/crypto/Random.h"
#include "core/util/Clock.h"
#include "core/webhooks/SecretRingStore.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace aerodesk::webhooks {

using keychain::KeychainError;

WebhookSecrets::WebhookSecrets(const QString &keychainProfile, QSettings &settings,
                               const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_keychain(keychainProfile)
    , m_store(new SecretRingStore(m_keychain, settings, this))
    , m_ring(std::make_shared<SecretRing>(clock))
{
}

WebhookSecrets::~WebhookSecrets() = default;

std::shared_ptr<SecretRing> WebhookSecrets::copyRing() const
{
    auto ring = std::make_shared<SecretRing>(m_clock);
    ring->restore(m_ring->current().clone(), m_ring->previous().clone(), m_ring->rotatedAt());
    ring->setCurrentSince(m_ring->currentSince());
    ring->setOverlapSecs(m_ring->overlapSecs());
    return ring;
}

crypto::SecureBytes WebhookSecrets::generateSecret()
{
    QByteArray fresh = QByteArrayLiteral("whsec_") + crypto::Random::hex(24);
    return crypto::SecureBytes::takeFrom(fresh);
}

void WebhookSecrets::enqueue(std::function<void()> op)
{
    m_queue.push_back(std::move(op));
    if (!m_running)
        runNext();
}

void WebhookSecrets::runNext()
{
    if (m_queue.empty()) {
        m_running = false;
        return;
    }
    m_running = true;
    std::function<void()> op = std::move(m_queue.front());
    m_queue.pop_front();
    op();
}

void WebhookSecrets::load(std::function<void(const KeychainError &, bool replaced)> then)
{
    auto fresh = std::make_shared<SecretRing>(m_clock);
    QPointer<WebhookSecrets> self(this);
    m_store->load(*fresh, [self, fresh, then](const KeychainError &e) {
        if (!self)
            return;
        const bool none = e.kind == KeychainError::Kind::NotFound;
        if (e.ok())
            self->m_ring = fresh;
        else if (none)
            self->m_ring = std::make_shared<SecretRing>(self->m_clock);
        self->m_loaded = e.ok() || none;
        self->m_lastError = self->m_loaded ? KeychainError {} : e;
        then(self->m_loaded ? KeychainError {} : e, self->m_loaded);
    });
}

void WebhookSecrets::reload(Done done)
{
    ++m_pendingLoads;
    Q_EMIT stateChanged();
    enqueue([this, done] {
        load([this, done](const KeychainError &e, bool replaced) {
            --m_pendingLoads;
            Q_EMIT stateChanged();
            if (replaced)
                Q_EMIT changed();
            if (done)
                done(e);
            runNext();
        });
    });
}

void WebhookSecrets::write(Change change, Done done)
{
    // One end for every path: the counters first, then changed() (the stored state), then the
    // caller's callback.
    auto finish = [this, done](const KeychainError &e, bool replaced) {
        --m_pendingWrites;
        Q_EMIT stateChanged();
        if (replaced)
            Q_EMIT changed();
        if (done)
            done(e);
        runNext();
    };
    auto save = [this, change, finish](bool reread) {
        auto next = copyRing();
        change(*next);
        QPointer<WebhookSecrets> self(this);
        m_store->save(*next, [self, next, finish, reread](const KeychainError &e) {
            if (!self)
                return;
            if (e.ok())
                self->m_ring = next;
            finish(e, e.ok() || reread);
        });
    };
    if (m_loaded)
        return save(false);
    // Not read yet (or the last read failed): read first, so the previous secret is kept.
    load([save, finish](const KeychainError &e, bool replaced) {
        if (replaced)
            save(true);
        else
            finish(e, false);
    });
}

int WebhookSecrets::rotationPeriodDays() const
{
    return m_store->rotationPeriodDays();
}

void WebhookSecrets::setRotationPeriodDays(int days)
{
    if (days == rotationPeriodDays())
        return;
    m_store->setRotationPeriodDays(days);
    Q_EMIT rotationPeriodChanged();
}

void WebhookSecrets::setSecret(crypto::SecureBytes secret, bool keepPrevious, Done done)
{
    ++m_pendingWrites;
    Q_EMIT stateChanged();
    auto shared = std::make_shared<crypto::SecureBytes>(std::move(secret));
    enqueue([this, shared, keepPrevious, done] {
        write(
            [this, shared, keepPrevious](SecretRing &ring) {
                if (keepPrevious && !ring.current().isEmpty()) {
                    ring.rotate(std::move(*shared));
                } else {
                    ring.restore(std::move(*shared), {}, {});
                    ring.setCurrentSince(m_clock.nowUtc());
                }
            },
            done);
    });
}

void WebhookSecrets::rotate(Done done)
{
    ++m_pendingWrites;
    Q_EMIT stateChanged();
    enqueue([this, done] {
        // Generated on the thread pool; the watcher is this object's child (dropped with it).
        using Fresh = std::shared_ptr<crypto::SecureBytes>;
        auto *watcher = new QFutureWatcher<Fresh>(this);
        connect(watcher, &QFutureWatcher<Fresh>::finished, this, [this, watcher, done] {
            watcher->deleteLater();
            Fresh fresh = watcher->result();
            write([fresh](SecretRing &ring) { ring.rotate(std::move(*fresh)); }, done);
        });
        watcher->setFuture(QtConcurrent::run(
            [] { return std::make_shared<crypto::SecureBytes>(generateSecret()); }));
    });
}

} // namespace aerodesk::webhooks
