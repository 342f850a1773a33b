#include "ui/jobs/JobsPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/connections/IdMask.h"
#include "core/connections/LinkRecorder.h"
#include "core/jobs/JobRunner.h"
#include "core/session/Session.h"
#include "core/store/ConnectionQuery.h"
#include "core/store/Store.h"
#include "core/timeline/TimelineRecorder.h"
#include "ui/common/DataText.h"
#include "ui/common/NoticeLine.h"
#include "ui/jobs/JobProgressDelegate.h"
#include "ui/jobs/JobsModel.h"
#include "ui/jobs/LinkWidgetDialog.h"
#include "ui/jobs/MfaPromptDialog.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCompleter>
#include <QFontMetrics>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QShowEvent>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace aerodesk::ui {

JobsPanel::JobsPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
{
    m_model = new JobsModel(this);
    build();
    syncWithSession();
}

JobsPanel::~JobsPanel()
{
    for (const auto &c : std::as_const(m_runnerConnections))
        disconnect(c);
    for (const auto &c : std::as_const(m_recorderConnections))
        disconnect(c);
}

void JobsPanel::build()
{
    setObjectName(QStringLiteral("jobsPanel"));
    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<h2>Jobs</h2>Balance, transactions and identity jobs: progress, attempts, and what "
           "to do next when one does not complete."),
        this);
    title->setWordWrap(true);
    layout->addWidget(title);

    auto *startRow = new QHBoxLayout;
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("jobType"));
    m_type->setAccessibleName(tr("Job type"));
    for (api::JobType t :
         { api::JobType::Balance, api::JobType::Transactions, api::JobType::Identity })
        m_type->addItem(JobsModel::typeText(t), int(t));
    // The tracked connections (masked id + bank name), searchable; a raw id can still be typed.
    m_connection = new QComboBox(this);
    m_connection->setObjectName(QStringLiteral("jobConnection"));
    m_connection->setAccessibleName(tr("Connection"));
    m_connection->setEditable(true);
    m_connection->setInsertPolicy(QComboBox::NoInsert);
    m_connection->setMinimumContentsLength(28);
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_connection->lineEdit()->setObjectName(QStringLiteral("jobConnectionId"));
    m_connection->lineEdit()->setAccessibleName(tr("Connection ID"));
    m_connection->lineEdit()->setPlaceholderText(tr("Pick a tracked connection or type a "
                                                    "connectionId"));
    m_connection->lineEdit()->setClearButtonEnabled(true);
    for (auto *clear : m_connection->lineEdit()->findChildren<QAbstractButton *>())
        clear->setAccessibleName(tr("Clear the connection ID"));
    m_connection->completer()->setFilterMode(Qt::MatchContains);
    m_connection->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_connection->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_connection->setToolTip(tr("Type part of a bank name or of the masked id to search."));
    markAsData(m_connection); // masked ids and bank names, or a typed id
    m_start = new QPushButton(tr("&Start job"), this);
    m_start->setObjectName(QStringLiteral("jobStart"));
    m_start->setAccessibleName(tr("Start the job"));
    m_loading = new NoticeLine(QStringLiteral("jobsLoading"), tr("Jobs panel status"), this);
    auto *typeLabel = new QLabel(tr("&Type:"), this);
    typeLabel->setBuddy(m_type);
    auto *connectionLabel = new QLabel(tr("C&onnection:"), this);
    connectionLabel->setBuddy(m_connection);
    startRow->addWidget(typeLabel);
    startRow->addWidget(m_type);
    startRow->addWidget(connectionLabel);
    startRow->addWidget(m_connection, 1);
    startRow->addWidget(m_start);
    layout->addLayout(startRow);
    layout->addWidget(m_loading);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("jobsEmptyState"));
    m_empty->setAccessibleName(tr("What to do first"));
    m_empty->setWordWrap(true);
    layout->addWidget(m_empty);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("jobsTable"));
    m_table->setAccessibleName(tr("Jobs"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(JobsModel::ProgressColumn, new JobProgressDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all"));
    m_table->horizontalHeader()->setAccessibleName(tr("Columns"));
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Sized once from what these columns can ever show (a fixed vocabulary: job types, states
    // and outcomes, masked ids, attempt counts, elapsed times), not re-fitted to the rows: with
    // 500 jobs polling, ResizeToContents re-measured the cells in view after every change (text
    // layout; ~10 ms a turn beside the paint, bench/JobsStallProbe.cpp). Still resizable.
    fitColumnsToVocabulary();
    m_table->setColumnWidth(JobsModel::ProgressColumn, 140);
    layout->addWidget(m_table, 1);

    auto *bottom = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_summary->setAccessibleName(tr("Selected job"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cancel = new QPushButton(tr("&Cancel job"), this);
    m_cancel->setObjectName(QStringLiteral("jobCancel"));
    m_cancel->setAccessibleName(tr("Cancel the selected job"));
    m_reconnectButton = new QPushButton(tr("&Reconnect…"), this);
    m_reconnectButton->setObjectName(QStringLiteral("jobReconnect"));
    m_reconnectButton->setAccessibleName(tr("Reconnect the selected job's connection"));
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(m_reconnectButton);
    bottom->addWidget(m_cancel);
    layout->addLayout(bottom);

    connect(m_start, &QPushButton::clicked, this, [this] {
        startJob(api::JobType(m_type->currentData().toInt()), chosenConnectionId());
    });
    connect(m_connection->lineEdit(), &QLineEdit::returnPressed, m_start, [this] {
        if (m_start->isEnabled())
            m_start->click();
    });
    connect(m_connection, &QComboBox::editTextChanged, this, &JobsPanel::updateActions);
    connect(m_cancel, &QPushButton::clicked, this, &JobsPanel::cancelSelected);
    connect(m_reconnectButton, &QPushButton::clicked, this, &JobsPanel::reconnectSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &JobsPanel::updateActions);
    // Only a change to the selected row changes what the actions and the summary say: with 500
    // jobs polling, refreshing them for every other row's change was most of the panel's cost.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_table->currentIndex().row();
                if (row < 0 || (row >= topLeft.row() && row <= bottomRight.row()))
                    updateActions();
            });
    // The newest job is the one being watched: selected at once when it is the turn's first new
    // row. Rows added later in the same turn are selected together on the next turn: selecting
    // each of 500 rows started in one turn forced a full item layout per row (bench probe).
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int, int last) {
                if (m_insertedThisTurn) {
                    m_selectNewestLater = true;
                    return;
                }
                m_insertedThisTurn = true;
                m_table->selectRow(last);
                updateEmptyState();
                QTimer::singleShot(0, this, [this] {
                    m_insertedThisTurn = false;
                    if (std::exchange(m_selectNewestLater, false) && m_model->rowCount() > 0)
                        m_table->selectRow(m_model->rowCount() - 1);
                });
            });
    updateEmptyState();
}

void JobsPanel::fitColumnsToVocabulary()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics cells(m_table->font());
    const QFontMetrics titles(header->font());
    // Cell and header padding as the styles draw it (margins, focus frame, sort arrow room).
    const int pad =
        2 * m_table->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_table) +
        cells.averageCharWidth() * 2;
    const int titlePad = titles.averageCharWidth() * 2 +
        m_table->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header) * 2;
    QStringList states { JobsModel::tr("Starting"), JobsModel::tr("Not watched") };
    for (api::JobState st :
         { api::JobState::Initiated, api::JobState::InProgress, api::JobState::PendingMfa,
           api::JobState::Completed, api::JobState::Failed, api::JobState::Unknown })
        states << JobsModel::stateText(st);
    for (jobs::JobOutcome o :
         { jobs::JobOutcome::Completed, jobs::JobOutcome::Failed, jobs::JobOutcome::TimedOut,
           jobs::JobOutcome::AlreadyRunning, jobs::JobOutcome::Skipped,
           jobs::JobOutcome::MfaTimedOut, jobs::JobOutcome::MfaLocked, jobs::JobOutcome::Cancelled,
           jobs::JobOutcome::Error })
        states << JobsModel::outcomeText(o);
    const QList<QPair<int, QStringList>> vocabulary {
        { JobsModel::TypeColumn,
          { JobsModel::typeText(api::JobType::Balance),
            JobsModel::typeText(api::JobType::Transactions),
            JobsModel::typeText(api::JobType::Identity) } },
        { JobsModel::ConnectionColumn,
          { connections::IdMask::mask(QStringLiteral("WWWWWWWWWWWW")),
            connections::IdMask::mask(QStringLiteral("WWWWWWWW")) } },
        { JobsModel::StateColumn, states },
        { JobsModel::AttemptsColumn, { QStringLiteral("9999") } },
        { JobsModel::ElapsedColumn,
          { JobsModel::formatElapsed(59000), JobsModel::formatElapsed(99 * 60000 + 59000) } },
    };
    for (const auto &[column, texts] : vocabulary) {
        int width =
            titles.horizontalAdvance(m_model->headerData(column, Qt::Horizontal).toString()) +
            titlePad;
        for (const QString &t : texts)
            width = std::max(width, cells.horizontalAdvance(t) + pad);
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        m_table->setColumnWidth(column, width);
    }
}

