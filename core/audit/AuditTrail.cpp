#include "core/audit/AuditTrail.h"

#include "core/audit/AuditHeadStore.h"
#include "core/store/Store.h"
#include "core/store/StoreJobs.h"
#include "core/util/Clock.h"
#include "core/util/LogCategories.h"

#include <QPointer>
#include <QSqlQuery>
#include <QVariant>

namespace aerodesk::audit {

AuditTrail::AuditTrail(std::shared_ptr<store::Store> store, keychain::Keychain &headKeychain,
                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_log(*m_store)
    , m_clock(clock)
    , m_head(std::make_unique<AuditHeadStore>(headKeychain))
    , m_osUser(currentOsUser())
{
    connect(m_head.get(), &AuditHeadStore::headRefused, this, &AuditTrail::headProblem);
    connect(m_head.get(), &AuditHeadStore::failed, this, &AuditTrail::headProblem);
}

AuditTrail::~AuditTrail() = default;

QString AuditTrail::currentOsUser()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    return user.isEmpty() ? QStringLiteral("unknown") : user;
}

void AuditTrail::setJobs(store::StoreJobs *jobs)
{
    m_jobs = jobs;
}

void AuditTrail::failed(const AuditEntry &entry, const store::StoreError &error) const
{
    qCWarning(aerodesk::log::store).noquote()
        << "audit record not written:" << AuditActions::name(entry.action) << "-" << error.message;
}

void AuditTrail::written(const AuditRecord &record)
{
    QPointer<AuditTrail> self(this);
    m_head->advance(AuditHead { record.seq, record.hash }, [self](qint64 seq) -> QByteArray {
        if (!self)
            return {};
        QSqlQuery q(self->m_store->database().db());
        q.prepare(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"));
        q.addBindValue(seq);
        return q.exec() && q.next() ? q.value(0).toByteArray() : QByteArray();
    });
    Q_EMIT recorded(record);
}

Result<AuditRecord, store::StoreError> AuditTrail::record(const AuditEntry &entry)
{
    auto r = m_log.append(entry, m_clock.nowUtc().toMSecsSinceEpoch(), m_osUser, m_profile);
    if (!r) {
        failed(entry, r.error());
        return r;
    }
    written(r.value());
    return r;
}

void AuditTrail::record(const AuditEntry &entry, RecordDone done)
{
    if (!m_jobs) {
        auto r = record(entry);
        if (done)
            done(std::move(r));
        return;
    }
    // The time is taken now, when the staff member acted, not when the job runs.
    const qint64 atMs = m_clock.nowUtc().toMSecsSinceEpoch();
    ++m_pendingAppends;
    m_jobs->run<Result<AuditRecord, store::StoreError>>(
        this,
        [entry, atMs, osUser = m_osUser, profile = m_profile](
            store::Store *db,
            const store::StoreError &openError) -> Result<AuditRecord, store::StoreError> {
            if (!db)
                return openError;
            return AuditLog(*db).append(entry, atMs, osUser, profile);
        },
        [this, entry, done](Result<AuditRecord, store::StoreError> r) {
            --m_pendingAppends;
            if (r)
                written(r.value());
            else
                failed(entry, r.error());
            if (done)
                done(std::move(r));
            if (m_pendingAppends == 0) {
                for (auto &waiter : std::exchange(m_idleWaiters, {}))
                    m_head->whenIdle(std::move(waiter));
            }
        });
}

bool AuditTrail::record(AuditAction action, const QString &object, AuditOutcome outcome,
                        const QString &reason, const QString &connectionId)
{
    AuditEntry entry;
    entry.action = action;
    entry.object = object;
    entry.outcome = outcome;
    entry.reason = reason;
    entry.connectionId = connectionId;
    if (m_jobs) {
        record(entry, RecordDone());
        return true;
    }
    return record(entry).ok();
}

void AuditTrail::verify(std::function<void(AuditVerification)> done)
{
    QPointer<AuditTrail> self(this);
    m_head->read([self, done](const keychain::KeychainError &e, std::optional<AuditHead> head) {
        if (!self)
            return;
        if (!e.ok()) {
            AuditVerification v;
            v.problem = AuditVerification::Problem::Unreadable;
            v.message = e.message;
            return done(v);
        }
        done(self->m_log.verify(head));
    });
}

void AuditTrail::whenIdle(std::function<void()> done)
{
    if (m_pendingAppends > 0)
        return m_idleWaiters.push_back(std::move(done));
    m_head->whenIdle(std::move(done));
}

} // namespace aerodesk::audit
