#include "ui/shell/DiagnosticsMenu.h"

#include "core/util/DiagnosticLog.h"
#include "core/util/DiagnosticsReport.h"
#include "core/util/LogCategories.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QUrl>

namespace aerodesk::ui {

DiagnosticsMenu::DiagnosticsMenu(QMenu *menu, QWidget *window, KindSource environmentKind)
    : QObject(menu)
    , m_window(window)
    , m_kind(std::move(environmentKind))
{
    m_open = menu->addAction(tr("Open &diagnostic log"));
    m_open->setObjectName(QStringLiteral("openDiagnosticLogAction"));
    m_open->setStatusTip(tr("Opens AeroDesk's diagnostic log, the file to send to support."));
    connect(m_open, &QAction::triggered, this, &DiagnosticsMenu::openLog);
    m_copy = menu->addAction(tr("&Copy diagnostics"));
    m_copy->setObjectName(QStringLiteral("copyDiagnosticsAction"));
    m_copy->setStatusTip(
        tr("Copies versions, the kind of environment and the recent log (nothing secret) "
           "to the clipboard."));
    connect(m_copy, &QAction::triggered, this, &DiagnosticsMenu::copyDiagnostics);
}

void DiagnosticsMenu::openLog()
{
    const QString path = DiagnosticLog::filePath();
    if (!QFileInfo::exists(path)) {
        qCInfo(aerodesk::log::ui).noquote() << "no diagnostic log to open at" << path;
        tell(QStringLiteral("diagnosticLogMissingDialog"),
             tr("There is no diagnostic log yet. AeroDesk writes it to %1 as soon as it has "
                "something "
                "to record.")
                 .arg(QDir::toNativeSeparators(path)));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path))) {
        qCWarning(aerodesk::log::ui).noquote()
            << "the desktop could not open the diagnostic log" << path;
        tell(QStringLiteral("diagnosticLogOpenFailedDialog"),
             tr("The desktop has no program to open the diagnostic log. The file is %1.")
                 .arg(QDir::toNativeSeparators(path)));
    }
}

void DiagnosticsMenu::copyDiagnostics()
{
    QGuiApplication::clipboard()->setText(
        DiagnosticsReport::text(m_kind ? m_kind() : std::nullopt));
    qCInfo(aerodesk::log::ui) << "diagnostics copied to the clipboard";
    if (auto *main = qobject_cast<QMainWindow *>(m_window))
        main->statusBar()->showMessage(tr("Diagnostics copied to the clipboard."), 5000);
}

void DiagnosticsMenu::tell(const QString &objectName, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Diagnostic log"), text,
                                QMessageBox::Close, m_window);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace aerodesk::ui
