// The escalation bundle's preview: it lists every file that goes in, shows each one's content,
// switching the form changes the content (ids masked / kept), and Save… writes exactly the
// previewed files as a ZIP (read back with libzip), calling the audit seam.
#include "ui/bundle/BundlePreviewDialog.h"

#include "core/bundle/BundleWritten.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/util/FixedClock.h"
#include "tests/support/Wait.h"
#include "tests/support/WidgetDriver.h"

#include <QComboBox>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using namespace aerodesk;
using namespace aerodesk::test;
using bundle::BundleRedactor;

const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef");

bundle::BundleSources sources()
{
    connections::Connection c;
    c.connectionId = kId;
    c.bankName = QStringLiteral("Sandbox Bank");
    c.status = QStringLiteral("CONNECTED");
    QList<connections::ConnectionEvent> events { { QDateTime::currentDateTimeUtc(),
                                                   QStringLiteral("job"),
                                                   { { "state", "COMPLETED" },
                                                     { "token", "tok-should-not-show" } } } };
    bundle::BundleSources s =
        bundle::ConnectionBundleSources::fromValues(c, events, QStringLiteral("built-in-sandbox"));
    s.diagnosticLog = [] { return QStringList { QStringLiteral("a log line") }; };
    return s;
}

QString contentOf(ui::BundlePreviewDialog &dialog, const QString &file)
{
    auto *files = findNamed<QListWidget>(&dialog, QStringLiteral("bundleFiles"));
    auto *content = findNamed<QPlainTextEdit>(&dialog, QStringLiteral("bundleFileContent"));
    if (!files || !content)
        return {};
    const auto items = files->findItems(file, Qt::MatchExactly);
    if (items.isEmpty()) {
        ADD_FAILURE() << "no file " << file.toStdString() << " listed";
        return {};
    }
    files->setCurrentItem(items.first());
    return content->toPlainText();
}

TEST(BundlePreviewDialog, ListsTheFilesSwitchesFormAndSavesExactlyWhatItShows)
{
    const FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(20, 0), Qt::UTC));
    ui::BundlePreviewDialog dialog(sources(), clock);
    QSignalSpy ready(&dialog, &ui::BundlePreviewDialog::previewReady);
    ASSERT_TRUE(showAndActivate(dialog));
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 1; }, 10000)) << "no preview";

    auto *files = findNamed<QListWidget>(&dialog, QStringLiteral("bundleFiles"));
    ASSERT_NE(files, nullptr);
    QStringList names;
    for (int i = 0; i < files->count(); ++i)
        names << files->item(i)->text();
    EXPECT_EQ(names,
              (QStringList { "manifest.json", "connection.json", "timeline.json", "webhooks.json",
                             "versions.json", "diagnostic-log.txt" }));
    EXPECT_TRUE(
        findNamed<QPlainTextEdit>(&dialog, QStringLiteral("bundleFileContent"))->isReadOnly());

    const QString masked = contentOf(dialog, QStringLiteral("connection.json"));
    EXPECT_FALSE(masked.contains(kId)) << masked.toStdString();
    EXPECT_TRUE(masked.contains(connections::IdMask::mask(kId)));
    EXPECT_FALSE(
        contentOf(dialog, QStringLiteral("timeline.json")).contains("tok-should-not-show"));

    // The provider-facing form keeps the connectionId.
    auto *form = findNamed<QComboBox>(&dialog, QStringLiteral("bundleForm"));
    ASSERT_NE(form, nullptr);
    form->setCurrentIndex(form->findData(BundleRedactor::formName(BundleRedactor::Form::Provider)));
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 2; }, 10000));
    EXPECT_EQ(dialog.form(), BundleRedactor::Form::Provider);
    const QString provider = contentOf(dialog, QStringLiteral("connection.json"));
    EXPECT_TRUE(provider.contains(kId)) << provider.toStdString();
    EXPECT_FALSE(
        contentOf(dialog, QStringLiteral("timeline.json")).contains("tok-should-not-show"));

    // Save… writes exactly the previewed files, and the audit seam hears of it.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("escalation.zip"));
    dialog.setFileChooser([&](QWidget *, const QString &suggested) {
        EXPECT_TRUE(suggested.endsWith(".zip"));
        return path;
    });
    QList<bundle::BundleWritten> audited;
    bundle::BundleWritten::setHook([&](const bundle::BundleWritten &e) { audited << e; });
    QSignalSpy written(&dialog, &ui::BundlePreviewDialog::bundleWritten);
    ASSERT_TRUE(clickNamed(&dialog, QStringLiteral("bundleSave")));
    ASSERT_TRUE(waitUntil([&] { return written.count() == 1; }, 10000))
        << labelText(&dialog, QStringLiteral("bundleStatus")).toStdString();
    bundle::BundleWritten::setHook({});
    auto back = bundle::ZipBundleWriter::read(path);
    ASSERT_TRUE(back) << back.error().toStdString();
    const QList<bundle::BundlePart> shown = dialog.parts();
    ASSERT_EQ(back.value().size(), shown.size());
    for (int i = 0; i < shown.size(); ++i) {
        EXPECT_EQ(back.value().at(i).name, shown.at(i).name);
        EXPECT_EQ(back.value().at(i).bytes, shown.at(i).bytes);
    }
    ASSERT_EQ(audited.size(), 1);
    EXPECT_EQ(audited.first().path, path);
    EXPECT_EQ(audited.first().form, BundleRedactor::Form::Provider);
    EXPECT_EQ(audited.first().subjectIdMasked, connections::IdMask::mask(kId));
    EXPECT_EQ(audited.first().files.size(), 5);
    EXPECT_EQ(audited.first().zipSha256.size(), 64);
    EXPECT_TRUE(labelText(&dialog, QStringLiteral("bundleStatus")).contains(path));

    expectAccessibleNames(&dialog, AccessibleCheck::OwnControlsOnly);
}

TEST(BundlePreviewDialog, AFailedWriteSaysWhyAndWritesNothing)
{
    const FixedClock clock;
    ui::BundlePreviewDialog dialog(sources(), clock);
    QSignalSpy ready(&dialog, &ui::BundlePreviewDialog::previewReady);
    ASSERT_TRUE(showAndActivate(dialog));
    ASSERT_TRUE(waitUntil([&] { return ready.count() >= 1; }, 10000));
    dialog.setFileChooser(
        [](QWidget *, const QString &) { return QStringLiteral("/proc/aerodesk-nowhere/x.zip"); });
    QSignalSpy failed(&dialog, &ui::BundlePreviewDialog::saveFailed);
    ASSERT_TRUE(clickNamed(&dialog, QStringLiteral("bundleSave")));
    ASSERT_TRUE(waitUntil([&] { return failed.count() == 1; }, 10000));
    EXPECT_TRUE(
        labelText(&dialog, QStringLiteral("bundleStatus")).contains("/proc/aerodesk-nowhere"));
}

} // namespace
