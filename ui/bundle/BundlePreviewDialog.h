#pragma once

#include "core/bundle/BundlePart.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/BundleSources.h"

#include <QDialog>
#include <QList>

#include <functional>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace aerodesk {
class Clock;
}

namespace aerodesk::ui {

/// The escalation bundle's preview (docs/bundle.md): every file that will go into the ZIP, each
/// viewable as read-only text, the form chooser (masked / provider-facing), and Save… — which
/// writes exactly the files shown. Building and writing run off the UI thread; the dialog shows
/// only what core/bundle decided. After a write, bundle::BundleWritten::notify() (the audit
/// seam) and bundleWritten() fire.
class BundlePreviewDialog : public QDialog
{
    Q_OBJECT
public:
    /// Where to save: given the suggested file name, a path or empty (cancelled). By default a
    /// QFileDialog; tests replace it.
    using FileChooser = std::function<QString(QWidget *parent, const QString &suggested)>;

    /// `sources` must be a snapshot (its providers run on a worker thread); `clock` must outlive
    /// the dialog.
    BundlePreviewDialog(bundle::BundleSources sources, const Clock &clock,
                        QWidget *parent = nullptr);

    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }
    bundle::BundleRedactor::Form form() const;
    void setForm(bundle::BundleRedactor::Form form);
    /// The files shown (manifest first); empty while the first preview is being built.
    QList<bundle::BundlePart> parts() const { return m_parts; }
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    /// A preview for the current form is shown.
    void previewReady();
    /// The ZIP was written to `path`.
    void bundleWritten(const QString &path);
    void saveFailed(const QString &why);

private:
    void rebuild();
    void showPart(int row);
    void save();
    void setBusy(bool busy, const QString &status);

    bundle::BundleSources m_sources;
    const Clock &m_clock;
    FileChooser m_chooser;
    QList<bundle::BundlePart> m_parts;
    quint64 m_generation = 0;
    bool m_busy = false;
    QComboBox *m_form = nullptr;
    QListWidget *m_files = nullptr;
    QPlainTextEdit *m_content = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace aerodesk::ui
