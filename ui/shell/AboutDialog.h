#pragma once

#include <QDialog>

namespace aerodesk::ui {

/// Help ▸ About: what AeroDesk is, its licence, and the versions it runs with (AeroDesk, Qt
/// and OpenSSL at run time, from CoreVersion) — the lines a bug report needs.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /// The version lines shown (also what "Copy versions" puts on the clipboard).
    static QString versionText();
};

} // namespace aerodesk::ui