void JobsPanel::sessionEnvironmentChanged()
{
    rebind();
    // A link or reconnect recorded by the session's LinkRecorder appears in the picker at once.
    for (const auto &c : std::as_const(m_recorderConnections))
        disconnect(c);
    m_recorderConnections.clear();
    if (connections::LinkRecorder *recorder = m_session.linkRecorder())
        m_recorderConnections << connect(recorder, &connections::LinkRecorder::recorded, this,
                                         &JobsPanel::reloadConnections);
    reloadConnections();
}

void JobsPanel::showEvent(QShowEvent *event)
{
    SessionPanel::showEvent(event);
    reloadConnections(); // the Connections panel may have imported or removed some meanwhile
}

void JobsPanel::reloadConnections()
{
    const QString typed = m_connection->currentText();
    const QString chosen = chosenConnectionId();
    QList<connections::Connection> listed;
    if (store::Store *store = m_session.store()) {
        store::ConnectionQuery query;
        query.limit = kMaxListed;
        auto status = store->connections().scan(query, 100, [&listed](auto &&batch) {
            listed.append(batch);
            return true;
        });
        if (!status.ok())
            listed.clear();
    }
    const QSignalBlocker block(m_connection);
    m_connection->clear();
    for (const connections::Connection &c : std::as_const(listed)) {
        const QString text = c.bankName.isEmpty()
            ? connections::IdMask::mask(c.connectionId)
            : tr("%1 — %2").arg(connections::IdMask::mask(c.connectionId), c.bankName);
        m_connection->addItem(text, c.connectionId);
        m_connection->setItemData(m_connection->count() - 1, text, Qt::AccessibleTextRole);
    }
    // Keep what the person had chosen or typed.
    const int again = m_connection->findData(chosen);
    if (again >= 0)
        m_connection->setCurrentIndex(again);
    else {
        m_connection->setCurrentIndex(-1);
        m_connection->setEditText(typed);
    }
    updateActions();
}

