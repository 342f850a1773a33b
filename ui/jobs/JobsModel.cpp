#include "ui/jobs/JobsModel.h"

#include "core/connections/IdMask.h"
#include "core/jobs/JobRunner.h"

#include <QApplication>
#include <QStyle>

#include <algorithm>
#include <utility>

namespace aerodesk::ui {

using jobs::JobOutcome;

JobsModel::JobsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_progressTimer.setSingleShot(true);
    m_progressTimer.setInterval(kProgressCoalesceMs);
    connect(&m_progressTimer, &QTimer::timeout, this, &JobsModel::announceProgress);
}

JobsModel::~JobsModel()
{
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
}

void JobsModel::setRunner(jobs::JobRunner *runner)
{
    if (runner == m_runner)
        return;
    for (const auto &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    // Jobs of the old runner are no longer watched: their keys mean nothing to the new one.
    for (int i = 0; i < int(m_rows.size()); ++i) {
        Row &r = m_rows[std::size_t(i)];
        if (r.generation == m_generation && r.running) {
            r.running = false;
            r.mfaPending = false;
            r.state = tr("Not watched");
            r.result = tr("The environment changed; this job is no longer watched.");
            r.nextStep = tr("Start it again in the new environment if it is still needed.");
            changed(i);
        }
    }
    ++m_generation;
    m_runner = runner;
    if (!runner)
        return;
    m_connections << connect(runner, &jobs::JobRunner::started, this, &JobsModel::onStarted)
                  << connect(runner, &jobs::JobRunner::progress, this, &JobsModel::onProgress)
                  << connect(runner, &jobs::JobRunner::mfaRequired, this,
                             [this](quint64 key, const QString &jobId, const QString &,
                                    const QDateTime &) { onMfaRequired(key, jobId); })
                  << connect(runner, &jobs::JobRunner::finished, this, &JobsModel::onFinished);
    // Jobs already running when this model starts watching (the Jobs panel is created when
    // first needed, possibly while a job runs or waits for MFA).
    for (const jobs::JobRunner::Running &job : runner->running()) {
        onStarted(job.key, job.type, job.connectionId);
        if (job.attempt > 0 || job.state != api::JobState::Initiated)
            onProgress(job.key, job.state, job.attempt, job.elapsedMs,
                       std::max<qint64>(1, runner->policy().expectedDurationMs - job.elapsedMs));
        if (job.mfaPending)
            onMfaRequired(job.key, job.jobId);
    }
}

int JobsModel::rowForKey(quint64 key) const
{
    for (int i = int(m_rows.size()) - 1; i >= 0; --i) {
        const Row &r = m_rows[std::size_t(i)];
        if (r.key == key && r.generation == m_generation)
            return i;
    }
    return -1;
}

quint64 JobsModel::runningKeyAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return 0;
    const Row &r = m_rows[std::size_t(row)];
    return r.running && r.generation == m_generation ? r.key : 0;
}

bool JobsModel::isRunning(int row) const
{
    return runningKeyAt(row) != 0;
}

std::optional<JobOutcome> JobsModel::outcomeAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return std::nullopt;
    return m_rows[std::size_t(row)].outcome;
}

