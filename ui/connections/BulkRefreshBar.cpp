#include "ui/connections/BulkRefreshBar.h"

#include "core/connections/BulkAccountRefresher.h"
#include "core/session/Session.h"
#include "core/store/Store.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace aerodesk::ui {

BulkRefreshBar::BulkRefreshBar(session::Session &session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("bulkRefreshBar"));
    setAccessibleName(tr("Refresh of many connections"));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("bulkRefreshLabel"));
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("bulkRefreshProgress"));
    m_bar->setAccessibleName(tr("Connections refreshed"));
    m_bar->setMaximumWidth(320);
    m_bar->setFormat(tr("%v of %m"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("bulkRefreshCancel"));
    m_cancel->setAccessibleName(tr("Cancel the refresh"));
    m_cancel->setToolTip(tr("Send no more requests; the rows already refreshed stay refreshed"));
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("bulkRefreshDismiss"));
    m_dismiss->setAccessibleName(tr("Hide the refresh result"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_cancel);
    layout->addWidget(m_dismiss);
    layout->addStretch(0);
    connect(m_cancel, &QPushButton::clicked, this, &BulkRefreshBar::cancel);
    connect(m_dismiss, &QPushButton::clicked, this, &QWidget::hide);
    hide();
}

BulkRefreshBar::~BulkRefreshBar() = default;

QString BulkRefreshBar::blockedBecause() const
{
    if (!m_session.isReady())
        return tr("the environment is still starting (waiting for its credentials and client).");
    if (!m_session.store())
        return tr("the local store is not open yet.");
    if (isRunning())
        return tr("a refresh is already under way.");
    return {};
}

bool BulkRefreshBar::isRunning() const
{
    return m_refresher && m_refresher->isRunning();
}

void BulkRefreshBar::start(const QStringList &connectionIds)
{
    if (!blockedBecause().isEmpty() || connectionIds.isEmpty())
        return;
    // A fresh refresher per run: the session's client and store may have changed since the last.
    m_refresher = std::make_unique<connections::BulkAccountRefresher>(
        *m_session.client(), m_session.store()->connections(), m_session.clock());
    connect(m_refresher.get(), &connections::BulkAccountRefresher::connectionRefreshed, this,
            &BulkRefreshBar::outcome);
    connect(m_refresher.get(), &connections::BulkAccountRefresher::progress, this,
            &BulkRefreshBar::onProgress);
    connect(m_refresher.get(), &connections::BulkAccountRefresher::finished, this,
            &BulkRefreshBar::onFinished);
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_dismiss->hide();
    m_bar->show();
    onProgress(0, int(connectionIds.size()));
    show();
    m_refresher->start(connectionIds);
    Q_EMIT runningChanged(true);
}

void BulkRefreshBar::cancel()
{
    if (!isRunning())
        return;
    m_refresher->cancel();
    m_cancel->setEnabled(false);
    m_label->setText(tr("Cancelling: no more requests are sent…"));
}

void BulkRefreshBar::onProgress(int done, int total)
{
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(std::min(done, total));
    if (m_cancel->isEnabled())
        m_label->setText(tr("Refreshing %L1 of %Ln connection(s)…", nullptr, total).arg(done));
    m_label->setAccessibleName(m_label->text());
}

void BulkRefreshBar::onFinished(const connections::BulkRefreshSummary &summary)
{
    m_cancel->hide();
    m_dismiss->show();
    m_bar->setValue(summary.ok + summary.failed);
    QString text = tr("Refreshed %L1 of %Ln connection(s)", nullptr, summary.total).arg(summary.ok);
    if (summary.failed > 0)
        text += tr(", %Ln failed (see the Status column's warning icon)", nullptr, summary.failed);
    if (summary.wasCancelled)
        text += tr(" — cancelled, %Ln not refreshed", nullptr, summary.cancelled);
    m_label->setText(text + QLatin1Char('.'));
    m_label->setAccessibleName(m_label->text());
    Q_EMIT runningChanged(false);
    Q_EMIT finished(summary);
}

} // namespace aerodesk::ui
