#pragma once

#include "core/api/JobState.h"
#include "core/api/JobType.h"
#include "core/jobs/JobResult.h"
#include "core/jobs/JobRunner.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QTimer>

#include <array>
#include <optional>
#include <vector>

namespace aerodesk::ui {

/// One row per job of a jobs::JobRunner, fed by its signals (started / progress / mfaRequired /
/// finished): type, connection (masked), state, progress 0–100 (estimated from elapsed and the
/// runner's estimate of what remains), attempts, elapsed time and the result in words.
///
/// Finished rows stay with their outcome. A refusal that never started (AlreadyRunning, a local
/// AC-112) gets a row of its own, shown as information ("already running: REF-…"), not as an
/// error. setRunner() rebinds to another runner (a new environment); rows of the old one that were
/// still running end as "no longer watched".
class JobsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TypeColumn,
        ConnectionColumn,
        StateColumn,
        ProgressColumn,
        AttemptsColumn,
        ElapsedColumn,
        ResultColumn,
        ColumnCount
    };
    enum Role {
        KeyRole = Qt::UserRole + 1, ///< quint64 runner key (valid for the current runner only)
        RunningRole, ///< bool
        OutcomeRole, ///< jobs::JobOutcome as int, or -1 while running
        ProgressRole, ///< int 0–100
        JobIdRole, ///< the server's job id (empty until created)
        SeverityRole, ///< Severity as int
        NextStepRole, ///< what to do next (finished rows)
        ConnectionIdRole, ///< the full connectionId (the column shows it masked)
        /// bool: the job ended with an error whose catalogue entry means the connection needs
        /// the user again (api::ErrorInfo::needsReconnect): the panel offers Reconnect.
        NeedsReconnectRole,
    };
    enum class Severity { None, Success, Information, Warning, Error };

    /// Progress from polls is announced (dataChanged) at most once per this many ms.
    static constexpr int kProgressCoalesceMs = 16;

    explicit JobsModel(QObject *parent = nullptr);
    ~JobsModel() override;

    void setRunner(jobs::JobRunner *runner);
    jobs::JobRunner *runner() const { return m_runner; }

    /// Row of the job `key` of the current runner, or -1.
    int rowForKey(quint64 key) const;
    /// Key of `row` if it is a running job of the current runner, else 0.
    quint64 runningKeyAt(int row) const;
    bool isRunning(int row) const;
    /// The outcome of a finished row.
    std::optional<jobs::JobOutcome> outcomeAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString formatElapsed(qint64 ms);
    static QString typeText(api::JobType type);
    static QString stateText(api::JobState state);
    static QString outcomeText(jobs::JobOutcome outcome);
    static Severity severityOf(jobs::JobOutcome outcome);

private:
    struct Row
    {
        quint64 key = 0;
        int generation = 0;
        api::JobType type = api::JobType::Balance;
        QString connectionId;
        QString jobId;
        QString state;
        bool running = true;
        bool mfaPending = false;
        int progress = 0;
        int attempts = 0;
        qint64 elapsedMs = 0;
        std::optional<jobs::JobOutcome> outcome;
        QString result;
        QString nextStep;
        bool needsReconnect = false;
    };

    void onStarted(quint64 key, api::JobType type, const QString &connectionId);
    void onProgress(quint64 key, api::JobState state, int attempt, qint64 elapsedMs,
                    qint64 remainingMs);
    void onMfaRequired(quint64 key, const QString &jobId);
    void onFinished(const jobs::JobResult &result);
    void changed(int row);
    /// A poll's progress on `row`: announced with the other rows polled in the same frame
    /// (kProgressCoalesceMs), so 500 jobs polling cost one view update per frame, not one per
    /// poll. Starts, outcomes and MFA prompts are announced at once (changed()).
    void progressed(int row);
    void announceProgress();
    QString resultText(const Row &row) const;
    QIcon severityIcon(Severity severity) const;

    std::vector<Row> m_rows;
    QPointer<jobs::JobRunner> m_runner;
    QList<QMetaObject::Connection> m_connections;
    int m_generation = 0;
    QTimer m_progressTimer;
    int m_progressFirst = -1; ///< rows changed by polls since the last announcement
    int m_progressLast = -1;
    mutable std::array<QIcon, 5> m_icons; ///< per Severity, made on first use
};

} // namespace aerodesk::ui
