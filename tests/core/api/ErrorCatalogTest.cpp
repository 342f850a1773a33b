#include "core/api/ErrorCatalog.h"

#include <gtest/gtest.h>

using namespace aerodesk::api;

namespace {
struct Row
{
    const char *code;
    RetryPolicy retry;
};
} // namespace

TEST(ErrorCatalog, EveryDocumentedCodeHasCauseNextStepAndPolicy)
{
    const Row rows[] = {
        { "AC-001", RetryPolicy::AfterRefreshToken },
        { "AC-100", RetryPolicy::AfterUserAction },
        { "AC-101", RetryPolicy::AfterUserAction },
        { "AC-102", RetryPolicy::Never },
        { "AC-103", RetryPolicy::Backoff },
        { "AC-104", RetryPolicy::Reconnect },
        { "AC-105", RetryPolicy::Never },
        { "AC-106", RetryPolicy::Backoff },
        { "AC-108", RetryPolicy::Never },
        { "AC-110", RetryPolicy::RelaunchMfa },
        { "AC-112", RetryPolicy::WaitForRunningJob },
        { "AC-117", RetryPolicy::AfterUserAction },
        { "AC-204", RetryPolicy::AfterUserAction },
        { "AR-100", RetryPolicy::AfterUserAction },
        { "AR-500", RetryPolicy::Backoff },
        { "INVALID_TOKEN", RetryPolicy::AfterRefreshToken },
        { "EB-400-DECRYPT", RetryPolicy::AfterUserAction },
        { "EB-410-DISCONNECTED", RetryPolicy::AfterUserAction },
        { "EB-410-EXPIRED", RetryPolicy::AfterUserAction },
        { "EB-410-LOGGED-OUT", RetryPolicy::AfterUserAction },
        { "WH-404", RetryPolicy::Never },
    };
    for (const Row &r : rows) {
        const ErrorInfo info =
            ErrorCatalog::lookup(QString::fromLatin1(r.code), QStringLiteral("raw text"));
        EXPECT_TRUE(info.known) << r.code;
        EXPECT_EQ(info.code, QString::fromLatin1(r.code));
        EXPECT_FALSE(info.title.isEmpty()) << r.code;
        EXPECT_FALSE(info.cause.isEmpty()) << r.code;
        EXPECT_FALSE(info.nextStep.isEmpty()) << r.code;
        EXPECT_EQ(info.retry, r.retry)
            << r.code << " got " << retryPolicyName(info.retry).toStdString();
        EXPECT_EQ(info.rawMessage, QStringLiteral("raw text"));
    }
}

TEST(ErrorCatalog, LookupIgnoresCaseAndSpaces)
{
    const ErrorInfo info = ErrorCatalog::lookup(QStringLiteral("  ac-110 "));
    EXPECT_TRUE(info.known);
    EXPECT_EQ(info.code, QStringLiteral("AC-110"));
    EXPECT_EQ(info.retry, RetryPolicy::RelaunchMfa);
}

TEST(ErrorCatalog, UnknownCodeKeepsRawCodeAndText)
{
    const ErrorInfo info =
        ErrorCatalog::lookup(QStringLiteral("AC-999"), QStringLiteral("Something odd happened"));
    EXPECT_FALSE(info.known);
    EXPECT_EQ(info.code, QStringLiteral("AC-999"));
    EXPECT_EQ(info.rawMessage, QStringLiteral("Something odd happened"));
    EXPECT_EQ(info.cause, QStringLiteral("Something odd happened"));
    EXPECT_TRUE(info.title.contains(QStringLiteral("AC-999")));
}

TEST(ErrorCatalog, Ac112NamesTheRunningJob)
{
    const QString id = QStringLiteral("REF-0123456789abcdef0123456789abcdef");
    const ErrorInfo info = ErrorCatalog::lookup(
        QStringLiteral("AC-112"), QStringLiteral("A balance job is already running: %1.").arg(id));
    EXPECT_EQ(info.runningJobId, id);
    EXPECT_TRUE(info.nextStep.contains(id));
    EXPECT_TRUE(ErrorCatalog::lookup(QStringLiteral("AC-112"), QStringLiteral("busy"))
                    .runningJobId.isEmpty());
}

