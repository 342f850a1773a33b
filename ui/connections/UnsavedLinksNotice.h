#pragma once

#include <QPointer>
#include <QWidget>

class QPushButton;

namespace aerodesk::session {
class Session;
}
namespace aerodesk::connections {
class LinkRecorder;
}

namespace aerodesk::ui {

class NoticeLine;

/// A persistent warning above the Connections table while linked connections wait in memory
/// because the store refused them (LinkRecorder::unsaved()): how many, their ids masked, the
/// store's reason, and Retry (LinkRecorder::retryUnsaved). Hidden when nothing waits. Follows
/// the session's recorder when it is rebuilt (a new environment or store).
class UnsavedLinksNotice : public QWidget
{
    Q_OBJECT
public:
    explicit UnsavedLinksNotice(session::Session &session, QWidget *parent = nullptr);

    NoticeLine *line() const { return m_line; }
    QPushButton *retryButton() const { return m_retry; }

public Q_SLOTS:
    void retry();

Q_SIGNALS:
    /// A retry stored everything (`count` connections) or failed again (`count` still waiting).
    void retried(bool stored, int count);

private:
    void attach();
    void update();

    session::Session &m_session;
    QPointer<connections::LinkRecorder> m_recorder;
    NoticeLine *m_line = nullptr;
    QPushButton *m_retry = nullptr;
};

} // namespace aerodesk::ui
