#include "core/walkthrough/WalkthroughReport.h"

#include <QRegularExpression>

namespace aerodesk::walkthrough {

namespace {

QString mark(WalkthroughStep::State s)
{
    switch (s) {
    case WalkthroughStep::State::Done:
        return QStringLiteral("✅");
    case WalkthroughStep::State::Failed:
        return QStringLiteral("❌");
    case WalkthroughStep::State::Skipped:
        return QStringLiteral("⏭");
    case WalkthroughStep::State::Running:
        return QStringLiteral("⏳");
    case WalkthroughStep::State::Pending:
        return QStringLiteral("•");
    }
    return {};
}

} // namespace

QString WalkthroughReport::scrub(QString text)
{
    static const QRegularExpression pem(
        QStringLiteral("-----BEGIN [A-Z ]+-----[\\s\\S]*?-----END [A-Z ]+-----"));
    static const QRegularExpression hex(
        QStringLiteral("\\b([0-9a-fA-F]{4})[0-9a-fA-F]{16,}([0-9a-fA-F]{4})\\b"));
    text.replace(pem, QStringLiteral("[key removed]"));
    text.replace(hex, QStringLiteral("\\1…\\2"));
    return text;
}

QString WalkthroughReport::toMarkdown(const Walkthrough &w, const QDateTime &at)
{
    QString out =
        QStringLiteral("# AeroDesk walkthrough: %1\n\nRun %2 against the built-in sandbox.\n\n")
            .arg(Walkthrough::title(w.kind()), at.toUTC().toString(Qt::ISODate));
    int n = 0;
    for (const WalkthroughStep &s : w.steps()) {
        out += QStringLiteral("%1. %2 **%3** — %4\n")
                   .arg(++n)
                   .arg(mark(s.state), s.title, WalkthroughStep::stateName(s.state));
        if (!s.result.isEmpty())
            out += QStringLiteral("   - %1\n").arg(s.result);
        if (!s.nextStep.isEmpty())
            out += QStringLiteral("   - Next step: %1\n").arg(s.nextStep);
    }
    return scrub(out);
}

QString WalkthroughReport::toHtml(const Walkthrough &w, const QDateTime &at)
{
    QString rows;
    for (const WalkthroughStep &s : w.steps()) {
        rows +=
            QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td></tr>\n")
                .arg(mark(s.state), s.title.toHtmlEscaped(), WalkthroughStep::stateName(s.state),
                     (s.result +
                      (s.nextStep.isEmpty() ? QString()
                                            : QStringLiteral(" — Next step: ") + s.nextStep))
                         .toHtmlEscaped());
    }
    const QString html =
        QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>AeroDesk "
                       "walkthrough</title></head>"
                       "<body><h1>%1</h1><p>Run %2 against the built-in sandbox.</p>"
                       "<table border=\"1\" "
                       "cellpadding=\"4\"><tr><th></th><th>Step</th><th>State</th><th>Result</th></"
                       "tr>\n%3</table></body></html>\n")
            .arg(Walkthrough::title(w.kind()).toHtmlEscaped(), at.toUTC().toString(Qt::ISODate),
                 rows);
    return scrub(html);
}

} // namespace aerodesk::walkthrough