QString JobsPanel::chosenConnectionId() const
{
    const QString text = m_connection->currentText().trimmed();
    if (text.isEmpty())
        return {};
    const int picked = m_connection->findText(text, Qt::MatchFixedString);
    if (picked >= 0)
        return m_connection->itemData(picked).toString();
    return text; // a raw connectionId typed in
}

void JobsPanel::updateEmptyState()
{
    if (m_model->rowCount() > 0) {
        m_empty->hide();
        return;
    }
    m_empty->setText(
        m_connection->count() == 0
            ? tr("No jobs yet. First track or link a connection in the Connections panel (import "
                 "the sandbox's connections, or Link a bank); then pick it here and start a job. "
                 "A connectionId can also be typed in.")
            : tr("No jobs yet. Pick a tracked connection above, choose the job type and click "
                 "Start job."));
    m_empty->show();
}

void JobsPanel::rebind()
{
    for (const auto &c : std::as_const(m_runnerConnections))
        disconnect(c);
    m_runnerConnections.clear();
    for (const auto &p : std::as_const(m_prompts))
        if (p)
            p->close();
    m_prompts.clear();
    jobs::JobRunner *runner = m_session.jobs();
    m_model->setRunner(runner);
    if (runner) {
        m_runnerConnections << connect(runner, &jobs::JobRunner::mfaRequired, this,
                                       &JobsPanel::onMfaRequired)
                            << connect(runner, &jobs::JobRunner::finished, this,
                                       &JobsPanel::onFinished);
        // A job that was already waiting for MFA when this panel was created gets its prompt.
        for (const jobs::JobRunner::Running &job : runner->running()) {
            if (job.mfaPending)
                onMfaRequired(job.key, job.jobId, job.connectionId, job.mfaEndsAt);
        }
    }
    updateActions();
}

