// Faults as a user meets them (issue 13), the store's side: the console's encrypted store on a
// real tiny filesystem (tests/support TinyDisk: a tmpfs and a read-only view of it in a private
// mount namespace, so the kernel's own ENOSPC and EROFS reach SQLite, for root too). Each case
// runs in a child of this test inside that namespace and ends in a clear state on screen that
// names the cause, a UI thread that kept answering (heartbeat), nothing lost — a connectionId
// that arrived is still there afterwards — and a store that passes PRAGMA integrity_check.
#include "core/connections/LinkRecorder.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"
#include "tests/support/Heartbeat.h"
#include "tests/support/SessionRig.h"
#include "tests/support/TinyDisk.h"
#include "tests/support/WidgetDriver.h"
#include "ui/common/NoticeLine.h"
#include "ui/connections/ConnectionLinker.h"
#include "ui/connections/ConnectionStoreFeed.h"
#include "ui/connections/ConnectionTableModel.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/connections/UnsavedLinksNotice.h"
#include "ui/jobs/LinkWidgetDialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>
#include <memory>
#include <optional>

using namespace aerodesk;
using aerodesk::test::waitUntil;
using M = ui::ConnectionTableModel;

namespace {

using Opened = Result<std::shared_ptr<store::Store>, store::StoreError>;

class StoreFaultsChild : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (test::TinyDisk::rwPath().isEmpty())
            GTEST_SKIP() << "child-only test (run by the StoreFaults test of the same name)";
        ASSERT_TRUE(rig.start());
        rig.removeAtEnd({ QString::fromLatin1(keychain::entries::kStoreKey) });
    }
    void TearDown() override
    {
        panel.reset();
        db.reset();
        for (const QString &name : QSqlDatabase::connectionNames())
            if (name.startsWith(QLatin1String("storeFaults")))
                QSqlDatabase::removeDatabase(name);
    }
    /// The store on the tiny disk; `readOnly`: the same file through the read-only view.
    static QString storePath(bool readOnly = false)
    {
        return (readOnly ? test::TinyDisk::roPath() : test::TinyDisk::rwPath()) +
            QStringLiteral("/aerodesk.sqlite");
    }

    /// As the console does (ConsoleWiring::start): StoreOpener with the key in the keychain.
    Opened openStore(bool readOnly = false)
    {
        store::StoreOpener opener(rig.keychain());
        std::optional<Opened> opened;
        opener.open(storePath(readOnly), [&](Opened r) { opened.emplace(std::move(r)); });
        EXPECT_TRUE(waitUntil([&] { return opened.has_value(); }, 20000));
        return opened.value_or(Opened(store::StoreError::make(store::StoreError::Kind::OpenFailed,
                                                              QStringLiteral("test timeout"))));
    }

    void showPanel()
    {
        rig.setEnvironment();
        panel = std::make_unique<ui::ConnectionsPanel>(rig.session());
        panel->resize(1300, 800);
        panel->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }

    const connections::Connection *row(const QString &id) const
    {
        const int r = panel->model()->rowOf(id);
        return r < 0 ? nullptr : &panel->model()->connection(r);
    }

    /// Links a bank through the real widget dialog, answered as a person would; the new id.
    QString linkABank()
    {
        panel->linkBank();
        ui::LinkWidgetDialog *dialog = panel->linker()->dialog();
        EXPECT_NE(dialog, nullptr);
        if (!dialog)
            return {};
        QObject::connect(
            dialog, &ui::LinkWidgetDialog::stepShown, dialog, [dialog](const QString &state) {
                QTimer::singleShot(0, dialog, [dialog, state] {
                    if (state == QLatin1String("bank")) {
                        auto *banks =
                            dialog->findChild<QListWidget *>(QStringLiteral("widgetBankList"));
                        const auto items =
                            banks->findItems(QStringLiteral("OAuth"), Qt::MatchContains);
                        ASSERT_FALSE(items.isEmpty());
                        banks->setCurrentItem(items.first());
                        test::clickNamed(dialog, QStringLiteral("widgetContinue"));
                    } else if (state == QLatin1String("oauth")) {
                        test::clickNamed(dialog, QStringLiteral("widgetApprove"));
                    } else if (state == QLatin1String("credentials")) {
                        test::typeInto(dialog, QStringLiteral("widgetUsername"),
                                       QStringLiteral("mxuser"));
                        test::typeInto(dialog, QStringLiteral("widgetPassword"),
                                       QStringLiteral("challenge"));
                        test::clickNamed(dialog, QStringLiteral("widgetContinue"));
                    }
                });
            });
        QSignalSpy finished(dialog, &ui::LinkWidgetDialog::sessionFinished);
        EXPECT_TRUE(waitUntil([&] { return finished.count() == 1; }, 60000));
        if (finished.isEmpty())
            return {};
        const auto result = finished.first().first().value<api::LinkWidgetResult>();
        EXPECT_TRUE(result.linked()) << "the widget linked; only the store may refuse it";
        return result.success.connectionId;
    }

    /// Runs one statement on a connection of the test's own; its first value.
    QString sql(const QString &statement)
    {
        const QString name = QStringLiteral("storeFaults%1").arg(++m_connections);
        QString value;
        {
            QSqlDatabase side = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            side.setDatabaseName(storePath());
            EXPECT_TRUE(side.open()) << side.lastError().text().toStdString();
            QSqlQuery q(side);
            EXPECT_TRUE(q.exec(statement) && q.next())
                << statement.toStdString() << ": " << q.lastError().text().toStdString();
            value = q.value(0).toString();
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    QByteArray fileHash() const
    {
        QFile f(storePath());
        return f.open(QIODevice::ReadOnly)
            ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
            : QByteArray();
    }

    test::SessionRig rig;
    std::shared_ptr<store::Store> db;
    std::unique_ptr<ui::ConnectionsPanel> panel;

private:
    int m_connections = 0;
};

TEST_F(StoreFaultsChild, DiskFull)
{
    auto opened = openStore();
    ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
    db = opened.value();
    showPanel();
    QSignalSpy loaded(panel->feed(), &ui::ConnectionStoreFeed::loadingFinished);
    rig.session().setStore(db);
    ASSERT_TRUE(waitUntil([&] { return loaded.count() >= 1; }, 30000));

    // The write-ahead log emptied (so the next commit needs new blocks), then the disk filled.
    sql(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    ASSERT_GT(test::TinyDisk::fill(), 0);

    test::Heartbeat heartbeat;
    const QString id = linkABank();
    ASSERT_FALSE(id.isEmpty());
    ui::UnsavedLinksNotice *notice = panel->unsavedNotice();
    ASSERT_TRUE(waitUntil([&] { return notice->isVisible(); }, 10000))
        << "no warning: "
        << test::labelText(panel.get(), QStringLiteral("connectionsMessage")).toStdString();
    const QString text = notice->line()->message();
    std::fprintf(stderr, "disk full: %s\n", qPrintable(text));
    EXPECT_TRUE(text.contains(QStringLiteral("disk holding the store is full")))
        << text.toStdString();
    EXPECT_TRUE(text.contains(M::mask(id))) << text.toStdString();
    EXPECT_FALSE(text.contains(id)) << "never the full id";
    EXPECT_EQ(rig.session().linkRecorder()->unsaved(), QStringList { id });
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);

    // Still full: Retry says so again and keeps the id.
    QSignalSpy retried(notice, &ui::UnsavedLinksNotice::retried);
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("retryUnsavedLinks")));
    ASSERT_EQ(retried.count(), 1);
    EXPECT_FALSE(retried.first().first().toBool());
    EXPECT_EQ(rig.session().linkRecorder()->unsaved(), QStringList { id });

    // Space again: Retry stores it, the row appears, the store is whole.
    test::TinyDisk::unfill();
    ASSERT_TRUE(test::clickNamed(panel.get(), QStringLiteral("retryUnsavedLinks")));
    ASSERT_EQ(retried.count(), 2);
    EXPECT_TRUE(retried.at(1).first().toBool()) << notice->line()->message().toStdString();
    EXPECT_FALSE(notice->isVisible());
    EXPECT_TRUE(db->connections().get(id).ok());
    EXPECT_TRUE(waitUntil([&] { return row(id) != nullptr; }, 30000));
    EXPECT_EQ(sql(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);
}

