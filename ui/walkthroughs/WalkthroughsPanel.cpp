#include "ui/walkthroughs/WalkthroughsPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/session/Session.h"
#include "core/util/Clock.h"
#include "core/walkthrough/WalkthroughReport.h"
#include "ui/common/NoticeLine.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace aerodesk::ui {

using walkthrough::Walkthrough;
using walkthrough::WalkthroughStep;

WalkthroughsPanel::WalkthroughsPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
{
    for (Walkthrough::Kind kind : Walkthrough::all()) {
        auto w = std::make_unique<Walkthrough>(kind, m_session);
        connect(w.get(), &Walkthrough::stepChanged, this, [this, raw = w.get()] {
            if (raw == &current())
                showSteps();
        });
        connect(w.get(), &Walkthrough::finished, this, [this, kind](bool ok) {
            const int row = int(Walkthrough::all().indexOf(kind));
            if (QListWidgetItem *item = m_list->item(row)) {
                item->setIcon(style()->standardIcon(ok ? QStyle::SP_DialogApplyButton
                                                       : QStyle::SP_MessageBoxCritical));
                item->setData(Qt::AccessibleDescriptionRole,
                              ok ? tr("last run passed") : tr("last run failed"));
            }
            showSteps();
            updateActions();
            Q_EMIT walkthroughFinished(kind, ok);
        });
        m_walkthroughs.push_back(std::move(w));
    }
    build();
    syncWithSession();
}

WalkthroughsPanel::~WalkthroughsPanel() = default;

void WalkthroughsPanel::build()
{
    setObjectName(QStringLiteral("walkthroughsPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<h2>Sandbox walkthroughs</h2>Rehearse each flow against the built-in sandbox; "
           "a step is ticked only when the sandbox confirms it."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto *row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setAccessibleName(tr("Walkthroughs"));
    m_list->setMaximumWidth(320);
    // Long titles wrap inside the list instead of being cut off.
    m_list->setWordWrap(true);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (Walkthrough::Kind kind : Walkthrough::all())
        m_list->addItem(Walkthrough::title(kind));
    m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        showSteps();
        updateActions();
    });
    row->addWidget(m_list);

    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("walkthroughSteps"));
    m_steps->setAccessibleName(tr("Walkthrough steps"));
    m_steps->setColumnCount(3);
    m_steps->setHeaderLabels({ tr("Step"), tr("State"), tr("What the sandbox confirmed") });
    m_steps->setRootIsDecorated(false);
    // The state as wide as it needs, the step title and the result elided where they do not fit
    // (their tooltips have them in full).
    m_steps->setWordWrap(false);
    m_steps->setTextElideMode(Qt::ElideMiddle);
    m_steps->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_steps->setColumnWidth(0, 20 * fontMetrics().horizontalAdvance(QLatin1Char('M')));
    m_steps->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_steps->header()->setAccessibleName(tr("Columns"));
    row->addWidget(m_steps, 1);
    layout->addLayout(row, 1);

    auto *actions = new QHBoxLayout;
    m_status = new NoticeLine(QStringLiteral("walkthroughStatus"), tr("Walkthrough status"), this);
    m_status->setKeepsSpaceWhenEmpty(true);
    m_run = new QPushButton(tr("&Run walkthrough"), this);
    m_run->setAccessibleName(tr("Run the selected walkthrough"));
    m_exportMd = new QPushButton(tr("Export &Markdown…"), this);
    m_exportMd->setAccessibleName(tr("Export the result as Markdown"));
    m_exportHtml = new QPushButton(tr("Export &HTML…"), this);
    m_exportHtml->setAccessibleName(tr("Export the result as HTML"));
    actions->addWidget(m_status, 1);
    actions->addWidget(m_exportMd);
    actions->addWidget(m_exportHtml);
    actions->addWidget(m_run);
    layout->addLayout(actions);
    connect(m_run, &QPushButton::clicked, this, &WalkthroughsPanel::runCurrent);
    auto exporter = [this](bool html) {
        auto *dialog =
            new QFileDialog(this, html ? tr("Export as HTML") : tr("Export as Markdown"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setAcceptMode(QFileDialog::AcceptSave);
        dialog->setDefaultSuffix(html ? QStringLiteral("html") : QStringLiteral("md"));
        connect(dialog, &QFileDialog::fileSelected, this, [this, html](const QString &path) {
            const QString error = exportTo(path, html);
            if (audit::AuditTrail *trail = m_session.audit())
                trail->record(audit::AuditAction::Export,
                              tr("walkthrough report to %1").arg(QFileInfo(path).fileName()),
                              error.isEmpty() ? audit::AuditOutcome::Ok
                                              : audit::AuditOutcome::Failed);
            if (error.isEmpty())
                m_status->showSuccess(tr("Exported to %1").arg(path));
            else
                m_status->showError(error);
        });
        dialog->open();
    };
    connect(m_exportMd, &QPushButton::clicked, this, [exporter] { exporter(false); });
    connect(m_exportHtml, &QPushButton::clicked, this, [exporter] { exporter(true); });
    showSteps();
}

Walkthrough &WalkthroughsPanel::currentMutable() const
{
    const int row = qBound(0, m_list ? m_list->currentRow() : 0, int(m_walkthroughs.size()) - 1);
    return *m_walkthroughs[std::size_t(row)];
}

const Walkthrough &WalkthroughsPanel::current() const
{
    return currentMutable();
}

void WalkthroughsPanel::select(Walkthrough::Kind kind)
{
    m_list->setCurrentRow(int(Walkthrough::all().indexOf(kind)));
}

void WalkthroughsPanel::runCurrent()
{
    if (!m_run->isEnabled())
        return;
    currentMutable().run();
    updateActions();
}

void WalkthroughsPanel::showSteps()
{
    if (!m_steps)
        return;
    const Walkthrough &w = current();
    m_steps->clear();
    for (const WalkthroughStep &s : w.steps()) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(0, s.title);
        item->setToolTip(0,
                         s.title + QStringLiteral("\n\n") +
                             s.explanation); // the title in full if it is elided
        QString state;
        QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
        switch (s.state) {
        case WalkthroughStep::State::Done:
            state = tr("✔ done");
            icon = QStyle::SP_DialogApplyButton;
            break;
        case WalkthroughStep::State::Failed:
            state = tr("✘ failed");
            icon = QStyle::SP_MessageBoxCritical;
            break;
        case WalkthroughStep::State::Running:
            state = tr("… running");
            icon = QStyle::SP_BrowserReload;
            break;
        case WalkthroughStep::State::Skipped:
            state = tr("skipped");
            break;
        case WalkthroughStep::State::Pending:
            state = tr("to do");
            break;
        }
        item->setText(1, state);
        if (icon != QStyle::SP_CustomBase)
            item->setIcon(1, style()->standardIcon(icon));
        item->setText(2,
                      s.nextStep.isEmpty() ? s.result
                                           : tr("%1 — Next step: %2").arg(s.result, s.nextStep));
        item->setToolTip(2, item->text(2));
        item->setData(1, Qt::AccessibleTextRole, state);
    }
}