quint64 JobsPanel::startJob(api::JobType type, const QString &connectionId)
{
    jobs::JobRunner *runner = m_session.jobs();
    if (!runner || connectionId.isEmpty())
        return 0;
    return runner->start(type, connectionId);
}

MfaPromptDialog *JobsPanel::mfaPrompt(quint64 key) const
{
    return m_prompts.value(key);
}

QString JobsPanel::bankName(const QString &connectionId) const
{
    store::Store *store = m_session.store();
    if (!store)
        return {};
    auto c = store->connections().get(connectionId);
    return c.ok() ? c.value().bankName : QString();
}

void JobsPanel::onMfaRequired(quint64 key, const QString &jobId, const QString &connectionId,
                              const QDateTime &endsAt)
{
    MfaRequest request;
    request.key = key;
    request.jobId = jobId;
    request.connectionId = connectionId;
    request.windowEndsAt = endsAt;
    request.bankName = bankName(connectionId);
    if (const auto running = m_session.jobs()) {
        for (api::JobType t :
             { api::JobType::Balance, api::JobType::Transactions, api::JobType::Identity })
            if (running->runningJob(connectionId, t) == key)
                request.type = t;
    }
    auto *prompt = new MfaPromptDialog(m_session, request, this);
    // The MFA widget itself opens at once with the bank's countdown: no extra click.
    prompt->setWindowFlag(Qt::Dialog);
    connect(prompt, &MfaPromptDialog::mfaCompleted, this, [this](quint64 k) {
        if (jobs::JobRunner *r = m_session.jobs())
            r->mfaCompleted(k);
    });
    connect(prompt, &MfaPromptDialog::restartRequested, this, &JobsPanel::startJob);
    m_prompts.insert(key, prompt);
    prompt->show(); // at once, non-modal
    Q_EMIT mfaPromptOpened(key, prompt);
    prompt->relaunch();
}

void JobsPanel::onFinished(const jobs::JobResult &result)
{
    if (QPointer<MfaPromptDialog> prompt = m_prompts.take(result.key))
        prompt->jobFinished(result);
    // The model's dataChanged already refreshed the actions if this job is the selected row;
    // the other 499 of a large batch change nothing the actions or summary show.
    const int row = m_table->currentIndex().row();
    if (row < 0 || m_model->rowForKey(result.key) == row)
        updateActions();
}

void JobsPanel::reconnectSelected()
{
    const QModelIndex index = m_model->index(m_table->currentIndex().row(), 0);
    if (!index.data(JobsModel::NeedsReconnectRole).toBool())
        return;
    openReconnect(index.data(JobsModel::ConnectionIdRole).toString());
}

