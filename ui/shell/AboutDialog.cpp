#include "ui/shell/AboutDialog.h"

#include "core/util/CoreVersion.h"
#include "ui/common/Icons.h"

#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace aerodesk::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About AeroDesk"));

    auto *icon = new QLabel(this);
    icon->setPixmap(Icons::appIcon().pixmap(QSize(64, 64), devicePixelRatioF()));
    icon->setAlignment(Qt::AlignTop);

    auto *text = new QLabel(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextBrowserInteraction);
    text->setText(
        tr("<h2>AeroDesk %1</h2>"
           "<p>Support console for Aerosync bank links and embedded banking.</p>"
           "<p><b>Versions</b><br>%2</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(CoreVersion::application().toHtmlEscaped(),
                 versionText().toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"))));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("aboutButtons"));
    QPushButton *close = buttons->button(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("aboutCloseButton"));
    close->setAccessibleName(tr("Close"));
    QPushButton *copy = buttons->addButton(tr("Copy versions"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("aboutCopyVersionsButton"));
    copy->setAccessibleName(tr("Copy versions to the clipboard"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this,
            [] { QGuiApplication::clipboard()->setText(versionText()); });

    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    top->addWidget(icon);
    top->addWidget(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QString AboutDialog::versionText()
{
    return tr("AeroDesk %1\nQt %2 (built with %3)\n%4")
        .arg(CoreVersion::application(), CoreVersion::qtRuntime(), QStringLiteral(QT_VERSION_STR),
             CoreVersion::openSslRuntime());
}

} // namespace aerodesk::ui
