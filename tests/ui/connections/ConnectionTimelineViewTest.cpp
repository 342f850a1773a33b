// The timeline view on real widgets: the kind filter (through its combo box) shows only steps
// of that kind, Ctrl+C and the context-menu action copy the selected step's text to the real
// clipboard, the selected step's correlation id is shown, and 5,000 steps are one model.

#include "ui/connections/ConnectionTimelineView.h"

#include "core/timeline/CorrelationId.h"
#include "tests/support/WidgetDriver.h"
#include "ui/connections/TimelineModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace aerodesk;
using timeline::TimelineEntry;
using timeline::TimelineKind;

namespace {

QList<TimelineEntry> sampleSteps(int count, const QString &flow)
{
    const QList<TimelineKind> kinds = timeline::allTimelineKinds();
    const QDateTime start = QDateTime(QDate(2026, 11, 30), QTime(19, 0), Qt::UTC);
    QList<TimelineEntry> out;
    for (int i = 0; i < count; ++i) {
        TimelineEntry e;
        e.at = start.addMSecs(i * 250);
        e.kind = kinds.at(i % kinds.size());
        e.correlationId = flow;
        e.summary = QStringLiteral("step %1").arg(i);
        e.fields = QJsonObject { { QStringLiteral("n"), i } };
        out.append(e);
    }
    return out;
}

int rowOfSummary(const QAbstractItemModel *model, const QString &summary)
{
    for (int r = 0; r < model->rowCount(); ++r) {
        if (model->index(r, ui::TimelineModel::SummaryColumn).data().toString() == summary)
            return r;
    }
    return -1;
}

} // namespace

TEST(ConnectionTimelineView, FiltersByKindThroughItsComboBox)
{
    ui::ConnectionTimelineView view;
    const QString flow = timeline::CorrelationId::mint();
    view.setEntries(sampleSteps(5000, flow));
    view.resize(900, 500);
    ASSERT_TRUE(test::showAndActivate(view));
    EXPECT_EQ(view.filteredModel()->rowCount(), 5000);

    auto *combo = test::findNamed<QComboBox>(&view, QStringLiteral("timelineKindFilter"));
    ASSERT_NE(combo, nullptr);
    combo->setFocus();
    // The user picks "Webhook" (sixth kind → index 5 after "All kinds").
    const int webhook = combo->findText(timeline::timelineKindLabel(TimelineKind::Webhook));
    ASSERT_GT(webhook, 0);
    while (combo->currentIndex() < webhook)
        QTest::keyClick(combo, Qt::Key_Down);
    ASSERT_EQ(combo->currentIndex(), webhook);
    const QAbstractItemModel *shown = view.filteredModel();
    ASSERT_GT(shown->rowCount(), 0);
    EXPECT_EQ(shown->rowCount(), 5000 / 6 + (5000 % 6 > 4 ? 1 : 0));
    for (int r = 0; r < shown->rowCount(); ++r)
        ASSERT_EQ(shown->index(r, 0).data(ui::TimelineModel::KindNameRole).toString(),
                  QStringLiteral("webhook"))
            << "row " << r;
    // In time order.
    for (int r = 1; r < shown->rowCount(); ++r)
        ASSERT_LE(shown->index(r - 1, 0).data().toString(), shown->index(r, 0).data().toString());

    view.setKindFilter(std::nullopt);
    EXPECT_EQ(shown->rowCount(), 5000);
    EXPECT_EQ(combo->currentIndex(), 0);
}

TEST(ConnectionTimelineView, CtrlCAndTheContextMenuCopyTheSelectedStepAsText)
{
    ui::ConnectionTimelineView view;
    const QString flow = timeline::CorrelationId::mint();
    const QList<TimelineEntry> steps = sampleSteps(12, flow);
    view.setEntries(steps);
    view.resize(900, 500);
    ASSERT_TRUE(test::showAndActivate(view));
    view.setKindFilter(TimelineKind::Job);

    QTableView *table = view.table();
    const int row = rowOfSummary(view.filteredModel(), QStringLiteral("step 7"));
    ASSERT_GE(row, 0);
    const QRect cell = table->visualRect(view.filteredModel()->index(row, 2));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    ASSERT_EQ(table->selectionModel()->selectedRows().size(), 1);

    auto *correlation = test::findNamed<QLabel>(&view, QStringLiteral("timelineCorrelation"));
    ASSERT_NE(correlation, nullptr);
    EXPECT_TRUE(correlation->text().contains(flow)) << correlation->text().toStdString();

    QApplication::clipboard()->setText(QStringLiteral("something else"));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_C, Qt::ControlModifier);
    const QString copied = QApplication::clipboard()->text();
    EXPECT_EQ(copied, steps.at(7).toText());
    EXPECT_TRUE(copied.contains(QStringLiteral("step 7")));
    EXPECT_TRUE(copied.contains(flow));
    EXPECT_TRUE(copied.contains(QStringLiteral("n: 7")));

    // The same action is the table's context menu entry.
    ASSERT_TRUE(table->actions().contains(view.copyAction()));
    EXPECT_EQ(table->contextMenuPolicy(), Qt::ActionsContextMenu);
    QApplication::clipboard()->setText(QStringLiteral("something else"));
    view.copyAction()->trigger();
    EXPECT_EQ(QApplication::clipboard()->text(), steps.at(7).toText());

    // Nothing selected: nothing copied, the action is off.
    table->clearSelection();
    EXPECT_FALSE(view.copyAction()->isEnabled());
    EXPECT_FALSE(view.copySelectedSteps());
}

TEST(ConnectionTimelineView, ALiveStepGoesInItsPlaceByTime)
{
    ui::ConnectionTimelineView view;
    QList<TimelineEntry> steps = sampleSteps(4, QStringLiteral("f"));
    const TimelineEntry late = steps.takeLast();
    view.setEntries(steps);
    TimelineEntry early = late;
    early.at = steps.first().at.addSecs(-1);
    early.summary = QStringLiteral("earliest");
    view.addEntry(late);
    view.addEntry(early);
    ASSERT_EQ(view.model()->rowCount(), 5);
    EXPECT_EQ(view.model()->entry(0).summary, QStringLiteral("earliest"));
    EXPECT_EQ(view.model()->entry(4).summary, late.summary);
}
