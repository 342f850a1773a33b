#pragma once

#include "core/walkthrough/Walkthrough.h"
#include "ui/common/SessionPanel.h"

#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

class NoticeLine;

/// Guided sandbox walkthroughs: the three test banks and the embedded-banking connect + silent
/// authentication. Pick one, Run, and watch each step ticked as the sandbox confirms it (or
/// stopped with the error catalogue's explanation); export the result as Markdown or HTML with
/// no secrets in it. Disabled with the reason outside a sandbox or before it is ready.
class WalkthroughsPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit WalkthroughsPanel(session::Session &session, QWidget *parent = nullptr);
    ~WalkthroughsPanel() override;

    void select(walkthrough::Walkthrough::Kind kind);
    const walkthrough::Walkthrough &current() const;
    /// Writes the current walkthrough's report; `html` chooses the format. Returns an error or "".
    QString exportTo(const QString &path, bool html) const;

public Q_SLOTS:
    void runCurrent();

Q_SIGNALS:
    void walkthroughFinished(aerodesk::walkthrough::Walkthrough::Kind kind, bool ok);

protected:
    void sessionEnvironmentChanged() override { updateActions(); }
    void sessionStoreChanged() override { updateActions(); }

private:
    void build();
    void showSteps();
    void updateActions();
    walkthrough::Walkthrough &currentMutable() const;

    session::Session &m_session;
    std::vector<std::unique_ptr<walkthrough::Walkthrough>> m_walkthroughs;
    QListWidget *m_list = nullptr;
    QTreeWidget *m_steps = nullptr;
    NoticeLine *m_status = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_exportMd = nullptr;
    QPushButton *m_exportHtml = nullptr;
};

} // namespace aerodesk::ui
