#include "app/console/SelfTestRunner.h"

#include "core/emulatorhost/EmulatorLauncher.h"
#include "core/selftest/SelfTest.h"

#include <QCoreApplication>

#include <cstdio>

namespace aerodesk {

int SelfTestRunner::run(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("AeroDesk self-test\n");
    std::fflush(stdout);
    selftest::SelfTest test(emulatorhost::EmulatorLauncher::defaultExecutablePath());
    QObject::connect(&test, &selftest::SelfTest::stepFinished, &app,
                     [](const selftest::SelfTestStep &s) {
                         std::printf("  [%s] %s — %s\n",
                                     qPrintable(selftest::SelfTestStep::verdictName(s.verdict)),
                                     qPrintable(s.name), qPrintable(s.detail));
                         if (!s.fix.isEmpty())
                             std::printf("         fix: %s\n", qPrintable(s.fix));
                         std::fflush(stdout);
                     });
    QObject::connect(&test, &selftest::SelfTest::finished, &app, [&test](bool ok) {
        int passed = 0;
        for (const auto &s : test.steps())
            passed += s.passed() ? 1 : 0;
        std::printf("%s: %d of %lld steps passed\n", ok ? "PASS" : "FAIL", passed,
                    static_cast<long long>(test.steps().size()));
        std::fflush(stdout);
        QCoreApplication::exit(ok ? 0 : 1);
    });
    test.run();
    return QCoreApplication::exec();
}

} // namespace aerodesk
