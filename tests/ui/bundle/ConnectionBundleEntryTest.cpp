// The Connections panel's way into the escalation bundle: the detail pane's "Escalation bundle…"
// on a stored connection (real encrypted store, real sandbox environment through the session)
// opens the preview with the stored state and the store's history as the timeline; a secret in
// a history event never shows; the context menu offers the same; Save… is one audit record,
// which the session's timeline shows as a staff action.
#include "core/audit/AuditTrail.h"
#include "core/audit/BundleAudit.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/WebhookEvidenceLog.h"
#include "core/connections/IdMask.h"
#include "core/crypto/Random.h"
#include "core/session/Session.h"
#include "core/store/Store.h"
#include "core/timeline/TimelineRecorder.h"
#include "tests/support/SessionRig.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"
#include "ui/bundle/BundlePreviewDialog.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTimelineView.h"
#include "ui/connections/ConnectionsPanel.h"

#include <QAction>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QMenu>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>
#include <optional>

namespace {

using namespace aerodesk;
using aerodesk::test::waitUntil;

TEST(ConnectionBundleEntry, DetailPaneOpensThePreviewOfTheStoredConnection)
{
    test::SessionRig rig;
    ASSERT_TRUE(rig.start());
    rig.setEnvironment();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto opened = store::Store::open(dir.filePath(QStringLiteral("aerodesk.sqlite")),
                                     crypto::Random::secretBytes(32));
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    std::shared_ptr<store::Store> db(std::move(opened).value());
    const QString id = QString::fromLatin1(crypto::Random::hex(16));
    connections::Connection c;
    c.connectionId = id;
    c.bankName = QStringLiteral("Aerosync Bank (OAuth)");
    c.status = QStringLiteral("CONNECTED");
    ASSERT_TRUE(db->connections().upsert(c));
    ASSERT_TRUE(
        db->history()
            .record(id,
                    { QDateTime::currentDateTimeUtc(),
                      QStringLiteral("webhook"),
                      { { "event", "bank.revocation" }, { "access_token", "tok-from-history" } } })
            .ok());

    // A delivery the Webhooks panel's listener kept, naming this connection.
    bundle::BundleWebhookEvidence delivery;
    delivery.receivedAt = QDateTime::currentDateTimeUtc();
    delivery.body = QStringLiteral("{\"event\":\"job.balance\",\"data\":{\"connectionId\":\"%1\"}}")
                        .arg(id)
                        .toUtf8();
    delivery.signatureHeader = "sha256=" + QByteArray(64, 'b');
    delivery.verdict = QStringLiteral("valid");
    rig.session().webhookEvidence().append(delivery);

    ui::ConnectionsPanel panel(rig.session());
    panel.resize(1300, 800);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    QSignalSpy loaded(panel.feed(), &ui::ConnectionStoreFeed::loadingFinished);
    rig.session().setStore(db);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));
    ASSERT_TRUE(panel.selectConnection(id));

    ASSERT_TRUE(test::clickNamed(&panel, QStringLiteral("detailBundle")));
    auto *dialog = panel.findChild<ui::BundlePreviewDialog *>();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy ready(dialog, &ui::BundlePreviewDialog::previewReady);
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 1; }, 20000));
    QByteArray timeline, state, manifest, hooks;
    for (const bundle::BundlePart &p : dialog->parts()) {
        if (p.name == QLatin1String("timeline.json"))
            timeline = p.bytes;
        else if (p.name == QLatin1String("connection.json"))
            state = p.bytes;
        else if (p.name == QLatin1String("manifest.json"))
            manifest = p.bytes;
        else if (p.name == QLatin1String("webhooks.json"))
            hooks = p.bytes;
    }
    EXPECT_TRUE(timeline.contains("bank.revocation")) << timeline.toStdString();
    EXPECT_FALSE(timeline.contains("tok-from-history"));
    EXPECT_TRUE(hooks.contains("sha256=" + QByteArray(64, 'b'))) << hooks.toStdString();
    EXPECT_TRUE(hooks.contains("job.balance"));
    EXPECT_FALSE(hooks.contains(id.toUtf8())) << "masked in the body too";
    EXPECT_TRUE(state.contains("Aerosync Bank (OAuth)"));
    EXPECT_FALSE(state.contains(id.toUtf8()));
    EXPECT_TRUE(state.contains(connections::IdMask::mask(id).toUtf8()));
    EXPECT_EQ(QJsonDocument::fromJson(manifest).object().value("environmentKind").toString(),
              QStringLiteral("built-in-sandbox"))
        << manifest.toStdString();
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    ASSERT_EQ(panel.findChild<ui::BundlePreviewDialog *>(), nullptr) << "deleted on close";

    // The row's context menu offers the same.
    const QRect cell = panel.table()->visualRect(panel.table()->currentIndex());
    Q_EMIT panel.table()->customContextMenuRequested(cell.center());
    auto *menu = panel.findChild<QMenu *>(QStringLiteral("connectionContextMenu"));
    ASSERT_NE(menu, nullptr);
    auto *entry = menu->findChild<QAction *>(QStringLiteral("escalationBundleAction"));
    ASSERT_NE(entry, nullptr);
    ASSERT_TRUE(entry->isEnabled());
    entry->trigger();
    menu->close();
    auto *again = panel.findChild<ui::BundlePreviewDialog *>();
    ASSERT_NE(again, nullptr);
    QSignalSpy readyAgain(again, &ui::BundlePreviewDialog::previewReady);
    ASSERT_TRUE(waitUntil([&] { return readyAgain.count() >= 1; }, 20000));
    EXPECT_EQ(again->parts().size(), 6);

    // Save… is audited (issue 15), as the console wires it: exactly one `export` record, on the
    // connection — so it is a staff action of the connection's timeline (Session's recorder).
    audit::AuditTrail *trail = rig.session().audit();
    ASSERT_NE(trail, nullptr);
    const qint64 before = trail->log().read()->size();
    audit::BundleAudit::install([&rig] { return rig.session().audit(); });
    const QString zip = dir.filePath(QStringLiteral("escalation.zip"));
    again->setFileChooser([&](QWidget *, const QString &) { return zip; });
    QSignalSpy written(again, &ui::BundlePreviewDialog::bundleWritten);
    ASSERT_TRUE(test::clickNamed(again, QStringLiteral("bundleSave")));
    ASSERT_TRUE(waitUntil([&] { return written.count() == 1; }, 20000));
    audit::BundleAudit::uninstall();
    auto records = trail->log().read();
    ASSERT_TRUE(records.ok());
    ASSERT_EQ(records->size(), before + 1) << "one record per bundle written";
    EXPECT_EQ(records->last().action, audit::AuditAction::Export);
    EXPECT_EQ(records->last().connectionRef, trail->log().connectionRef(id));
    EXPECT_TRUE(records->last().object.contains(connections::IdMask::mask(id)))
        << records->last().object.toStdString();
    EXPECT_FALSE(records->last().object.contains(id));

    timeline::TimelineRecorder *recorder = rig.session().timeline();
    ASSERT_NE(recorder, nullptr);
    std::optional<QList<timeline::TimelineEntry>> steps;
    QObject::connect(
        recorder, &timeline::TimelineRecorder::loaded, again,
        [&](quint64, const QString &, const QList<timeline::TimelineEntry> &e) { steps = e; });
    recorder->load(id);
    ASSERT_TRUE(waitUntil([&] { return steps.has_value(); }, 20000));
    ASSERT_FALSE(steps->isEmpty());
    const timeline::TimelineEntry &last = steps->last();
    EXPECT_EQ(last.kind, timeline::TimelineKind::StaffAction);
    EXPECT_EQ(last.fields.value(QStringLiteral("action")).toString(), QStringLiteral("export"));
    EXPECT_EQ(last.correlationId, recorder->flowFor(id));

    // The detail pane showing this connection reads its timeline again: the export is there.
    auto *view = panel.findChild<ui::ConnectionTimelineView *>();
    ASSERT_NE(view, nullptr);
    const auto staffRows = [view] {
        int n = 0;
        for (int r = 0; r < view->filteredModel()->rowCount(); ++r)
            n += view->filteredModel()->index(r, 0).data(Qt::UserRole + 1).toString() ==
                QLatin1String("staff");
        return n;
    };
    EXPECT_TRUE(waitUntil([&] { return staffRows() == 1; }, 10000))
        << staffRows() << " staff step(s) in the detail pane";
    again->close();
}

} // namespace
