// The console under the pseudo-locale and under the source locale, built as `aerodesk` builds
// it (MainWindow + PanelCatalogue + ConsoleWiring with every real panel, the built-in sandbox
// started as a child) and brought into the screenshot tour's realistic state (every walkthrough
// run, a payload decrypted, a webhook delivery verified). At the default window size, every
// panel is shown in turn and audited (VisibleTextAudit): no visible text may bypass tr() and none
// may be cut off.
#include "app/console/ConsoleWiring.h"
#include "app/console/ScreenshotTour.h"
#include "tests/support/Wait.h"
#include "tests/ui/shell/VisibleTextAudit.h"
#include "ui/common/PseudoTranslator.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PanelCatalogue.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <gtest/gtest.h>
#include <memory>

using aerodesk::ui::PseudoTranslator;

namespace {

TEST(PseudoTranslator, AccentsAndLengthensButKeepsPlaceholdersMnemonicsAndTags)
{
    const QString plain = PseudoTranslator::pseudo(QStringLiteral("Refresh details"));
    EXPECT_TRUE(plain.startsWith(QChar(PseudoTranslator::kOpen)));
    EXPECT_TRUE(plain.endsWith(QChar(PseudoTranslator::kClose)));
    EXPECT_FALSE(plain.contains(QLatin1String("Refresh")));
    // About 40 % longer: 15 characters become at least 20.
    EXPECT_GE(plain.size(), 15 * 14 / 10) << plain.toStdString();

    const QString args =
        PseudoTranslator::pseudo(QStringLiteral("Showing %1 of %n connection(s), %L2 total"));
    EXPECT_TRUE(args.contains(QLatin1String("%1")));
    EXPECT_TRUE(args.contains(QLatin1String("%n")));
    EXPECT_TRUE(args.contains(QLatin1String("%L2")));
    EXPECT_EQ(args.count(QLatin1Char('%')), 3);

    const QString mnemonic = PseudoTranslator::pseudo(QStringLiteral("Sa&ve && close"));
    EXPECT_TRUE(mnemonic.contains(QLatin1String("&v"))) << mnemonic.toStdString();
    EXPECT_TRUE(mnemonic.contains(QLatin1String("&&"))) << mnemonic.toStdString();

    const QString html = PseudoTranslator::pseudo(QStringLiteral("<p><b>Keyboard</b>&nbsp;F1</p>"));
    EXPECT_TRUE(html.contains(QLatin1String("<p><b>")));
    EXPECT_TRUE(html.contains(QLatin1String("</b>&nbsp;")));
    EXPECT_TRUE(html.contains(QLatin1String("</p>")));

    // tr() through the installed translator, %n still replaced by Qt.
    PseudoTranslator translator;
    QCoreApplication::installTranslator(&translator);
    const QString n = QCoreApplication::translate("Test", "%n connection(s)", nullptr, 3);
    QCoreApplication::removeTranslator(&translator);
    EXPECT_TRUE(n.contains(QLatin1String("3"))) << n.toStdString();
    EXPECT_FALSE(n.contains(QLatin1String("%n")));
    EXPECT_TRUE(PseudoTranslator::outsidePseudo(n).isEmpty());
    EXPECT_EQ(PseudoTranslator::outsidePseudo(QStringLiteral("Chase ") + n),
              QStringLiteral("Chase "));
}

class ConsoleTextTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The tour logs every step; a failure's audit lines must not drown in them (CI keeps
        // only the head and tail of a failing test's output).
        QLoggingCategory::setFilterRules(QStringLiteral("aerodesk.*.info=false"));
        // The store, settings and anything else the console writes: a private temporary home.
        ASSERT_TRUE(m_home.isValid());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("config")));
    }

    void TearDown() override
    {
        // As main() ends: the wiring (and the sandbox child) first, then the window.
        m_wiring.reset();
        m_window.reset();
        if (m_translator) {
            QCoreApplication::removeTranslator(m_translator.get());
            m_translator.reset();
        }
    }

    /// Builds the console as main() does, with the pseudo-locale when `pseudo`, audits it as it
    /// first shows (before the built-in sandbox is up) into `problems`, then runs the
    /// screenshot tour (writing no screenshots) so every panel shows realistic content.
    void bringUpConsole(bool pseudo, QStringList &problems)
    {
        if (pseudo) {
            m_translator = std::make_unique<PseudoTranslator>();
            QCoreApplication::installTranslator(m_translator.get());
        }
        m_window = std::make_unique<aerodesk::ui::MainWindow>();
        m_wiring = std::make_unique<aerodesk::ConsoleWiring>(*m_window);
        m_wiring->installPanels();
        m_window->resize(aerodesk::ui::MainWindow::defaultSize());
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        problems << auditEveryPanel(pseudo, QStringLiteral("at start"));

        m_wiring->start();
        aerodesk::ScreenshotTour tour(*m_window, *m_wiring, QString());
        QSignalSpy finished(&tour, &aerodesk::ScreenshotTour::finished);
        tour.setTimeLimit(150000); // ctest runs other tests (and their sandboxes) alongside
        tour.start();
        ASSERT_TRUE(aerodesk::test::waitUntil([&] { return !finished.isEmpty(); }, 160000))
            << "the screenshot tour did not finish";
        ASSERT_EQ(finished.first().first().toInt(), 0) << "the screenshot tour failed (see stderr)";
    }

    /// Shows every panel in turn at the default size and audits what is on screen.
    QStringList auditEveryPanel(bool pseudo, const QString &when)
    {
        const QSize size = aerodesk::ui::MainWindow::defaultSize();
        m_window->resize(size);
        const bool fits = aerodesk::test::waitUntil([&] { return m_window->size() == size; }, 5000);
        QStringList minimums;
        for (const QString &id : m_window->panelIds()) {
            const QSize minimum = m_window->panel(id)->minimumSizeHint();
            minimums
                << QStringLiteral("%1 %2x%3").arg(id).arg(minimum.width()).arg(minimum.height());
        }
        if (!fits && qEnvironmentVariableIsSet("AERODESK_AUDIT_DUMP")) {
            for (const QString &id : m_window->panelIds()) {
                for (QWidget *w : m_window->panel(id)->findChildren<QWidget *>()) {
                    if (w->isVisibleTo(m_window->panel(id)) &&
                        (w->minimumSizeHint().width() > 150 || w->minimumWidth() > 150))
                        std::fprintf(stderr, "%s: %s %s (in %s) min %d/%d\n", qPrintable(id),
                                     w->metaObject()->className(), qPrintable(w->objectName()),
                                     qPrintable(w->parentWidget()->objectName()),
                                     w->minimumSizeHint().width(), w->minimumWidth());
                }
            }
        }
        EXPECT_TRUE(fits) << when.toStdString()
                          << ": the window does not fit its default size: it needs at least "
                          << m_window->minimumSizeHint().width() << "x"
                          << m_window->minimumSizeHint().height()
                          << "; panels: " << minimums.join(QStringLiteral(", ")).toStdString();
        QStringList problems;
        int checked = 0;
        for (const QString &id : m_window->panelIds()) {
            EXPECT_TRUE(m_window->showPanel(id));
            const QStringList found = auditPanel(pseudo, when + QLatin1Char(' ') + id, checked);
            problems << found;
        }
        EXPECT_GT(checked, 100) << "the audit saw too little to mean anything";
        for (const QString &problem : problems)
            std::fprintf(stderr, "audit problem: %s\n", qPrintable(problem));
        return problems;
    }

    /// Audits the panel on screen once its layouts have settled. Content that arrives from
    /// another thread or the network just before the audit (a store page, a job's poll) can
    /// leave one layout pass pending, which a user never sees as a steady state; so a panel
    /// with problems is audited again after a pause, and only problems that persist count.
    QStringList auditPanel(bool pseudo, const QString &where, int &checked)
    {
        QStringList problems;
        int seen = 0;
        for (int attempt = 0; attempt < 3; ++attempt) {
            QTest::qWait(attempt == 0 ? 50 : 400);
            QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
            aerodesk::test::VisibleTextAudit audit(pseudo);
            audit.audit(m_window.get(), where);
            seen = audit.checkedTexts();
            problems = audit.problems();
            if (problems.isEmpty())
                break;
            for (const QString &problem : problems)
                std::fprintf(stderr, "audit attempt %d: %s\n", attempt + 1, qPrintable(problem));
        }
        checked += seen;
        return problems;
    }

    QTemporaryDir m_home;
    std::unique_ptr<PseudoTranslator> m_translator;
    std::unique_ptr<aerodesk::ui::MainWindow> m_window;
    std::unique_ptr<aerodesk::ConsoleWiring> m_wiring;
};

TEST_F(ConsoleTextTest, PseudoLocaleEveryVisibleTextIsTranslatedAndFits)
{
    QStringList problems;
    bringUpConsole(true, problems);
    if (HasFatalFailure())
        return;
    // The pseudo-locale is really on: the window title is accented.
    EXPECT_TRUE(m_window->windowTitle().startsWith(QChar(PseudoTranslator::kOpen)))
        << m_window->windowTitle().toStdString();
    problems << auditEveryPanel(true, QStringLiteral("after the tour"));
    EXPECT_TRUE(problems.isEmpty()) << problems.size() << " problem(s):\n"
                                    << problems.join(QLatin1Char('\n')).toStdString();
}

TEST_F(ConsoleTextTest, SourceLocaleNothingIsCutOffAtTheDefaultSize)
{
    QStringList problems;
    bringUpConsole(false, problems);
    if (HasFatalFailure())
        return;
    problems << auditEveryPanel(false, QStringLiteral("after the tour"));
    EXPECT_TRUE(problems.isEmpty()) << problems.size() << " problem(s):\n"
                                    << problems.join(QLatin1Char('\n')).toStdString();
}

} // namespace
