#include "ui/connections/UnsavedLinksNotice.h"

#include "core/connections/LinkRecorder.h"
#include "core/session/Session.h"
#include "ui/common/NoticeLine.h"
#include "ui/connections/ConnectionTableModel.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace aerodesk::ui {

UnsavedLinksNotice::UnsavedLinksNotice(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("unsavedLinks"));
    setAccessibleName(tr("Linked connections not stored yet"));
    m_line = new NoticeLine(QStringLiteral("unsavedLinksMessage"),
                            tr("Linked connections not stored yet"), this);
    m_line->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry"), this);
    m_retry->setObjectName(QStringLiteral("retryUnsavedLinks"));
    m_retry->setAccessibleName(tr("Retry storing the linked connections"));
    m_retry->setToolTip(tr("Write the connections kept in memory to the local store again"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_line, 1);
    layout->addWidget(m_retry, 0, Qt::AlignTop);
    connect(m_retry, &QPushButton::clicked, this, &UnsavedLinksNotice::retry);
    connect(&m_session, &session::Session::environmentChanged, this, &UnsavedLinksNotice::attach);
    connect(&m_session, &session::Session::storeChanged, this, &UnsavedLinksNotice::attach);
    attach();
}

void UnsavedLinksNotice::attach()
{
    connections::LinkRecorder *recorder = m_session.linkRecorder();
    if (recorder != m_recorder) {
        if (m_recorder)
            m_recorder->disconnect(this);
        m_recorder = recorder;
        if (recorder)
            connect(recorder, &connections::LinkRecorder::unsavedChanged, this,
                    &UnsavedLinksNotice::update);
    }
    update();
}

void UnsavedLinksNotice::update()
{
    const int count = m_recorder ? m_recorder->unsavedCount() : 0;
    setVisible(count > 0);
    if (count == 0) {
        m_line->clearNotice();
        return;
    }
    QStringList masked;
    for (const QString &id : m_recorder->unsaved())
        masked << ConnectionTableModel::mask(id);
    m_line->showWarning(
        tr("%n new connection(s) linked but not stored yet: %1. They are kept in memory until "
           "the store takes them — do not quit; use Retry. %2",
           nullptr, count)
            .arg(masked.join(QStringLiteral(", ")), m_recorder->unsavedReason()));
}

void UnsavedLinksNotice::retry()
{
    if (!m_recorder)
        return;
    const int count = m_recorder->unsavedCount();
    const bool stored = m_recorder->retryUnsaved();
    update();
    Q_EMIT retried(stored, stored ? count : m_recorder->unsavedCount());
}

} // namespace aerodesk::ui