TEST(ErrorCatalog, ExtractJobIdGenericPrefix)
{
    EXPECT_EQ(ErrorCatalog::extractJobId(QStringLiteral("job XYZ-deadbeef01 running")),
              QStringLiteral("XYZ-deadbeef01"));
    EXPECT_TRUE(ErrorCatalog::extractJobId(QStringLiteral("no id")).isEmpty());
}

TEST(ErrorCatalog, WidgetPipeStringParses)
{
    const QString raw =
        QStringLiteral("INCORRECT_CREDENTIALS | Code: AC-117 | Message: The credentials are wrong");
    const ErrorInfo info = ErrorCatalog::parseWidgetError(raw);
    EXPECT_EQ(info.widgetType, QStringLiteral("INCORRECT_CREDENTIALS"));
    EXPECT_EQ(info.code, QStringLiteral("AC-117"));
    EXPECT_EQ(info.rawMessage, QStringLiteral("The credentials are wrong"));
    EXPECT_EQ(info.raw, raw);
    EXPECT_TRUE(info.known);
    EXPECT_EQ(info.retry, RetryPolicy::AfterUserAction);
}

TEST(ErrorCatalog, WidgetPipeStringToleratesSpacesMissingPartsAndPipesInMessage)
{
    ErrorInfo a = ErrorCatalog::parseWidgetError(
        QStringLiteral("POLLING_TIMEOUT|Code:AR-100|Message:  no answer | try later "));
    EXPECT_EQ(a.code, QStringLiteral("AR-100"));
    EXPECT_EQ(a.widgetType, QStringLiteral("POLLING_TIMEOUT"));
    EXPECT_EQ(a.rawMessage, QStringLiteral("no answer | try later"));

    ErrorInfo b =
        ErrorCatalog::parseWidgetError(QStringLiteral("SERVER_ERROR   |   Code:   AR-500"));
    EXPECT_EQ(b.code, QStringLiteral("AR-500"));
    EXPECT_EQ(b.retry, RetryPolicy::Backoff);
    EXPECT_TRUE(b.rawMessage.isEmpty());

    ErrorInfo c = ErrorCatalog::parseWidgetError(
        QStringLiteral("INVALID_TOKEN | Code: AC-001 | Message: token used"));
    EXPECT_EQ(c.code, QStringLiteral("AC-001"));
    EXPECT_EQ(c.widgetType, QStringLiteral("INVALID_TOKEN"));

    ErrorInfo d = ErrorCatalog::parseWidgetError(QStringLiteral("INVALID_TOKEN"));
    EXPECT_EQ(d.code, QStringLiteral("INVALID_TOKEN"));
    EXPECT_TRUE(d.known);

    ErrorInfo e = ErrorCatalog::parseWidgetError(QStringLiteral("something went wrong"));
    EXPECT_FALSE(e.known);
    EXPECT_EQ(e.raw, QStringLiteral("something went wrong"));

    ErrorInfo f =
        ErrorCatalog::parseWidgetError(QStringLiteral("WEIRD | Code: ZZ-777 | Message: new"));
    EXPECT_FALSE(f.known);
    EXPECT_EQ(f.code, QStringLiteral("ZZ-777"));
    EXPECT_EQ(f.rawMessage, QStringLiteral("new"));
}

TEST(ErrorCatalog, KnownCodesListsEveryDocumentedCode)
{
    const auto codes = ErrorCatalog::knownCodes();
    for (const char *c :
         { "AC-001", "AC-100", "AC-101", "AC-102", "AC-103", "AC-104", "AC-105", "AC-106", "AC-108",
           "AC-110", "AC-112", "AC-117", "AC-204", "AR-100", "AR-500" })
        EXPECT_TRUE(codes.contains(QString::fromLatin1(c))) << c;
}

