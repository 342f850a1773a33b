#include "ui/common/NoticeLine.h"

#include "core/util/LogCategories.h"

#include <QEvent>

#include <utility>

namespace aerodesk::ui {

namespace {

QString kindWord(NoticeLine::Kind kind)
{
    switch (kind) {
    case NoticeLine::Kind::Info:
        return NoticeLine::tr("Information");
    case NoticeLine::Kind::Success:
        return NoticeLine::tr("Done");
    case NoticeLine::Kind::Warning:
        return NoticeLine::tr("Warning");
    case NoticeLine::Kind::Error:
        return NoticeLine::tr("Problem");
    }
    return {};
}

/// The stripe colour; the text keeps the palette's own colour so it stays readable.
QString stripe(NoticeLine::Kind kind)
{
    switch (kind) {
    case NoticeLine::Kind::Info:
        return QStringLiteral("palette(mid)");
    case NoticeLine::Kind::Success:
        return QStringLiteral("#2e7d32");
    case NoticeLine::Kind::Warning:
        return QStringLiteral("#b26a00");
    case NoticeLine::Kind::Error:
        return QStringLiteral("#b3261e");
    }
    return {};
}

} // namespace

NoticeLine::NoticeLine(const QString &objectName, const QString &accessibleName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setAccessibleName(accessibleName.isEmpty() ? tr("Notice") : accessibleName);
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFocusPolicy(Qt::NoFocus);
    QLabel::setVisible(false);
    applyStyle();
}

QString NoticeLine::sign(Kind kind)
{
    switch (kind) {
    case Kind::Info:
        return {};
    case Kind::Success:
        return QStringLiteral("✔ ");
    case Kind::Warning:
        return QStringLiteral("⚠ ");
    case Kind::Error:
        return QStringLiteral("✘ ");
    }
    return {};
}

void NoticeLine::setNotice(Kind kind, const QString &message, const QStringList &keepOutOfLog)
{
    m_keepOutOfLog = keepOutOfLog;
    setNotice(kind, message);
    m_keepOutOfLog.clear();
}

void NoticeLine::setNotice(Kind kind, const QString &message)
{
    if (message.isEmpty())
        return clearNotice();
    const bool changed = kind != m_kind || message != m_message;
    if (changed && (kind == Kind::Warning || kind == Kind::Error)) {
        // Once per notice shown: re-showing the same one (e.g. on every state refresh) is silent.
        QString logged = message;
        for (const QString &hidden : std::as_const(m_keepOutOfLog)) {
            if (!hidden.isEmpty())
                logged.replace(hidden, QStringLiteral("<id>"));
        }
        qCWarning(aerodesk::log::ui).noquote()
            << objectName() << (kind == Kind::Error ? "error:" : "warning:") << logged;
    }
    const bool restyle = kind != m_kind;
    m_kind = kind;
    m_message = message;
    setText(sign(kind) + message);
    setAccessibleDescription(tr("%1: %2").arg(kindWord(kind), message));
    if (restyle)
        applyStyle();
    setVisible(true);
    if (changed)
        Q_EMIT noticeChanged(kind, message);
}

void NoticeLine::clearNotice()
{
    // Already clear: nothing to do (re-setting the style sheet re-polishes the label; panels
    // clear their notice on every state refresh).
    if (m_message.isEmpty() && m_kind == Kind::Info && text().isEmpty() && isHidden())
        return;
    const bool changed = !m_message.isEmpty();
    m_message.clear();
    m_kind = Kind::Info;
    clear();
    setAccessibleDescription(QString());
    applyStyle();
    setVisible(false);
    if (changed)
        Q_EMIT noticeChanged(m_kind, m_message);
}

void NoticeLine::setKeepsSpaceWhenEmpty(bool keep)
{
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(keep);
    setSizePolicy(policy);
}

void NoticeLine::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
}

void NoticeLine::applyStyle()
{
    // palette(...) in a style sheet is resolved when it is set: set it again when the system
    // palette changes. Re-polishing sends PaletteChange itself, hence the guard.
    if (m_styling)
        return;
    m_styling = true;
    setStyleSheet(QStringLiteral("QLabel { border-left: 4px solid %1;"
                                 " padding: 3px 8px; background: palette(alternate-base); }")
                      .arg(stripe(m_kind)));
    m_styling = false;
}

} // namespace aerodesk::ui