void JobsModel::changed(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void JobsModel::progressed(int row)
{
    m_progressFirst = m_progressFirst < 0 ? row : std::min(m_progressFirst, row);
    m_progressLast = std::max(m_progressLast, row);
    if (!m_progressTimer.isActive())
        m_progressTimer.start();
}

void JobsModel::announceProgress()
{
    const int first = std::exchange(m_progressFirst, -1);
    const int last = std::min(std::exchange(m_progressLast, -1), int(m_rows.size()) - 1);
    if (first >= 0 && first <= last)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void JobsModel::onStarted(quint64 key, api::JobType type, const QString &connectionId)
{
    if (rowForKey(key) >= 0)
        return; // already shown (taken from JobRunner::running())
    Row r;
    r.key = key;
    r.generation = m_generation;
    r.type = type;
    r.connectionId = connectionId;
    r.state = tr("Starting");
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.push_back(std::move(r));
    endInsertRows();
}

void JobsModel::onProgress(quint64 key, api::JobState state, int attempt, qint64 elapsedMs,
                           qint64 remainingMs)
{
    const int i = rowForKey(key);
    if (i < 0)
        return;
    Row &r = m_rows[std::size_t(i)];
    if (!r.running)
        return;
    if (m_runner && r.jobId.isEmpty())
        r.jobId = m_runner->jobId(key);
    r.attempts = attempt;
    r.elapsedMs = elapsedMs;
    r.mfaPending = state == api::JobState::PendingMfa;
    r.state = stateText(state);
    if (!r.mfaPending) {
        // remainingMs while MFA is pending is the MFA window, not the job's: keep the bar still.
        const qint64 total = elapsedMs + std::max<qint64>(0, remainingMs);
        const int estimate = total > 0 ? int(100 * elapsedMs / total) : 0;
        r.progress = std::clamp(std::max(r.progress, estimate), 0, 99); // 100 only once fetched
    }
    progressed(i);
}

void JobsModel::onMfaRequired(quint64 key, const QString &jobId)
{
    const int i = rowForKey(key);
    if (i < 0)
        return;
    Row &r = m_rows[std::size_t(i)];
    r.jobId = jobId;
    r.mfaPending = true;
    r.state = stateText(api::JobState::PendingMfa);
    changed(i);
}

void JobsModel::onFinished(const jobs::JobResult &result)
{
    int i = rowForKey(result.key);
    if (i < 0) {
        // A refusal that never started (e.g. already running): a row of its own.
        onStarted(result.key, result.type, result.connectionId);
        i = int(m_rows.size()) - 1;
    }
    Row &r = m_rows[std::size_t(i)];
    r.running = false;
    r.mfaPending = false;
    r.outcome = result.outcome;
    if (!result.jobId.isEmpty())
        r.jobId = result.jobId;
    r.attempts = result.attempts;
    r.elapsedMs = result.elapsedMs;
    r.state = outcomeText(result.outcome);
    if (result.outcome == JobOutcome::Completed)
        r.progress = 100;
    r.result = result.message;
    r.nextStep = result.nextStep;
    r.needsReconnect = result.outcome != JobOutcome::Completed && result.error.needsReconnect();
    changed(i);
}

QString JobsModel::resultText(const Row &row) const
{
    if (row.running)
        return row.mfaPending
            ? tr("Waiting for the bank's MFA step: relaunch the widget from the prompt.")
            : QString();
    if (row.outcome == JobOutcome::AlreadyRunning || row.outcome == JobOutcome::Completed ||
        row.nextStep.isEmpty())
        return row.result;
    return tr("%1 Next step: %2").arg(row.result, row.nextStep);
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.parent().isValid() || index.row() >= int(m_rows.size()) ||
        index.column() >= ColumnCount)
        return {};
    const Row &r = m_rows[std::size_t(index.row())];
    const Severity severity = r.outcome ? severityOf(*r.outcome) : Severity::None;
    switch (role) {
    case KeyRole:
        return r.key;
    case RunningRole:
        return r.running && r.generation == m_generation;
    case OutcomeRole:
        return r.outcome ? int(*r.outcome) : -1;
    case ProgressRole:
        return r.progress;
    case JobIdRole:
        return r.jobId;
    case SeverityRole:
        return int(severity);
    case NextStepRole:
        return r.nextStep;
    case ConnectionIdRole:
        return r.connectionId;
    case NeedsReconnectRole:
        return r.needsReconnect;
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole || role == Qt::ToolTipRole) {
        switch (column) {
        case TypeColumn:
            return typeText(r.type);
        case ConnectionColumn:
            return connections::IdMask::mask(r.connectionId);
        case StateColumn:
            return r.state;
        case ProgressColumn:
            return role == Qt::DisplayRole ? QVariant(r.progress)
                                           : QVariant(tr("%1 % done").arg(r.progress));
        case AttemptsColumn:
            return r.attempts;
        case ElapsedColumn:
            return formatElapsed(r.elapsedMs);
        case ResultColumn: {
            const QString text = resultText(r);
            if (role == Qt::AccessibleTextRole && severity == Severity::Error)
                return tr("Error: %1").arg(text);
            if (role == Qt::AccessibleTextRole && severity == Severity::Information)
                return tr("Information: %1").arg(text);
            return text;
        }
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && column == ResultColumn && severity != Severity::None)
        return severityIcon(severity);
    if (role == Qt::TextAlignmentRole && (column == AttemptsColumn || column == ElapsedColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QIcon JobsModel::severityIcon(Severity severity) const
{
    // Asked for every painted and measured result cell: QStyle::standardIcon() decodes its
    // images each time (a third of a paint with 500 jobs), so each icon is made once.
    QIcon &icon = m_icons[std::size_t(severity)];
    if (!icon.isNull())
        return icon;
    QStyle *style = QApplication::style();
    switch (severity) {
    case Severity::Success:
        icon = style->standardIcon(QStyle::SP_DialogApplyButton);
        break;
    case Severity::Information:
        icon = style->standardIcon(QStyle::SP_MessageBoxInformation);
        break;
    case Severity::Warning:
        icon = style->standardIcon(QStyle::SP_MessageBoxWarning);
        break;
    case Severity::Error:
        icon = style->standardIcon(QStyle::SP_MessageBoxCritical);
        break;
    case Severity::None:
        break;
    }
    return icon;
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TypeColumn:
        return tr("Type");
    case ConnectionColumn:
        return tr("Connection");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case AttemptsColumn:
        return tr("Attempts");
    case ElapsedColumn:
        return tr("Elapsed");
    case ResultColumn:
        return tr("Result");
    default:
        return {};
    }
}

QString JobsModel::formatElapsed(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString JobsModel::typeText(api::JobType type)
{
    switch (type) {
    case api::JobType::Balance:
        return tr("Balance");
    case api::JobType::Transactions:
        return tr("Transactions");
    case api::JobType::Identity:
        return tr("Identity");
    }
    return {};
}

QString JobsModel::stateText(api::JobState state)
{
    switch (state) {
    case api::JobState::Initiated:
        return tr("Initiated");
    case api::JobState::InProgress:
        return tr("In progress");
    case api::JobState::PendingMfa:
        return tr("Waiting for MFA");
    case api::JobState::Completed:
        return tr("Fetching result");
    case api::JobState::Failed:
        return tr("Failed");
    case api::JobState::Unknown:
        return tr("Unknown");
    }
    return {};
}

QString JobsModel::outcomeText(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Completed:
        return tr("Completed");
    case JobOutcome::Failed:
        return tr("Failed");
    case JobOutcome::TimedOut:
        return tr("Timed out");
    case JobOutcome::AlreadyRunning:
        return tr("Already running");
    case JobOutcome::Skipped:
        return tr("Skipped");
    case JobOutcome::MfaTimedOut:
        return tr("MFA timed out");
    case JobOutcome::MfaLocked:
        return tr("MFA locked");
    case JobOutcome::Cancelled:
        return tr("Cancelled");
    case JobOutcome::Error:
        return tr("Error");
    }
    return {};
}

JobsModel::Severity JobsModel::severityOf(JobOutcome outcome)
{
    switch (outcome) {
    case JobOutcome::Completed:
        return Severity::Success;
    case JobOutcome::AlreadyRunning:
    case JobOutcome::Cancelled:
        return Severity::Information;
    case JobOutcome::Skipped:
    case JobOutcome::TimedOut:
    case JobOutcome::MfaTimedOut:
        return Severity::Warning;
    case JobOutcome::MfaLocked:
    case JobOutcome::Failed:
    case JobOutcome::Error:
        return Severity::Error;
    }
    return Severity::None;
}

} // namespace aerodesk::ui