// Issue 11: every 410 of embedded banking means the stored userCode is gone (AeroDesk removes it
// at once) and the user must connect again; the catalogue says so.
TEST(ErrorCatalog, EmbeddedBanking410sSayTheCodeIsRemovedAndTheUserMustConnectAgain)
{
    for (const char *c : { "EB-410-DISCONNECTED", "EB-410-EXPIRED", "EB-410-LOGGED-OUT" }) {
        const ErrorInfo info = ErrorCatalog::lookup(QString::fromLatin1(c));
        EXPECT_TRUE(info.known) << c;
        EXPECT_TRUE(info.nextStep.contains(QLatin1String("userCode"))) << c;
        EXPECT_TRUE(info.nextStep.contains(QLatin1String("remove"))) << c;
        EXPECT_TRUE(info.nextStep.contains(QLatin1String("must connect again"))) << c;
    }
    EXPECT_EQ(ErrorCatalog::lookup(QStringLiteral("EB-410-LOGGED-OUT")).nextStep,
              QStringLiteral("The user logged out of embedded banking: AeroDesk removed the stored "
                             "userCode; the user must connect again."));
}

// What a code means for the UI is the catalogue's answer; widgets ask these, never the codes.
TEST(ErrorCatalog, UiAnswersRelaunchRetryReconnectLockout)
{
    struct Answer
    {
        const char *code;
        bool relaunch;
        bool retry;
        bool reconnect;
        bool lockout;
        bool mfa;
    };
    const Answer answers[] = {
        // AC-110: MFA timed out — relaunch the widget in MFA mode within the bank's window; no
        // automatic retry.
        { "AC-110", true, false, false, false, true },
        // AC-108: lockout — never retried automatically and nothing to relaunch; explained instead.
        { "AC-108", false, false, false, true, false },
        // AC-104: the connection needs the reconnect widget on the same connectionId.
        { "AC-104", true, false, true, false, false },
        // AC-001: a fresh token and one automatic retry.
        { "AC-001", true, true, false, false, false },
        // AR-500 / AC-103: transient, retried later with backoff.
        { "AR-500", true, true, false, false, false },
        { "AC-103", true, true, false, false, false },
        // AC-117: the user re-enters their credentials in a relaunched widget; nothing automatic.
        { "AC-117", true, false, false, false, false },
        // AC-102 / AC-105: opening the widget again cannot help.
        { "AC-102", false, false, false, false, false },
        { "AC-105", false, false, false, false, false },
    };
    for (const Answer &a : answers) {
        const ErrorInfo info = ErrorCatalog::lookup(QString::fromLatin1(a.code));
        EXPECT_EQ(info.relaunchAllowed(), a.relaunch) << a.code;
        EXPECT_EQ(info.retryAllowed(), a.retry) << a.code;
        EXPECT_EQ(info.needsReconnect(), a.reconnect) << a.code;
        EXPECT_EQ(info.lockout, a.lockout) << a.code;
        EXPECT_EQ(info.relaunchesMfa(), a.mfa) << a.code;
    }
    EXPECT_TRUE(ErrorCatalog::lookup(QStringLiteral("AC-112")).waitForRunningJob());
    EXPECT_FALSE(ErrorCatalog::lookup(QStringLiteral("AC-110")).waitForRunningJob());
}

TEST(ErrorCatalog, WidgetErrorStringsGetTheSameAnswersAndUnknownOnesStayRelaunchable)
{
    const ErrorInfo locked = ErrorCatalog::parseWidgetError(
        QStringLiteral("MFA_LOCKED | Code: AC-108 | Message: too many tries"));
    EXPECT_TRUE(locked.lockout);
    EXPECT_FALSE(locked.relaunchAllowed());
    EXPECT_FALSE(locked.retryAllowed());
    const ErrorInfo timedOut = ErrorCatalog::parseWidgetError(
        QStringLiteral("MFA_TIMEOUT | Code: AC-110 | Message: too slow"));
    EXPECT_TRUE(timedOut.relaunchAllowed());
    EXPECT_TRUE(timedOut.relaunchesMfa());
    EXPECT_FALSE(timedOut.lockout);
    // An unknown code (or a widget closed without one): a person decides, so relaunch stays
    // offered.
    const ErrorInfo unknown = ErrorCatalog::lookup(QStringLiteral("AC-999"), QStringLiteral("odd"));
    EXPECT_TRUE(unknown.relaunchAllowed());
    EXPECT_FALSE(unknown.retryAllowed());
    EXPECT_FALSE(unknown.lockout);
    const ErrorInfo none;
    EXPECT_TRUE(none.relaunchAllowed());
    EXPECT_FALSE(none.retryAllowed());
}
