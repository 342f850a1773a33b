#pragma once

#include "core/walkthrough/WalkthroughStep.h"

#include <QList>
#include <QObject>

#include <functional>
#include <memory>

namespace aerodesk::session {
class Session;
}

namespace aerodesk::walkthrough {

/// A guided run of one sandbox scenario through the console's own core (LinkWidgetSession,
/// LinkRecorder and the store, JobRunner, the embedded-banking classes), with the sandbox's
/// documented test values. Each step is ticked only on the sandbox's confirmation; the first
/// failure stops the run with the error catalogue's explanation and marks the rest Skipped.
///
///  MfaBank             link (mxuser/challenge, code 1234) → persisted → balance job → MFA
///                      prompt → relaunch with handleMFA (code 1234) → job completed
///  OAuthBank           link (approve) → persisted → balance job completed
///  SecurityQuestionBank link (answer "correct") → persisted → transactions job → question →
///                      relaunch (answer "correct") → job completed
///  EmbeddedBanking     through the EmbeddedWorkflow, for one partner user "walkthrough-<hex>":
///                      keys → connect (code stored, OK, 204) → silent authentication (204) →
///                      automatic disconnect (the sandbox's period set short, then restored;
///                      ticked when the sandbox says "expired") → silent auth answered 410, code
///                      removed and the user invalid → connect again (204) → logout (the
///                      sandbox says logged-out, no userCode)
class Walkthrough : public QObject
{
    Q_OBJECT
public:
    enum class Kind { MfaBank, OAuthBank, SecurityQuestionBank, EmbeddedBanking };
    static QList<Kind> all()
    {
        return { Kind::MfaBank, Kind::OAuthBank, Kind::SecurityQuestionBank,
                 Kind::EmbeddedBanking };
    }
    static QString title(Kind kind);

    Walkthrough(Kind kind, session::Session &session, QObject *parent = nullptr);
    ~Walkthrough() override;

    Kind kind() const { return m_kind; }
    const QList<WalkthroughStep> &steps() const { return m_steps; }
    bool isRunning() const { return m_running; }
    /// Starts from the first step (a finished walkthrough can be run again).
    void run();

Q_SIGNALS:
    void stepChanged(int index);
    void finished(bool ok);

private:
    struct Context;
    using Done = std::function<void(bool ok, const QString &result, const QString &nextStep)>;
    using Action = std::function<void(Done)>;
    void add(const QString &title, const QString &explanation, Action action);
    void runStep(int index);
    void buildBank(const QString &bank, const QString &jobType, bool jobAsksMfa);
    void buildEmbedded();

    Kind m_kind;
    session::Session &m_session;
    QList<WalkthroughStep> m_steps;
    QList<Action> m_actions;
    std::unique_ptr<Context> m_ctx;
    bool m_running = false;
    quint64 m_generation = 0;
};

} // namespace aerodesk::walkthrough
