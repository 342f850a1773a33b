// The Audit Log panel on real widgets: filters, Verify naming the first broken record after the
// store file was edited with raw SQL, Export CSV (itself recorded).
#include "ui/audit/AuditPanel.h"

#include "AuditUi.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "tests/core/store/RawStoreFile.h"
#include "tests/support/SessionRig.h"
#include "tests/support/WidgetDriver.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

using namespace aerodesk;
using audit::AuditAction;
using test::waitUntil;

namespace {
class AuditPanelTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(rig.start());
        ASSERT_TRUE(rig.openStore());
        rig.setEnvironment();
        trail = rig.session().audit();
        ASSERT_NE(trail, nullptr);
        for (AuditAction a : { AuditAction::RevealId, AuditAction::Remove, AuditAction::Logout,
                               AuditAction::Remove })
            ASSERT_TRUE(
                trail->record(a, QStringLiteral("object of %1").arg(audit::AuditActions::name(a))));
        // The console's records are written by its store jobs, off this thread.
        bool written = false;
        trail->whenIdle([&] { written = true; });
        ASSERT_TRUE(waitUntil([&] { return written; }, 20000));
        ASSERT_EQ(test::recordCount(*trail), 4);
        panel = std::make_unique<ui::AuditPanel>(rig.session());
        panel->resize(1000, 600);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }
    void TearDown() override
    {
        bool idle = false;
        if (trail)
            trail->whenIdle([&] { idle = true; });
        waitUntil([&] { return idle; }, 20000);
    }
    QString verdictAfterVerify()
    {
        const QString before = test::labelText(panel.get(), QStringLiteral("auditVerdict"));
        EXPECT_TRUE(test::clickNamed(panel.get(), QStringLiteral("auditVerifyButton")));
        EXPECT_TRUE(waitUntil(
            [&] {
                const QString now = test::labelText(panel.get(), QStringLiteral("auditVerdict"));
                return now != before && !now.endsWith(QStringLiteral("…"));
            },
            20000));
        return test::labelText(panel.get(), QStringLiteral("auditVerdict"));
    }

    test::SessionRig rig;
    audit::AuditTrail *trail = nullptr;
    std::unique_ptr<ui::AuditPanel> panel;
};
} // namespace

TEST_F(AuditPanelTest, ListsAndFiltersByActionObjectAndTime)
{
    EXPECT_EQ(panel->rowCount(), 4);
    auto *action = test::findNamed<QComboBox>(panel.get(), QStringLiteral("auditActionFilter"));
    ASSERT_NE(action, nullptr);
    action->setCurrentIndex(action->findData(QStringLiteral("remove")));
    EXPECT_EQ(panel->rowCount(), 2);
    action->setCurrentIndex(0);
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("auditObjectFilter"),
                               QStringLiteral("of logout")));
    EXPECT_EQ(panel->rowCount(), 1);
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("auditObjectFilter"), QString()));
    EXPECT_EQ(panel->rowCount(), 4);
    // A time range in the past shows nothing; a new record appears by itself.
    auto *timed = test::findNamed<QCheckBox>(panel.get(), QStringLiteral("auditTimeFilter"));
    auto *to = test::findNamed<QDateTimeEdit>(panel.get(), QStringLiteral("auditTo"));
    auto *from = test::findNamed<QDateTimeEdit>(panel.get(), QStringLiteral("auditFrom"));
    ASSERT_TRUE(timed && to && from);
    timed->setChecked(true);
    from->setDateTime(QDateTime::currentDateTimeUtc().addDays(-3));
    to->setDateTime(QDateTime::currentDateTimeUtc().addDays(-2));
    EXPECT_EQ(panel->rowCount(), 0);
    timed->setChecked(false);
    ASSERT_TRUE(trail->record(AuditAction::Import, QStringLiteral("ids.csv")));
    EXPECT_TRUE(waitUntil([&] { return panel->rowCount() == 5; }, 20000)) << panel->rowCount();
    EXPECT_EQ(test::expectAccessibleNames(panel.get(), test::AccessibleCheck::OwnControlsOnly) > 5,
              true);
}

TEST_F(AuditPanelTest, VerifyNamesTheFirstBrokenRecord)
{
    const QString intact = verdictAfterVerify();
    EXPECT_TRUE(intact.contains(QStringLiteral("intact"))) << intact.toStdString();
    EXPECT_TRUE(panel->lastVerification().ok());
    {
        test::RawStoreFile raw(rig.session().store()->path());
        ASSERT_TRUE(
            raw.exec(QStringLiteral("UPDATE audit_log SET os_user = 'mallory' WHERE seq = 2")));
    }
    const QString broken = verdictAfterVerify();
    EXPECT_TRUE(broken.contains(QStringLiteral("Record 2"))) << broken.toStdString();
    EXPECT_EQ(panel->lastVerification().firstBrokenSeq, 2);
    EXPECT_EQ(panel->lastVerification().problem, audit::AuditVerification::Problem::Edited);
}

TEST_F(AuditPanelTest, ExportCsvWritesTheShownRecordsAndIsRecorded)
{
    const QString path = rig.filePath(QStringLiteral("audit.csv"));
    panel->setExportPathProvider([path] { return path; });
    ASSERT_TRUE(test::typeInto(panel.get(), QStringLiteral("auditObjectFilter"),
                               QStringLiteral("of remove")));
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("auditExportButton")));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    ASSERT_EQ(lines.size(), 3); // header + the two removals
    EXPECT_TRUE(lines[1].contains("\"remove\""));
    ASSERT_TRUE(
        waitUntil([&] { return test::recordsOf(*trail, AuditAction::Export).size() == 1; }, 20000));
    const auto exports = test::recordsOf(*trail, AuditAction::Export);
    ASSERT_EQ(exports.size(), 1);
    EXPECT_TRUE(exports.first().object.contains(QStringLiteral("audit.csv")));
    EXPECT_EQ(exports.first().outcome, audit::AuditOutcome::Ok);
}