TEST_F(StoreFaultsChild, ReadOnly)
{
    // A store with one linked connection, closed; then its disk becomes read-only.
    const QString id = rig.harness().sandbox.linkConnection(QStringLiteral("oauth"));
    ASSERT_FALSE(id.isEmpty()) << rig.harness().sandbox.lastError().toStdString();
    {
        auto opened = openStore();
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        connections::Connection c;
        c.connectionId = id;
        ASSERT_TRUE(opened.value()->connections().upsert(c));
    }
    const QByteArray before = fileHash();
    ASSERT_FALSE(before.isEmpty());

    // The console starts with the store on the read-only disk.
    showPanel();
    test::Heartbeat heartbeat;
    auto opened = openStore(/*readOnly=*/true);
    if (opened.ok())
        rig.session().setStore(opened.value());
    else
        rig.session().setStoreFailed(opened.error().message);
    const QString said = test::labelText(panel.get(), QStringLiteral("connectionsMessage"));
    std::fprintf(stderr, "read-only: %s\n", qPrintable(said));
    EXPECT_FALSE(opened.ok()) << "a store that cannot be written was opened as if it could";
    EXPECT_TRUE(said.contains(QStringLiteral("read-only"))) << said.toStdString();
    EXPECT_FALSE(said.contains(QStringLiteral("not an AeroDesk store"))) << said.toStdString();
    EXPECT_FALSE(panel->linkAction()->isEnabled())
        << "a new link would have nowhere to go: " << panel->linkAction()->toolTip().toStdString();
    EXPECT_LT(heartbeat.longestGapMs(), test::kUiStallMs);
    EXPECT_EQ(fileHash(), before) << "the read-only store was changed";

    // Writable again: it opens with the connection in it, whole.
    auto again = openStore();
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_TRUE(again.value()->connections().get(id).ok()) << "the stored connection was lost";
    again = Opened(store::StoreError {});
    EXPECT_EQ(sql(QStringLiteral("PRAGMA integrity_check")), QStringLiteral("ok"));
}

