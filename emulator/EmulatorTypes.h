#pragma once

#include <QDateTime>
#include <QString>
#include <QtGlobal>

namespace aerodesk::emulator {

/// The three Aerosync test banks, plus manually linked accounts.
enum class TestBank { Mfa, OAuth, SecurityQuestion, Manual };

QString bankName(TestBank bank);
/// Accepts the full name ("Aerosync Bank (MFA)") or a short id ("mfa", "oauth",
/// "security-question", "manual"); false when unknown.
bool parseBank(const QString &text, TestBank *bank);

enum class JobType { Balance, Transactions, Identity };

QString jobPrefix(JobType type); ///< REF / TRN / IDT
QString jobStatusKey(JobType type); ///< refreshStatus / transactionStatus / identityStatus
QString webhookEvent(JobType type); ///< job.balance / job.transaction / job.identity

struct EmulatedConnection
{
    QString connectionId; ///< 32 lowercase hex; userId is the same value
    QString aeroPassUserUuid;
    TestBank bank = TestBank::Mfa;
    QDateTime linkedAt;
    QDateTime expiry;
    QString accountNumber;
    QString routingNumber;
    QString accountType; ///< "checking" or "savings"
    QString institutionUuid;
    double balance = 0;
    bool mfaOnNextJob = false; ///< Security-Question bank: the first job after linking asks
    qint64 lockedUntilMs = 0; ///< AC-108 cool-down (sandbox monotonic ms)
    QString nextJobFailureCode; ///< control path: the next job fails with this code

    bool canFetchBalance() const { return bank != TestBank::Manual; }
    int connectionMethod() const;
};

struct EmulatedJob
{
    enum class Mfa { None, Pending, Done };
    QString jobId;
    QString connectionId;
    JobType type = JobType::Balance;
    qint64 createdMs = 0; ///< sandbox monotonic ms
    qint64 durationMs = 0; ///< time from creation to terminal, not counting MFA
    qint64 mfaAtMs = -1; ///< offset from creation at which MFA is asked; -1 = never
    qint64 mfaDoneMs = 0; ///< when the MFA relaunch completed
    Mfa mfa = Mfa::None;
    QString failureCode; ///< sticky FAILED with this code once set
    QString failureMessage;
    QString startDate, endDate; ///< transactions window
    int wrongAnswers = 0;
    QString plannedFailure; ///< code the job ends with instead of COMPLETED (control path)
    QString lastPublished; ///< last webhook status sent
};

} // namespace aerodesk::emulator
