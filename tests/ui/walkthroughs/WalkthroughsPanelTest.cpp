// Every sandbox walkthrough runs to its end on the real panel, against the real sandbox, the
// real keychain and a real encrypted store; each step is ticked only on the sandbox's word, and
// the exported report carries no identifier or secret.

#include "ui/walkthroughs/WalkthroughsPanel.h"

#include "core/keychain/KeychainEntries.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "core/walkthrough/WalkthroughReport.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using Kind = walkthrough::Walkthrough::Kind;
using State = walkthrough::WalkthroughStep::State;

namespace {

class Walkthroughs : public ::testing::TestWithParam<Kind>
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kPartnerPrivateKey),
                          QString::fromLatin1(keychain::entries::kProviderPublicKey) });
        ASSERT_TRUE(rig.openStore());
        panel = std::make_unique<ui::WalkthroughsPanel>(rig.session());
        QPushButton *run = runButton();
        EXPECT_FALSE(run->isEnabled()) << "no environment yet: Run is disabled";
        EXPECT_FALSE(run->toolTip().isEmpty());
        rig.setEnvironment();
        panel->show();
    }
    QPushButton *runButton() const
    {
        return test::buttonByText(panel.get(), QStringLiteral("Run walkthrough"));
    }

    test::SessionRig rig;
    std::unique_ptr<ui::WalkthroughsPanel> panel;
};

} // namespace

TEST_P(Walkthroughs, RunsToItsEndWithEveryStepConfirmed)
{
    panel->select(GetParam());
    QSignalSpy finished(panel.get(), &ui::WalkthroughsPanel::walkthroughFinished);
    ASSERT_TRUE(runButton()->isEnabled()) << runButton()->toolTip().toStdString();
    QTest::mouseClick(runButton(), Qt::LeftButton);
    ASSERT_TRUE(waitUntil([&] { return finished.count() == 1; }, 90000)) << [&] {
        std::string out;
        for (const auto &s : panel->current().steps())
            out += s.title.toStdString() + " = " +
                walkthrough::WalkthroughStep::stateName(s.state).toStdString() + " " +
                s.result.toStdString() + "\n";
        return out;
    }();
    const auto &steps = panel->current().steps();
    for (const auto &s : steps)
        EXPECT_EQ(s.state, State::Done) << s.title.toStdString() << ": " << s.result.toStdString()
                                        << " / " << s.nextStep.toStdString();
    EXPECT_TRUE(finished.first().at(1).toBool());
    auto *tree = panel->findChild<QTreeWidget *>(QStringLiteral("walkthroughSteps"));
    ASSERT_EQ(tree->topLevelItemCount(), steps.size());
    EXPECT_TRUE(tree->topLevelItem(int(steps.size()) - 1)->text(1).contains(QLatin1String("done")));

    // The export has the steps and nothing secret: no full connectionId from the store.
    const QString md = rig.filePath(QStringLiteral("report.md"));
    ASSERT_TRUE(panel->exportTo(md, false).isEmpty());
    QFile f(md);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray report = f.readAll();
    EXPECT_TRUE(report.contains(steps.first().title.toUtf8()));
    auto all = rig.session().store()->connections().listAll();
    ASSERT_TRUE(all.ok());
    for (const auto &c : all.value())
        EXPECT_FALSE(report.contains(c.connectionId.toUtf8())) << "the report leaks a connectionId";
    EXPECT_FALSE(report.contains("BEGIN")) << "no key material";
    const QString html = rig.filePath(QStringLiteral("report.html"));
    ASSERT_TRUE(panel->exportTo(html, true).isEmpty());
    QFile fh(html);
    ASSERT_TRUE(fh.open(QIODevice::ReadOnly));
    EXPECT_TRUE(fh.readAll().startsWith("<!DOCTYPE html>"));
}

INSTANTIATE_TEST_SUITE_P(AllFour, Walkthroughs,
                         ::testing::Values(Kind::MfaBank, Kind::OAuthBank,
                                           Kind::SecurityQuestionBank, Kind::EmbeddedBanking),
                         [](const auto &info) {
                             switch (info.param) {
                             case Kind::MfaBank:
                                 return std::string("MfaBank");
                             case Kind::OAuthBank:
                                 return std::string("OAuthBank");
                             case Kind::SecurityQuestionBank:
                                 return std::string("SecurityQuestionBank");
                             case Kind::EmbeddedBanking:
                                 return std::string("EmbeddedBanking");
                             }
                             return std::string("x");
                         });

TEST(WalkthroughReport, ScrubsIdsAndKeys)
{
    const QString s = walkthrough::WalkthroughReport::scrub(
        QStringLiteral("id 3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f and -----BEGIN PRIVATE "
                       "KEY-----\nMIIE\n-----END PRIVATE KEY----- ok"));
    EXPECT_FALSE(s.contains(QLatin1String("3f0c8a2e5a7b4c1d9e2f0a1b2c3d4e5f")));
    EXPECT_TRUE(s.contains(QStringLiteral("3f0c…4e5f")));
    EXPECT_FALSE(s.contains(QLatin1String("MIIE")));
    EXPECT_TRUE(s.endsWith(QLatin1String("ok")));
}