void WalkthroughsPanel::updateActions()
{
    const Walkthrough &w = current();
    QString why;
    NoticeLine::Kind kind = NoticeLine::Kind::Info;
    if (!m_session.isReady())
        why = tr("Waiting for the sandbox to be ready…");
    else if (!m_session.isSandbox())
        why = tr("Walkthroughs run against a sandbox only; the active environment is production.");
    else if (w.kind() != Walkthrough::Kind::EmbeddedBanking && !m_session.store()) {
        why = tr("The encrypted store is not open: %1").arg(m_session.lastError());
        kind = m_session.lastError().isEmpty() ? NoticeLine::Kind::Info : NoticeLine::Kind::Warning;
    } else if (w.isRunning())
        why = tr("Running…");
    m_run->setEnabled(why.isEmpty());
    m_run->setToolTip(why);
    m_status->setNotice(kind, why);
    bool ran = false;
    for (const WalkthroughStep &s : w.steps())
        ran = ran || s.state == WalkthroughStep::State::Done ||
            s.state == WalkthroughStep::State::Failed;
    m_exportMd->setEnabled(ran && !w.isRunning());
    m_exportHtml->setEnabled(ran && !w.isRunning());
}

QString WalkthroughsPanel::exportTo(const QString &path, bool html) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return tr("Cannot write %1: %2").arg(path, f.errorString());
    const QDateTime now = m_session.clock().nowUtc();
    f.write((html ? walkthrough::WalkthroughReport::toHtml(current(), now)
                  : walkthrough::WalkthroughReport::toMarkdown(current(), now))
                .toUtf8());
    return {};
}

} // namespace aerodesk::ui
