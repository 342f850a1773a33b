#include "emulator/EmulatorTypes.h"

namespace aerodesk::emulator {

QString bankName(TestBank bank)
{
    switch (bank) {
    case TestBank::Mfa:
        return QStringLiteral("Aerosync Bank (MFA)");
    case TestBank::OAuth:
        return QStringLiteral("Aerosync Bank (OAuth)");
    case TestBank::SecurityQuestion:
        return QStringLiteral("Aerosync Bank (Security Question)");
    case TestBank::Manual:
        return QStringLiteral("Manually linked account");
    }
    return {};
}

bool parseBank(const QString &text, TestBank *bank)
{
    const QString t = text.trimmed().toLower();
    for (TestBank b :
         { TestBank::Mfa, TestBank::OAuth, TestBank::SecurityQuestion, TestBank::Manual }) {
        if (t == bankName(b).toLower()) {
            *bank = b;
            return true;
        }
    }
    if (t == QLatin1String("mfa"))
        *bank = TestBank::Mfa;
    else if (t == QLatin1String("oauth"))
        *bank = TestBank::OAuth;
    else if (t == QLatin1String("security-question") || t == QLatin1String("mfa-trigger") ||
             t == QLatin1String("aerosync bank (mfa trigger)"))
        *bank = TestBank::SecurityQuestion;
    else if (t == QLatin1String("manual"))
        *bank = TestBank::Manual;
    else
        return false;
    return true;
}

QString jobPrefix(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("REF");
    case JobType::Transactions:
        return QStringLiteral("TRN");
    case JobType::Identity:
        return QStringLiteral("IDT");
    }
    return {};
}

QString jobStatusKey(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("refreshStatus");
    case JobType::Transactions:
        return QStringLiteral("transactionStatus");
    case JobType::Identity:
        return QStringLiteral("identityStatus");
    }
    return {};
}

QString webhookEvent(JobType type)
{
    switch (type) {
    case JobType::Balance:
        return QStringLiteral("job.balance");
    case JobType::Transactions:
        return QStringLiteral("job.transaction");
    case JobType::Identity:
        return QStringLiteral("job.identity");
    }
    return {};
}

int EmulatedConnection::connectionMethod() const
{
    switch (bank) {
    case TestBank::OAuth:
        return 6;
    case TestBank::Manual:
        return 0;
    default:
        return 2;
    }
}

} // namespace aerodesk::emulator