// ---- The parent: the child in the tiny disk's namespace, its verdict. ----

void runChild(const char *name)
{
    if (const QString why = test::TinyDisk::unavailableReason(); !why.isEmpty())
        GTEST_SKIP() << why.toStdString();
    test::TinyDisk disk;
    QString program = QCoreApplication::applicationFilePath();
    QStringList args = {
        QStringLiteral("--gtest_filter=StoreFaultsChild.%1").arg(QString::fromLatin1(name))
    };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    disk.wrap(1024, &program, &args, &env);
    QProcess child;
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(program, args);
    const bool finished = child.waitForFinished(100000);
    if (!finished) {
        child.kill();
        child.waitForFinished(5000);
    }
    const QString out = QString::fromUtf8(child.readAll());
    ASSERT_TRUE(finished) << "the console's parts hung:\n" << out.toStdString();
    EXPECT_EQ(child.exitStatus(), QProcess::NormalExit) << "crashed:\n" << out.toStdString();
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("[  PASSED  ] 1 test"))) << out.toStdString();
    for (const QString &line : out.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("disk full:")) ||
            line.startsWith(QLatin1String("read-only:")))
            std::fprintf(stderr, "%s\n", qPrintable(line));
}

TEST(StoreFaults, AFullDiskKeepsTheLinkedIdSaysTheDiskIsFullAndRetryStoresIt)
{
    runChild("DiskFull");
}

TEST(StoreFaults, AReadOnlyStoreSaysSoRefusesToLinkAndIsLeftUntouched)
{
    runChild("ReadOnly");
}

} // namespace
