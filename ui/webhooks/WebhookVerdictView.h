#pragma once

#include "core/webhooks/WebhookVerdict.h"

#include <QFrame>

class QLabel;

namespace aerodesk::ui {

/// Shows one webhook verdict by icon AND text AND colour: valid in green with a tick and the
/// secret that matched ("current" / "previous"), invalid in red with a cross and the reason
/// (header missing, wrong prefix, bad hex, wrong length, re-serialised body + form, no secret
/// matched, previous expired, no secret configured) followed by the verifier's sentence.
class WebhookVerdictView : public QFrame
{
    Q_OBJECT
public:
    explicit WebhookVerdictView(QWidget *parent = nullptr);

    void setVerdict(const webhooks::WebhookVerdict &verdict);
    /// A neutral line ("Paste a body…", "Verifying…").
    void setNeutral(const QString &text);

    bool hasVerdict() const { return m_has; }
    const webhooks::WebhookVerdict &verdict() const { return m_verdict; }
    /// Everything the view says, as one line (also its accessible description).
    QString text() const;

    /// "valid (current secret)", "rejected: re-serialised body (sorted keys, compact)"...
    static QString summary(const webhooks::WebhookVerdict &verdict);
    /// The reason's short words: "header missing", "bad hex", "previous secret expired"...
    static QString reasonText(webhooks::WebhookVerdict::Kind kind);
    /// Which secret matched, in words: "current", "previous", "none".
    static QString secretText(webhooks::WebhookVerdict::Secret secret);

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    webhooks::WebhookVerdict m_verdict;
    bool m_has = false;
};

} // namespace aerodesk::ui
