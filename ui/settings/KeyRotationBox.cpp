#include "ui/settings/KeyRotationBox.h"

#include "core/session/Session.h"
#include "core/store/RotationControl.h"
#include "core/store/Store.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSysInfo>
#include <QVBoxLayout>

namespace aerodesk::ui {

KeyRotationBox::KeyRotationBox(session::Session &session, QWidget *parent)
    : QGroupBox(tr("Key rotation"), parent)
    , m_session(session)
{
    build();
    connect(&m_session, &session::Session::storeChanged, this, &KeyRotationBox::follow);
    follow();
}

KeyRotationBox::~KeyRotationBox() = default;

void KeyRotationBox::build()
{
    setObjectName(QStringLiteral("rotationBox"));
    auto *layout = new QVBoxLayout(this);
    m_status = namedLabel(QStringLiteral("rotationStatus"), tr("Key rotation status"), this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("rotationProgress"));
    m_progress->setAccessibleName(tr("Re-encryption progress"));
    m_progress->setRange(0, 0); // the rows left are not counted up front: a busy bar
    m_progress->setTextVisible(false);
    m_progress->hide();
    layout->addWidget(m_progress);

    auto *steps = new QHBoxLayout;
    m_propose = namedButton(tr("Rotate the team key…"), QStringLiteral("rotationPropose"),
                            tr("Begin a team key rotation"), this);
    m_exportNext = namedButton(tr("Export the next key…"), QStringLiteral("rotationExportNext"),
                               tr("Export the next team key for an agent"), this);
    m_start = namedButton(tr("Start re-encryption…"), QStringLiteral("rotationStart"),
                          tr("Move new writes to the next key"), this);
    m_resume = namedButton(tr("Re-encrypt now"), QStringLiteral("rotationResume"),
                           tr("Re-encrypt the rows in the background"), this);
    m_pause = namedButton(tr("Pause"), QStringLiteral("rotationPause"),
                          tr("Pause the re-encryption"), this);
    m_abort = namedButton(tr("Abandon"), QStringLiteral("rotationAbort"),
                          tr("Abandon the rotation before re-encryption starts"), this);
    for (QPushButton *b : { m_propose, m_exportNext, m_start, m_resume, m_pause, m_abort })
        steps->addWidget(b);
    steps->addStretch();
    layout->addLayout(steps);
    m_notice = new NoticeLine(QStringLiteral("rotationNotice"), tr("Key rotation result"), this);
    layout->addWidget(m_notice);

    connect(m_propose, &QPushButton::clicked, this, &KeyRotationBox::proposeRotation);
    connect(m_start, &QPushButton::clicked, this, &KeyRotationBox::startReEncryption);
    connect(m_resume, &QPushButton::clicked, this, &KeyRotationBox::resumeReEncryption);
    connect(m_pause, &QPushButton::clicked, this, &KeyRotationBox::pauseReEncryption);
    connect(m_abort, &QPushButton::clicked, this, &KeyRotationBox::abandonRotation);
    connect(m_exportNext, &QPushButton::clicked, this, [this] {
        if (m_control)
            Q_EMIT exportRequested(m_control->plan().next().keyId);
    });
}

void KeyRotationBox::setTeam(const QString &team)
{
    if (team == m_team)
        return;
    m_team = team;
    follow();
}

void KeyRotationBox::follow()
{
    store::Store *db = m_session.store();
    store::StoreJobs *jobs = m_session.storeJobs();
    const bool ours = db && jobs && db->target().isPostgres() && !m_team.isEmpty() &&
        db->target().team() == m_team;
    if (m_control && (!ours || db != m_followed))
        m_control.reset(); // before the store it follows goes
    m_followed = ours ? db : nullptr;
    if (ours && !m_control) {
        m_control = std::make_unique<store::RotationControl>(*db, *jobs);
        connect(m_control.get(), &store::RotationControl::planChanged, this,
                &KeyRotationBox::showPlan);
        connect(m_control.get(), &store::RotationControl::busyChanged, this,
                &KeyRotationBox::showPlan);
        connect(m_control.get(), &store::RotationControl::progress, this, [this](qint64 rewritten) {
            m_rewritten = rewritten;
            showPlan();
        });
        connect(m_control.get(), &store::RotationControl::stepDone, this,
                [this](bool ok, const QString &message) {
                    if (ok)
                        m_notice->showSuccess(message);
                    else
                        m_notice->showError(message);
                    showPlan();
                    Q_EMIT stepDone(ok, message);
                });
        m_control->refresh();
    }
    m_rewritten = -1;
    showPlan();
}

void KeyRotationBox::showPlan()
{
    using Phase = team::RotationPlan::Phase;
    if (!m_control) {
        m_status->setText(m_team.isEmpty()
                              ? tr("Name a team to see its store's key rotation.")
                              : tr("Rotation works on the team store this console has open: "
                                   "choose \"%1\"'s store in the Store settings above and apply "
                                   "it to rotate its key.")
                                    .arg(m_team));
        m_progress->hide();
        for (QPushButton *b : { m_propose, m_exportNext, m_start, m_resume, m_pause, m_abort })
            b->setEnabled(false);
        return;
    }
    const team::RotationPlan &plan = m_control->plan();
    const auto current = plan.current();
    const auto next = plan.next();
    const bool running = m_control->reEncrypting();
    const bool busy = m_control->busy();
    QString text;
    switch (plan.phase()) {
    case Phase::Steady:
        text = tr("Steady: every row is under team key %1 (epoch %2).")
                   .arg(m_control->currentKeyId())
                   .arg(current.number);
        break;
    case Phase::Finished:
        text = tr("Finished: every row is under team key %1 (epoch %2). A new rotation can "
                  "begin.")
                   .arg(m_control->currentKeyId())
                   .arg(current.number);
        break;
    case Phase::Distributing:
        text = tr("Distributing: the next key %1 (epoch %2) is named. Export it to every agent; "
                  "each imports it beside the current key. Then start the re-encryption.")
                   .arg(next.keyId)
                   .arg(next.number);
        break;
    case Phase::ReEncrypting: {
        const qint64 rows = m_rewritten >= 0 ? m_rewritten : plan.rewritten();
        text = tr("Re-encrypting into key %1 (epoch %2): %3 rows moved so far.%4")
                   .arg(next.keyId)
                   .arg(next.number)
                   .arg(QLocale().toString(rows))
                   .arg(m_control->holdsNextKey()
                            ? QString()
                            : tr(" This console does not hold the next key: import it."));
        break;
    }
    }
    m_status->setText(text);
    m_progress->setVisible(running);
    const bool idle = !busy && !running;
    const bool steady = plan.phase() == Phase::Steady || plan.phase() == Phase::Finished;
    m_propose->setEnabled(idle && steady);
    m_exportNext->setEnabled(!steady && m_control->holdsNextKey());
    m_start->setEnabled(idle && plan.phase() == Phase::Distributing);
    m_abort->setEnabled(idle && plan.phase() == Phase::Distributing);
    m_resume->setEnabled(idle && plan.phase() == Phase::ReEncrypting && m_control->holdsNextKey());
    m_pause->setEnabled(running);
}

void KeyRotationBox::confirm(const QString &name, const QString &question, const QString &yes,
                             std::function<void()> then)
{
    auto *box = new QMessageBox(QMessageBox::Question, tr("Key rotation"), question,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(name);
    box->setAccessibleName(tr("Confirm the key rotation step"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(yes);
    connect(box, &QMessageBox::finished, this, [then](int result) {
        if (result == QMessageBox::Yes)
            then();
    });
    box->open();
}

void KeyRotationBox::proposeRotation()
{
    if (!m_control)
        return;
    confirm(QStringLiteral("rotationProposeConfirm"),
            tr("Rotate the key of team \"%1\"? A new team key is made in this keychain and named "
               "by the store. Nothing is re-encrypted until you start it; until then you can "
               "abandon the rotation.")
                .arg(m_team),
            tr("Rotate"), [this] {
                m_notice->clearNotice();
                if (m_control)
                    m_control->propose();
            });
}

void KeyRotationBox::startReEncryption()
{
    if (!m_control)
        return;
    confirm(QStringLiteral("rotationStartConfirm"),
            tr("Start the re-encryption? From now on writes are sealed under the next key: an "
               "agent who has not imported it can only read, and the rotation can no longer be "
               "abandoned."),
            tr("Start"), [this] {
                m_notice->clearNotice();
                if (m_control)
                    m_control->start();
            });
}

void KeyRotationBox::resumeReEncryption()
{
    if (!m_control)
        return;
    m_notice->showInfo(tr("Re-encrypting in the background; the console stays usable."));
    m_control->resume(QStringLiteral("console@%1:%2")
                          .arg(QSysInfo::machineHostName())
                          .arg(QCoreApplication::applicationPid()));
    showPlan();
}

void KeyRotationBox::pauseReEncryption()
{
    if (m_control)
        m_control->pause();
}

void KeyRotationBox::abandonRotation()
{
    if (!m_control)
        return;
    m_notice->clearNotice();
    m_control->abort();
}

} // namespace aerodesk::ui
