#pragma once

#include "core/api/Environment.h"

#include <QFrame>

class QLabel;

namespace aerodesk::ui {

/// The always-visible strip at the top of the main window naming the active environment, so
/// nobody mistakes production for a sandbox. Each kind differs by colour AND text AND icon:
/// built-in sandbox = teal "SANDBOX", custom sandbox = blue "CUSTOM SANDBOX",
/// production = red "PRODUCTION".
class EnvironmentBanner : public QFrame
{
    Q_OBJECT
public:
    using Kind = api::Environment::Kind;

    explicit EnvironmentBanner(QWidget *parent = nullptr);

    /// Shows `name` (e.g. "Built-in sandbox") with `detail` (e.g. "starting…", a base URL).
    void setEnvironment(Kind kind, const QString &name, const QString &detail);

    Kind kind() const { return m_kind; }
    /// The badge word for a kind: "SANDBOX", "CUSTOM SANDBOX" or "PRODUCTION".
    static QString badgeText(Kind kind);
    /// Everything the banner says, as one line (also its accessible description).
    QString text() const;

private:
    void applyStyle();

    Kind m_kind = Kind::BuiltInSandbox;
    QLabel *m_icon = nullptr;
    QLabel *m_badge = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_detail = nullptr;
};

} // namespace aerodesk::ui
