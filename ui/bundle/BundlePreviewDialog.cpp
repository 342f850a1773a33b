#include "ui/bundle/BundlePreviewDialog.h"

#include "core/bundle/BundleBuilder.h"
#include "core/bundle/BundleWritten.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/util/Clock.h"
#include "ui/common/DataText.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/OffUiThread.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <optional>

namespace aerodesk::ui {

using bundle::BundleRedactor;

BundlePreviewDialog::BundlePreviewDialog(bundle::BundleSources sources, const Clock &clock,
                                         QWidget *parent)
    : QDialog(parent)
    , m_sources(std::move(sources))
    , m_clock(clock)
{
    setObjectName(QStringLiteral("bundlePreviewDialog"));
    setWindowTitle(m_sources.subject == bundle::BundleSources::Subject::PartnerUser
                       ? tr("Escalation bundle — partner user %1")
                             .arg(connections::IdMask::mask(m_sources.subjectId))
                       : tr("Escalation bundle — connection %1")
                             .arg(connections::IdMask::mask(m_sources.subjectId)));
    m_chooser = [](QWidget *parent, const QString &suggested) {
        return QFileDialog::getSaveFileName(parent, tr("Save escalation bundle"), suggested,
                                            tr("ZIP archives (*.zip)"));
    };

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("These files go into the ZIP exactly as shown. Secrets (tokens, keys, userCodes, "
           "webhook secrets) are never included; choose whether identifiers are masked."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *formRow = new QFormLayout;
    m_form = new QComboBox(this);
    m_form->setObjectName(QStringLiteral("bundleForm"));
    m_form->setAccessibleName(tr("Bundle form"));
    m_form->addItem(BundleRedactor::formLabel(BundleRedactor::Form::Masked),
                    BundleRedactor::formName(BundleRedactor::Form::Masked));
    m_form->addItem(BundleRedactor::formLabel(BundleRedactor::Form::Provider),
                    BundleRedactor::formName(BundleRedactor::Form::Provider));
    formRow->addRow(tr("Identifiers:"), m_form);
    layout->addLayout(formRow);

    auto *split = new QSplitter(this);
    m_files = new QListWidget(split);
    m_files->setObjectName(QStringLiteral("bundleFiles"));
    m_files->setAccessibleName(tr("Files in the bundle"));
    markAsData(m_files);
    m_content = new QPlainTextEdit(split);
    m_content->setObjectName(QStringLiteral("bundleFileContent"));
    m_content->setAccessibleName(tr("Content of the selected file"));
    m_content->setReadOnly(true);
    m_content->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_content->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    markAsData(m_content);
    split->addWidget(m_files);
    split->addWidget(m_content);
    split->setStretchFactor(1, 3);
    layout->addWidget(split, 1);

    m_status = namedLabel(QStringLiteral("bundleStatus"), tr("Bundle status"), this);
    layout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = namedButton(tr("Save…"), QStringLiteral("bundleSave"),
                         tr("Save the escalation bundle"), this);
    buttons->addButton(m_save, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &BundlePreviewDialog::save);
    connect(m_form, &QComboBox::currentIndexChanged, this, &BundlePreviewDialog::rebuild);
    connect(m_files, &QListWidget::currentRowChanged, this, &BundlePreviewDialog::showPart);

    resize(900, 600);
    rebuild();
}

BundleRedactor::Form BundlePreviewDialog::form() const
{
    return BundleRedactor::formFromName(m_form->currentData().toString())
        .value_or(BundleRedactor::Form::Masked);
}

void BundlePreviewDialog::setForm(BundleRedactor::Form form)
{
    m_form->setCurrentIndex(m_form->findData(BundleRedactor::formName(form)));
}

void BundlePreviewDialog::setBusy(bool busy, const QString &status)
{
    m_busy = busy;
    m_save->setEnabled(!busy && !m_parts.isEmpty());
    m_status->setText(status);
}

void BundlePreviewDialog::rebuild()
{
    const quint64 generation = ++m_generation;
    setBusy(true, tr("Preparing the preview…"));
    const bundle::BundleSources sources = m_sources;
    const BundleRedactor::Form chosen = form();
    const Clock *clock = &m_clock;
    runOffUiThread<QList<bundle::BundlePart>>(
        this,
        [sources, chosen, clock] { return bundle::BundleBuilder(*clock).build(sources, chosen); },
        [this, generation](QList<bundle::BundlePart> parts) {
            if (generation != m_generation)
                return; // the form changed again meanwhile
            const QString current =
                m_files->currentItem() ? m_files->currentItem()->text() : QString();
            m_parts = std::move(parts);
            m_files->clear();
            int select = 0;
            for (int i = 0; i < m_parts.size(); ++i) {
                m_files->addItem(m_parts.at(i).name);
                if (m_parts.at(i).name == current)
                    select = i;
            }
            m_files->setCurrentRow(select);
            showPart(select);
            setBusy(false, tr("%n file(s) will go into the bundle.", nullptr, int(m_parts.size())));
            Q_EMIT previewReady();
        });
}

void BundlePreviewDialog::showPart(int row)
{
    if (row < 0 || row >= m_parts.size()) {
        m_content->clear();
        return;
    }
    m_content->setPlainText(QString::fromUtf8(m_parts.at(row).bytes));
}

void BundlePreviewDialog::save()
{
    if (m_busy || m_parts.isEmpty())
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(QStringLiteral("aerodesk-bundle-%1-%2.zip")
                          .arg(BundleRedactor::formName(form()),
                               m_clock.nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QString path = m_chooser(this, suggested);
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        path += QStringLiteral(".zip");
    setBusy(true, tr("Writing %1…").arg(path));
    const QList<bundle::BundlePart> parts = m_parts; // exactly what the preview shows
    const QDateTime at = m_clock.nowUtc();
    const bundle::BundleSources sources = m_sources;
    // Written and described off the UI thread; the audit seam is told on this (the store's)
    // thread.
    using Written = std::pair<std::optional<QString>, bundle::BundleWritten>;
    runOffUiThread<Written>(
        this,
        [parts, path, at, sources]() -> Written {
            if (auto error = bundle::ZipBundleWriter::write(path, parts, at))
                return { error, {} };
            return { std::nullopt, bundle::BundleWritten::describe(path, parts, at, sources) };
        },
        [this, path](Written written) {
            if (const std::optional<QString> &error = written.first) {
                setBusy(false, tr("Not saved: %1").arg(*error));
                Q_EMIT saveFailed(*error);
                return;
            }
            bundle::BundleWritten::notify(written.second);
            setBusy(false, tr("Saved to %1.").arg(path));
            Q_EMIT bundleWritten(path);
        });
}

} // namespace aerodesk::ui
