#include "ui/common/SmallTextFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDialog>

namespace aerodesk::ui {

void SmallTextFile::pick(QWidget *parent, const QString &title, const QString &what,
                         qint64 maxBytes, std::function<void(const QString &text)> loaded,
                         std::function<void(const QString &error)> failed)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("aerodesk::ui::SmallTextFile", text);
    };
    auto *dialog = new QFileDialog(parent, title);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    QObject::connect(dialog, &QFileDialog::fileSelected, dialog,
                     [tr, what, maxBytes, loaded, failed](const QString &path) {
                         QFile f(path);
                         if (!f.open(QIODevice::ReadOnly))
                             return failed(tr("Cannot read %1: %2").arg(path, f.errorString()));
                         if (f.size() > maxBytes)
                             return failed(tr("%1 is too large for %2 (over %3 KiB).")
                                               .arg(path, what)
                                               .arg(maxBytes / 1024));
                         loaded(QString::fromUtf8(f.read(maxBytes)));
                     });
    dialog->open();
}

} // namespace aerodesk::ui
