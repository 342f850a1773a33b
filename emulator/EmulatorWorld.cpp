#include "emulator/EmulatorWorld.h"

#include <QJsonObject>

#include <algorithm>

namespace aerodesk::emulator {

EmulatorWorld::EmulatorWorld(const EmulatorOptions &options)
    : m_options(options)
    , m_rng(options.seed != 0 ? options.seed : std::random_device {}())
{
    m_clock.start();
}

qint64 EmulatorWorld::scaledMs(double designSeconds) const
{
    return std::max<qint64>(1, qint64(designSeconds * 1000.0 * m_options.timeScale));
}

QString EmulatorWorld::randomHex(int bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(bytes * 2);
    for (int i = 0; i < bytes; ++i) {
        const auto b = unsigned(m_rng() & 0xff);
        out.append(QLatin1Char(digits[b >> 4])).append(QLatin1Char(digits[b & 0xf]));
    }
    return out;
}

QString EmulatorWorld::randomUuid()
{
    const QString h = randomHex(16);
    return h.mid(0, 8) + QLatin1Char('-') + h.mid(8, 4) + QStringLiteral("-4") + h.mid(13, 3) +
        QLatin1Char('-') + QLatin1Char("89ab"[m_rng() % 4]) + h.mid(17, 3) + QLatin1Char('-') +
        h.mid(20, 12);
}

double EmulatorWorld::uniform(double low, double high)
{
    return std::uniform_real_distribution<double>(low, high)(m_rng);
}

EmulatedConnection &EmulatorWorld::link(TestBank bank, const QString &aeroPassUserUuid)
{
    EmulatedConnection c;
    c.connectionId = randomHex(16);
    c.aeroPassUserUuid = aeroPassUserUuid.isEmpty() ? randomUuid() : aeroPassUserUuid;
    c.bank = bank;
    c.accountType = (m_rng() % 3 == 0) ? QStringLiteral("savings") : QStringLiteral("checking");
    c.accountNumber = QString::number(1000000000ULL + m_rng() % 8999999999ULL);
    c.routingNumber = QStringLiteral("021000021");
    c.institutionUuid = randomUuid();
    c.balance = double(qint64(uniform(50, 25000) * 100)) / 100.0;
    renew(c);
    const QString id = c.connectionId;
    m_order.append(id);
    return m_connections.insert(id, c).value();
}

void EmulatorWorld::renew(EmulatedConnection &c)
{
    c.linkedAt = QDateTime::currentDateTimeUtc();
    c.expiry = c.linkedAt.addDays(c.bank == TestBank::OAuth ? 90 : 180);
    c.mfaOnNextJob = c.bank == TestBank::SecurityQuestion;
    c.lockedUntilMs = 0;
}

EmulatedConnection *EmulatorWorld::connection(const QString &connectionId)
{
    auto it = m_connections.find(connectionId);
    return it == m_connections.end() ? nullptr : &it.value();
}

bool EmulatorWorld::remove(const QString &connectionId)
{
    if (!m_connections.remove(connectionId))
        return false;
    m_order.removeOne(connectionId);
    return true;
}

bool EmulatorWorld::isExpired(const EmulatedConnection &c) const
{
    return c.expiry.isValid() && QDateTime::currentDateTimeUtc() >= c.expiry;
}

int EmulatorWorld::seed(int count)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_connections.reserve(m_connections.size() + count);
    m_order.reserve(m_order.size() + count);
    static constexpr TestBank banks[] = { TestBank::Mfa, TestBank::OAuth,
                                          TestBank::SecurityQuestion, TestBank::Manual };
    for (int i = 0; i < count; ++i) {
        EmulatedConnection &c = link(banks[i % 4], {});
        // 5% expired, 5% within 7 days, 10% within 30 days, the rest up to 180 days out.
        const int bucket = int(m_rng() % 100);
        double days;
        if (bucket < 5)
            days = -uniform(0.1, 30);
        else if (bucket < 10)
            days = uniform(0.1, 7);
        else if (bucket < 20)
            days = uniform(7, 30);
        else
            days = uniform(30, 180);
        c.expiry = now.addSecs(qint64(days * 86400));
        c.linkedAt = c.expiry.addDays(c.bank == TestBank::OAuth ? -90 : -180);
    }
    return count;
}

EmulatorWorld::CreateResult EmulatorWorld::createJob(const QString &connectionId, JobType type,
                                                     const QString &startDate,
                                                     const QString &endDate)
{
    EmulatedConnection *c = connection(connectionId);
    if (!c)
        return { nullptr, 404, QStringLiteral("AC-102"),
                 QStringLiteral("No connection with that id was found") };
    if (isExpired(*c))
        return { nullptr, 400, QStringLiteral("AC-104"),
                 QStringLiteral(
                     "Cannot reach the bank: the connection has expired. Ask the user to "
                     "reconnect") };
    if (c->lockedUntilMs > nowMs())
        return { nullptr, 429, QStringLiteral("AC-108"),
                 QStringLiteral("MFA lockout: too many attempts. Try again in %1 s")
                     .arg((c->lockedUntilMs - nowMs() + 999) / 1000) };
    if (type == JobType::Balance && !c->canFetchBalance())
        return { nullptr, 405, QStringLiteral("AC-105"),
                 QStringLiteral("Balance is not available for manually linked accounts") };
    if (EmulatedJob *running = runningJob(connectionId, type))
        return { nullptr, 409, QStringLiteral("AC-112"),
                 QStringLiteral("A %1 job is already running on this connection: %2")
                     .arg(jobPrefix(type), running->jobId) };
    EmulatedJob job;
    job.jobId = jobPrefix(type) + QLatin1Char('-') + randomHex(16);
    job.connectionId = connectionId;
    job.type = type;
    job.createdMs = nowMs();
    job.durationMs = scaledMs(uniform(5, 15));
    job.startDate = startDate;
    job.endDate = endDate;
    const bool asksMfa =
        c->bank == TestBank::Mfa || (c->bank == TestBank::SecurityQuestion && c->mfaOnNextJob);
    if (asksMfa) {
        job.mfaAtMs = scaledMs(2);
        c->mfaOnNextJob = false;
    }
    if (!c->nextJobFailureCode.isEmpty()) {
        job.plannedFailure = c->nextJobFailureCode;
        c->nextJobFailureCode.clear();
    }
    const QString id = job.jobId;
    m_latestJob.insert(connectionId + QLatin1Char('/') + jobPrefix(type), id);
    m_active.insert(id);
    return { &m_jobs.insert(id, job).value(), 200, {}, {} };
}

