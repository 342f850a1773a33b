// A GoogleTest main that runs every test inside a Qt application object, so tests can use
// signals, timers, QNetworkAccessManager and (for GUI tests) real widgets.
#include <gtest/gtest.h>

#ifdef AERODESK_TEST_GUI
#include <QApplication>
using TestApplication = QApplication;
#else
#include <QCoreApplication>
using TestApplication = QCoreApplication;
#endif

#include "tests/support/TestDisplay.h"

#include <QThreadPool>

#include <memory>
#include <openssl/crypto.h>

int main(int argc, char **argv)
{
    // No OPENSSL_cleanup at exit: it races with threads Qt ends during exit() (ASan saw it free
    // a thread's state twice); the process is ending and the kernel takes its memory back.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
    ::testing::InitGoogleTest(&argc, argv);
    std::unique_ptr<TestApplication> app;
    // Listing tests (ctest discovery) must work without a display or a session bus.
    if (!GTEST_FLAG_GET(list_tests)) {
        aerodesk::test::claimDisplay();
        TestApplication::setOrganizationName(QStringLiteral("AeroDeskTests"));
        TestApplication::setApplicationName(QStringLiteral("aerodesk-tests"));
        app = std::make_unique<TestApplication>(argc, argv);
    }
    const int status = RUN_ALL_TESTS();
    // Let the pool's threads end now, while OpenSSL is still initialised: a thread that ends
    // during exit() frees its OpenSSL state after OPENSSL_cleanup has (a double free), and one
    // still idle at exit keeps state LeakSanitizer cannot see (tests/sanitizers/lsan.supp).
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
