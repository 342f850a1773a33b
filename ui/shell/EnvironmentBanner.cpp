#include "ui/shell/EnvironmentBanner.h"

#include "ui/common/Icons.h"

#include <QHBoxLayout>
#include <QLabel>

namespace aerodesk::ui {

namespace {

struct KindStyle
{
    const char *background;
    const char *badgeBackground;
    const char *icon;
};

KindStyle styleFor(EnvironmentBanner::Kind kind)
{
    switch (kind) {
    case EnvironmentBanner::Kind::BuiltInSandbox:
        return { "#0f766e", "#134e4a", "env-sandbox" };
    case EnvironmentBanner::Kind::CustomSandbox:
        return { "#1d4ed8", "#1e3a8a", "env-sandbox" };
    case EnvironmentBanner::Kind::Production:
        return { "#b91c1c", "#7f1d1d", "env-production" };
    }
    return { "#0f766e", "#134e4a", "env-sandbox" };
}

} // namespace

EnvironmentBanner::EnvironmentBanner(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("environmentBanner"));
    setAccessibleName(tr("Active environment"));
    setFrameShape(QFrame::NoFrame);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("environmentIcon"));
    m_badge = new QLabel(this);
    m_badge->setObjectName(QStringLiteral("environmentBadge"));
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("environmentName"));
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("environmentDetail"));
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(14, 7, 14, 7);
    layout->setSpacing(10);
    layout->addWidget(m_icon);
    layout->addWidget(m_badge);
    layout->addWidget(m_name);
    layout->addWidget(m_detail, 1);

    setEnvironment(Kind::BuiltInSandbox, tr("Built-in sandbox"), tr("starting…"));
}

QString EnvironmentBanner::badgeText(Kind kind)
{
    switch (kind) {
    case Kind::BuiltInSandbox:
        return tr("SANDBOX");
    case Kind::CustomSandbox:
        return tr("CUSTOM SANDBOX");
    case Kind::Production:
        return tr("PRODUCTION");
    }
    return {};
}

void EnvironmentBanner::setEnvironment(Kind kind, const QString &name, const QString &detail)
{
    m_kind = kind;
    m_badge->setText(badgeText(kind));
    m_name->setText(name);
    m_detail->setText(detail.isEmpty() ? QString() : QStringLiteral("— %1").arg(detail));
    setAccessibleDescription(text());
    setToolTip(kind == Kind::Production
                   ? tr("You are working on PRODUCTION: actions affect real customers.")
                   : tr("You are working on a sandbox: no real bank data."));
    applyStyle();
}

QString EnvironmentBanner::text() const
{
    QString line = QStringLiteral("%1 %2").arg(m_badge->text(), m_name->text());
    if (!m_detail->text().isEmpty())
        line += QLatin1Char(' ') + m_detail->text();
    return line;
}

void EnvironmentBanner::applyStyle()
{
    // Fixed saturated backgrounds with white text read the same on light and dark palettes, so the
    // banner needs no re-styling when the system palette changes.
    const KindStyle style = styleFor(m_kind);
    setStyleSheet(QStringLiteral("QFrame#environmentBanner { background: %1; }"
                                 "QLabel { color: #ffffff; background: transparent; }"
                                 "QLabel#environmentBadge { background: %2; border-radius: 4px;"
                                 " padding: 2px 8px; font-weight: bold; letter-spacing: 1px; }"
                                 "QLabel#environmentName { font-weight: bold; }")
                      .arg(QLatin1String(style.background), QLatin1String(style.badgeBackground)));
    const QIcon icon = Icons::themed(QLatin1String(style.icon), Qt::white);
    m_icon->setPixmap(icon.pixmap(QSize(20, 20), devicePixelRatioF()));
}

} // namespace aerodesk::ui
