// Finding 8 (issue 13): a failed disableCoreDumps() must not go unnoticed. Each executable is
// started under a seccomp filter that makes prctl(PR_SET_DUMPABLE) fail with EPERM — the kernel
// really refuses, as a hardened container profile would — and must say so; without the filter
// the same executables run undumpable with RLIMIT_CORE = 0.
#include "core/util/ProcessHardening.h"

#include "tests/support/TestPaths.h"

#include <QProcess>

#include <cerrno>
#include <cstddef>
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

using aerodesk::test::executable;

#if defined(__x86_64__)
/// In the child between fork and exec: every prctl(PR_SET_DUMPABLE, …) fails with EPERM.
void refuseSetDumpable()
{
    static sock_filter filter[] = {
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, arch)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_prctl, 0, 3),
        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, args[0])),
        BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, PR_SET_DUMPABLE, 0, 1),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | (EPERM & SECCOMP_RET_DATA)),
        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
    };
    static sock_fprog program { static_cast<unsigned short>(sizeof(filter) / sizeof(filter[0])),
                                filter };
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) != 0)
        _exit(97); // the test sees 97 and says the filter could not be installed
}
#endif

struct ChildRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

ChildRun run(const QString &program, const QStringList &arguments, bool refuse)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
#if defined(__x86_64__)
    if (refuse)
        process.setChildProcessModifier(refuseSetDumpable);
#else
    Q_UNUSED(refuse);
#endif
    process.start(program, arguments);
    ChildRun r;
    if (!process.waitForStarted(10000) || !process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished(5000);
        return r;
    }
    r.exitCode = process.exitCode();
    r.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(process.readAllStandardError());
    return r;
}

class ProcessHardeningTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
#if !defined(__x86_64__)
        GTEST_SKIP() << "the seccomp filter of this test is written for x86-64";
#endif
    }
};

TEST_F(ProcessHardeningTest, InThisProcessBothMeasuresTakeEffectAndAreRemembered)
{
    ASSERT_TRUE(aerodesk::ProcessHardening::disableCoreDumps());
    EXPECT_TRUE(aerodesk::ProcessHardening::applied());
    EXPECT_TRUE(aerodesk::ProcessHardening::failure().isEmpty());
    EXPECT_TRUE(aerodesk::ProcessHardening::warning().isEmpty());
    EXPECT_TRUE(aerodesk::ProcessHardening::coreDumpsDisabled());
}

TEST_F(ProcessHardeningTest, CliWarnsWhenTheKernelRefusesAndIsQuietOtherwise)
{
    const QString cli = executable(QStringLiteral("aerodesk-cli"));
    const ChildRun refused = run(cli, { QStringLiteral("--version") }, true);
    ASSERT_NE(refused.exitCode, 97) << "the seccomp filter could not be installed";
    EXPECT_EQ(refused.exitCode, 0) << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("aerodesk-cli: warning: Core dumps could not "
                                                    "be turned off")))
        << refused.err.toStdString();
    EXPECT_TRUE(refused.err.contains(QStringLiteral("PR_SET_DUMPABLE")))
        << refused.err.toStdString();

    const ChildRun normal = run(cli, { QStringLiteral("--version") }, false);
    EXPECT_EQ(normal.exitCode, 0);
    EXPECT_FALSE(normal.err.contains(QStringLiteral("Core dumps"))) << normal.err.toStdString();
}

TEST_F(ProcessHardeningTest, SandboxWarnsWhenTheKernelRefuses)
{
    const ChildRun refused =
        run(executable(QStringLiteral("aerodesk-sandbox")), { QStringLiteral("--version") }, true);
    ASSERT_NE(refused.exitCode, 97) << "the seccomp filter could not be installed";
    EXPECT_TRUE(refused.err.contains(
        QStringLiteral("aerodesk-sandbox: warning: Core dumps could not be turned off")))
        << refused.err.toStdString();
}

TEST_F(ProcessHardeningTest, ConsoleSelfTestFailsItsHardeningStep)
{
    const ChildRun refused =
        run(executable(QStringLiteral("aerodesk")), { QStringLiteral("--self-test") }, true);
    ASSERT_NE(refused.exitCode, 97) << "the seccomp filter could not be installed";
    const QString all = refused.out + refused.err;
    EXPECT_EQ(refused.exitCode, 1) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("Process hardening"))) << all.toStdString();
    EXPECT_TRUE(all.contains(QStringLiteral("prctl(PR_SET_DUMPABLE, 0)"))) << all.toStdString();
}

} // namespace