LinkWidgetDialog *JobsPanel::openReconnect(const QString &connectionId)
{
    if (!m_session.isReady() || connectionId.isEmpty())
        return nullptr;
    if (m_reconnect)
        m_reconnect->dismiss();
    auto *dialog = new LinkWidgetDialog(*m_session.client(), *m_session.widgetEvents(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reconnect = dialog;
    if (auto *timeline = m_session.timeline()) // one timeline per connection (issue 15)
        timeline->attach(dialog->session(), *m_session.widgetEvents());
    connect(dialog, &LinkWidgetDialog::sessionFinished, this,
            [this, connectionId](const api::LinkWidgetResult &result) {
                if (result.linked())
                    m_loading->showSuccess(tr("Connection %1 is reconnected: start the job again.")
                                               .arg(connections::IdMask::mask(connectionId)));
                else if (result.outcome != api::LinkWidgetResult::Outcome::Closed)
                    m_loading->showError(
                        tr("The reconnect did not complete: %1").arg(result.message));
            });
    dialog->startReconnect(connectionId);
    if (audit::AuditTrail *trail = m_session.audit())
        trail->record(audit::AuditAction::Reconnect, connections::IdMask::mask(connectionId),
                      audit::AuditOutcome::Ok, {}, connectionId);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    Q_EMIT reconnectOpened(dialog);
    return dialog;
}

void JobsPanel::cancelSelected()
{
    const quint64 key = m_model->runningKeyAt(m_table->currentIndex().row());
    if (key && m_session.jobs())
        m_session.jobs()->cancel(key);
}

void JobsPanel::updateActions()
{
    const bool ready = m_session.isReady();
    if (ready)
        m_loading->clearNotice();
    else if (m_session.lastError().isEmpty())
        m_loading->showInfo(tr("Waiting for the environment…"));
    else
        m_loading->showError(tr("The environment is not available: %1").arg(m_session.lastError()));
    QString why;
    if (!ready)
        why = tr("Waiting for the environment…");
    else if (chosenConnectionId().isEmpty())
        why = m_connection->count() == 0
            ? tr("Type a connectionId, or track or link a connection in the Connections panel "
                 "first.")
            : tr("Pick a connection first (or type a connectionId).");
    m_start->setEnabled(why.isEmpty());
    m_start->setToolTip(why);

    const int row = m_table->currentIndex().row();
    QString cancelWhy;
    if (row < 0)
        cancelWhy = tr("Select a running job to cancel it.");
    else if (!m_model->isRunning(row))
        cancelWhy = tr("This job has ended (%1); there is nothing to cancel.")
                        .arg(m_model->index(row, JobsModel::StateColumn).data().toString());
    m_cancel->setEnabled(cancelWhy.isEmpty());
    m_cancel->setToolTip(cancelWhy.isEmpty()
                             ? tr("Stop watching this job (the bank's job is not stopped).")
                             : cancelWhy);
    const bool reconnect =
        ready && row >= 0 && m_model->index(row, 0).data(JobsModel::NeedsReconnectRole).toBool();
    m_reconnectButton->setEnabled(reconnect);
    m_reconnectButton->setToolTip(
        reconnect ? tr("The bank needs the user again: open the reconnect widget on this same "
                       "connection (never a fresh link).")
                  : tr("Offered when a job's error means the connection needs the user again."));
    updateEmptyState();
    if (row >= 0) {
        const QModelIndex result = m_model->index(row, JobsModel::ResultColumn);
        const QString jobId = result.data(JobsModel::JobIdRole).toString();
        const QString text = result.data().toString();
        m_summary->setText(jobId.isEmpty() ? text : tr("%1 — %2").arg(jobId, text));
    } else {
        m_summary->clear();
    }
}

} // namespace aerodesk::ui
