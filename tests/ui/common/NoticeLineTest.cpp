// NoticeLine: one look and one log line per warning/error, words and a sign (not colour alone).

#include "ui/common/NoticeLine.h"

#include <QtGlobal>

#include <gtest/gtest.h>

using aerodesk::ui::NoticeLine;

namespace {

/// Collects the messages of the aerodesk.ui category while it exists.
class UiLogCapture
{
public:
    UiLogCapture()
    {
        s_lines = &m_lines;
        m_previous = qInstallMessageHandler(&UiLogCapture::handler);
    }
    ~UiLogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_lines = nullptr;
    }
    const QStringList &lines() const { return m_lines; }

private:
    static void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (s_lines && type == QtWarningMsg && context.category &&
            QLatin1String(context.category) == QLatin1String("aerodesk.ui"))
            s_lines->append(message);
    }
    static inline QStringList *s_lines = nullptr;
    QStringList m_lines;
    QtMessageHandler m_previous = nullptr;
};

TEST(NoticeLine, ShowsTheKindInWordsAndASignAndHidesWhenCleared)
{
    QWidget parent;
    auto *line =
        new NoticeLine(QStringLiteral("someNotice"), QStringLiteral("Last action"), &parent);
    parent.show();
    EXPECT_EQ(line->objectName(), QStringLiteral("someNotice"));
    EXPECT_EQ(line->accessibleName(), QStringLiteral("Last action"));
    EXPECT_FALSE(line->isVisible()); // empty: hidden

    line->showError(QStringLiteral("The store could not be opened"));
    EXPECT_TRUE(line->isVisible());
    EXPECT_EQ(line->kind(), NoticeLine::Kind::Error);
    EXPECT_EQ(line->message(), QStringLiteral("The store could not be opened"));
    EXPECT_EQ(line->text(), QStringLiteral("✘ The store could not be opened"));
    EXPECT_EQ(line->textFormat(), Qt::PlainText);
    EXPECT_TRUE(line->accessibleDescription().startsWith(QStringLiteral("Problem:")));

    line->showSuccess(QStringLiteral("Saved."));
    EXPECT_EQ(line->text(), QStringLiteral("✔ Saved."));
    line->showWarning(QStringLiteral("Careful"));
    EXPECT_EQ(line->text(), QStringLiteral("⚠ Careful"));
    line->showInfo(QStringLiteral("Waiting…"));
    EXPECT_EQ(line->text(), QStringLiteral("Waiting…"));
    EXPECT_TRUE(line->accessibleDescription().contains(QStringLiteral("Waiting…")));

    line->clearNotice();
    EXPECT_FALSE(line->isVisible());
    EXPECT_FALSE(line->hasNotice());
    EXPECT_TRUE(line->text().isEmpty());
    line->setNotice(NoticeLine::Kind::Error, QString()); // an empty message clears
    EXPECT_FALSE(line->isVisible());
}

TEST(NoticeLine, LogsEachWarningOrErrorOnceAndNeverInformation)
{
    UiLogCapture log;
    NoticeLine line(QStringLiteral("webhooksState"), QStringLiteral("State"));
    line.showInfo(QStringLiteral("Waiting for the environment"));
    line.showSuccess(QStringLiteral("Saved."));
    EXPECT_TRUE(log.lines().isEmpty()) << log.lines().join(QLatin1Char('\n')).toStdString();

    line.showError(QStringLiteral("Subscribing failed: HTTP 500"));
    line.showError(QStringLiteral("Subscribing failed: HTTP 500")); // a refresh: same notice
    ASSERT_EQ(log.lines().size(), 1);
    EXPECT_TRUE(log.lines().first().contains(QStringLiteral("webhooksState")));
    EXPECT_TRUE(log.lines().first().contains(QStringLiteral("Subscribing failed: HTTP 500")));

    line.showWarning(QStringLiteral("Subscribing failed: HTTP 500")); // another kind: logged
    line.showError(QStringLiteral("The test event was not queued"));
    EXPECT_EQ(log.lines().size(), 3);
    line.clearNotice();
    line.showError(QStringLiteral("The test event was not queued")); // shown again after a clear
    EXPECT_EQ(log.lines().size(), 4);
}

TEST(NoticeLine, ShowsAnIdInFullButKeepsItOutOfTheLog)
{
    UiLogCapture log;
    NoticeLine line(QStringLiteral("answerResult"), QStringLiteral("Result"));
    const QString user = QStringLiteral("partner-user-4711");
    line.setNotice(NoticeLine::Kind::Error, QStringLiteral("%1 has no valid userCode.").arg(user),
                   { user });
    EXPECT_TRUE(line.text().contains(user)) << "the person sees the id";
    ASSERT_EQ(log.lines().size(), 1);
    EXPECT_FALSE(log.lines().first().contains(user)) << log.lines().first().toStdString();
    EXPECT_TRUE(log.lines().first().contains(QStringLiteral("<id> has no valid userCode.")));
    // The next notice without ids is logged as it is.
    line.showWarning(QStringLiteral("Plain %1").arg(user));
    ASSERT_EQ(log.lines().size(), 2);
    EXPECT_TRUE(log.lines().last().contains(user));
}

} // namespace
