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

#include <memory>

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    std::unique_ptr<TestApplication> app;
    // Listing tests (ctest discovery) must work without a display or a session bus.
    if (!GTEST_FLAG_GET(list_tests)) {
        TestApplication::setOrganizationName(QStringLiteral("AeroDeskTests"));
        TestApplication::setApplicationName(QStringLiteral("aerodesk-tests"));
        app = std::make_unique<TestApplication>(argc, argv);
    }
    return RUN_ALL_TESTS();
}
