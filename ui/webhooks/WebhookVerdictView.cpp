#include "ui/webhooks/WebhookVerdictView.h"

#include "ui/common/Icons.h"

#include <QHBoxLayout>
#include <QLabel>

namespace aerodesk::ui {

using webhooks::WebhookVerdict;

WebhookVerdictView::WebhookVerdictView(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("verdictView"));
    setAccessibleName(tr("Verification result"));
    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("verdictIcon"));
    m_icon->setFixedSize(22, 22);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("verdictText"));
    m_text->setAccessibleName(tr("Verification result"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addWidget(m_text, 1);
    setNeutral(tr("Paste a raw body and its X-Webhook-Signature header, then Verify."));
}

QString WebhookVerdictView::reasonText(WebhookVerdict::Kind kind)
{
    using K = WebhookVerdict::Kind;
    switch (kind) {
    case K::Valid:
        return tr("valid");
    case K::HeaderMissing:
        return tr("header missing");
    case K::WrongPrefix:
        return tr("wrong prefix");
    case K::BadHex:
        return tr("bad hex");
    case K::WrongLength:
        return tr("wrong length");
    case K::ReserialisedBody:
        return tr("re-serialised body");
    case K::NoSecretMatched:
        return tr("no secret matched");
    case K::PreviousExpired:
        return tr("previous secret expired");
    case K::NoSecretConfigured:
        return tr("no secret configured");
    }
    return tr("unknown");
}

QString WebhookVerdictView::summary(const WebhookVerdict &v)
{
    if (v.ok())
        return tr("valid (%1 secret)").arg(secretText(v.secret));
    QString reason = reasonText(v.kind);
    if (v.kind == WebhookVerdict::Kind::ReserialisedBody && !v.detail.isEmpty())
        reason += QStringLiteral(" (%1)").arg(v.detail);
    return tr("rejected: %1").arg(reason);
}

void WebhookVerdictView::setVerdict(const WebhookVerdict &verdict)
{
    m_verdict = verdict;
    m_has = true;
    const bool ok = verdict.ok();
    const QColor background = ok ? QColor(0x15, 0x80, 0x3d) : QColor(0xb9, 0x1c, 0x1c);
    setStyleSheet(QStringLiteral("QFrame#verdictView { background: %1; border-radius: 4px; } "
                                 "QFrame#verdictView QLabel { color: white; }")
                      .arg(background.name()));
    m_icon->setPixmap(
        Icons::themed(ok ? QStringLiteral("expiry-ok") : QStringLiteral("expiry-expired"),
                      Qt::white)
            .pixmap(QSize(20, 20), devicePixelRatioF()));
    QString head = ok
        ? tr("✔ Valid — matched the %1 secret.").arg(secretText(verdict.secret))
        : tr("✘ Rejected — %1.").arg(summary(verdict).section(QStringLiteral(": "), 1, -1));
    m_text->setText(QStringLiteral("<b>%1</b><br>%2")
                        .arg(head.toHtmlEscaped(), verdict.message.toHtmlEscaped()));
    setAccessibleDescription(text());
}

void WebhookVerdictView::setNeutral(const QString &text)
{
    m_has = false;
    m_verdict = {};
    setStyleSheet(QString());
    m_icon->clear();
    m_text->setText(text.toHtmlEscaped());
    setAccessibleDescription(text);
}

QString WebhookVerdictView::text() const
{
    QString plain = m_text->text();
    plain.replace(QLatin1String("<br>"), QLatin1String(" "));
    plain.remove(QLatin1String("<b>")).remove(QLatin1String("</b>"));
    plain.replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&lt;"), QLatin1String("<"));
    plain.replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    return plain;
}

QString WebhookVerdictView::secretText(webhooks::WebhookVerdict::Secret secret)
{
    switch (secret) {
    case webhooks::WebhookVerdict::Secret::Current:
        return tr("current");
    case webhooks::WebhookVerdict::Secret::Previous:
        return tr("previous");
    case webhooks::WebhookVerdict::Secret::None:
        break;
    }
    return tr("none");
}

} // namespace aerodesk::ui