EmulatedJob *EmulatorWorld::job(const QString &jobId)
{
    auto it = m_jobs.find(jobId);
    return it == m_jobs.end() ? nullptr : &it.value();
}

EmulatorWorld::JobState EmulatorWorld::stateOf(EmulatedJob &job)
{
    if (!job.failureCode.isEmpty())
        return JobState::Failed;
    const qint64 now = nowMs();
    const qint64 elapsed = now - job.createdMs;
    if (job.mfaAtMs >= 0 && job.mfa != EmulatedJob::Mfa::Done && elapsed >= job.mfaAtMs) {
        job.mfa = EmulatedJob::Mfa::Pending;
        if (elapsed >= job.mfaAtMs + mfaWindowMs()) {
            failJob(job, QStringLiteral("AC-110"),
                    QStringLiteral("MFA session timed out: the user did not complete MFA in time"));
            return JobState::Failed;
        }
        return JobState::PendingMfa;
    }
    qint64 progress = elapsed;
    if (job.mfa == EmulatedJob::Mfa::Done)
        progress = job.mfaAtMs + (now - job.mfaDoneMs);
    if (progress < std::min(scaledMs(1), job.durationMs - 1))
        return JobState::Initiated;
    if (progress < job.durationMs)
        return JobState::InProgress;
    if (!job.plannedFailure.isEmpty()) {
        failJob(job, job.plannedFailure, QStringLiteral("The bank returned an error for this job"));
        return JobState::Failed;
    }
    m_completed.insert(job.connectionId + QLatin1Char('/') + jobPrefix(job.type));
    return JobState::Completed;
}

bool EmulatorWorld::hasCompletedJob(const QString &connectionId, JobType type)
{
    runningJob(connectionId, type); // evaluates the newest job, recording a completion
    return m_completed.contains(connectionId + QLatin1Char('/') + jobPrefix(type));
}

QJsonArray EmulatorWorld::transactions(const QString &connectionId)
{
    // Derived from the connection id, so the same connection always shows the same rows.
    std::mt19937_64 rng(qHash(connectionId, m_options.seed));
    static const char *const kinds[][3] = { { "DEBIT", "Groceries", "Supermarkets" },
                                            { "DEBIT", "Transport", "Fuel" },
                                            { "CREDIT", "Income", "Payroll" },
                                            { "DEBIT", "Utilities", "Electricity" },
                                            { "DEBIT", "Dining", "Restaurants" } };
    QJsonArray rows;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < 12; ++i) {
        const auto &k = kinds[rng() % 5];
        const double amount = double(qint64((5 + double(rng() % 50000) / 100.0) * 100)) / 100.0;
        const QString hex = QString::number(rng(), 16).rightJustified(16, QLatin1Char('0')) +
            QString::number(rng(), 16).rightJustified(16, QLatin1Char('0'));
        rows.append(QJsonObject { { QStringLiteral("id"),
                                    QStringLiteral("TRN-") + hex.left(8) + QLatin1Char('-') +
                                        hex.mid(8, 4) + QLatin1Char('-') + hex.mid(12, 4) +
                                        QLatin1Char('-') + hex.mid(16, 4) + QLatin1Char('-') +
                                        hex.mid(20, 12) },
                                  { QStringLiteral("type"), QString::fromLatin1(k[0]) },
                                  { QStringLiteral("date"),
                                    now.addDays(-i * 7 - qint64(rng() % 6)).toString(Qt::ISODate) },
                                  { QStringLiteral("amount"), amount },
                                  { QStringLiteral("currency"), QStringLiteral("USD") },
                                  { QStringLiteral("description"),
                                    QStringLiteral("%1 purchase").arg(QString::fromLatin1(k[1])) },
                                  { QStringLiteral("category"), QString::fromLatin1(k[1]) },
                                  { QStringLiteral("subcategory"), QString::fromLatin1(k[2]) } });
    }
    return rows;
}

EmulatedJob *EmulatorWorld::runningJob(const QString &connectionId, JobType type)
{
    // Only the newest job of a type can be running: creation refuses a second one.
    EmulatedJob *latest = job(m_latestJob.value(connectionId + QLatin1Char('/') + jobPrefix(type)));
    if (!latest)
        return nullptr;
    const JobState s = stateOf(*latest);
    return (s == JobState::Completed || s == JobState::Failed) ? nullptr : latest;
}

void EmulatorWorld::completeMfa(EmulatedJob &job)
{
    job.mfa = EmulatedJob::Mfa::Done;
    job.mfaDoneMs = nowMs();
    job.wrongAnswers = 0;
}

void EmulatorWorld::failJob(EmulatedJob &job, const QString &code, const QString &message)
{
    job.failureCode = code;
    job.failureMessage = message;
    if (code == QLatin1String("AC-108")) {
        if (EmulatedConnection *c = connection(job.connectionId))
            c->lockedUntilMs = nowMs() + lockoutMs();
    }
}

} // namespace aerodesk::emulator
