#pragma once

#include "core/audit/AuditHead.h"
#include "core/keychain/KeychainError.h"

#include <QObject>
#include <QString>

#include <deque>
#include <functional>
#include <optional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::audit {

/// The audit chain's head in the keychain (entry keychain::entries::kAuditHead of the store's
/// profile). Keychain calls are asynchronous: every operation is queued and runs after the one
/// before, so a read never overtakes a pending write and the head only moves forward.
///
/// advance() is compare-and-advance: it first reads the head there; it writes the new one only
/// if there is none yet, or if the current one is older AND the log still holds the record it
/// names with the same hash (`hashAt`). Otherwise the head is left alone (headRefused): after a
/// truncation or a rewrite, later appends never erase the evidence.
class AuditHeadStore : public QObject
{
    Q_OBJECT
public:
    using HashAt = std::function<QByteArray(qint64 seq)>;
    using ReadDone = std::function<void(const keychain::KeychainError &, std::optional<AuditHead>)>;

    explicit AuditHeadStore(keychain::Keychain &keychain, QObject *parent = nullptr);

    void advance(const AuditHead &head, HashAt hashAt);
    void read(ReadDone done);
    /// Runs `done` once every queued operation has finished.
    void whenIdle(std::function<void()> done);
    bool isIdle() const { return !m_running && m_queue.empty(); }

Q_SIGNALS:
    void headRefused(const QString &why);
    void failed(const QString &why);

private:
    using Step = std::function<void(std::function<void()> next)>;
    void enqueue(Step step);
    void runNext();

    keychain::Keychain &m_keychain;
    std::deque<Step> m_queue;
    bool m_running = false;
};

} // namespace aerodesk::audit
