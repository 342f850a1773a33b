#include "ui/partnerusers/PartnerUsersPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/connections/IdMask.h"
#include "core/embedded/EmbeddedWorkflow.h"
#include "core/embedded/EmulatorEventSource.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/embedded/UserCodeStore.h"
#include "core/session/Session.h"
#include "ui/bundle/BundleLauncher.h"
#include "ui/common/AuditedReveal.h"
#include "ui/common/DataText.h"
#include "ui/common/MaskedSecretLabel.h"
#include "ui/common/NamedWidgets.h"
#include "ui/common/NoticeLine.h"
#include "ui/common/StateBanner.h"
#include "ui/partnerusers/PartnerUserTableModel.h"

#include <QAbstractButton>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <utility>

namespace aerodesk::ui {

PartnerUsersPanel::PartnerUsersPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
    , m_session(session)
{
    build();
    syncWithSession();
}

PartnerUsersPanel::~PartnerUsersPanel() = default;

void PartnerUsersPanel::build()
{
    setObjectName(QStringLiteral("partnerusersPanel"));
    auto *layout = new QVBoxLayout(this);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("partnerUsersTitle"));
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_storeBanner =
        new StateBanner(QStringLiteral("partnerStoreBanner"), tr("Team store status"), this);
    layout->addWidget(m_storeBanner);

    m_empty = namedLabel(QStringLiteral("emptyState"), tr("No partner users"), this);
    m_empty->setText(tr("No partner users yet. A user appears here once a connect event was "
                        "answered OK for them: in the Payload Inspector, name the partner user, "
                        "decrypt their connect event and answer OK."));
    layout->addWidget(m_empty);

    m_model = new PartnerUserTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("partnerUsersTable"));
    m_table->setAccessibleName(tr("Partner users"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Columns"));
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all"));
    layout->addWidget(m_table, 2);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (selectedUser() != m_codeUser)
            hideCode();
        updateActions();
    });
    // A reset (the list or a pending count changed) drops the selection: the same user is
    // selected again, so a revealed code stays only while its row stays selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_reselect = selectedUser(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const QString user = std::exchange(m_reselect, QString());
        const QString codeUser = m_codeUser;
        if (user.isEmpty() || !selectUser(user) || user != codeUser)
            hideCode();
        m_empty->setVisible(m_model->rowCount() == 0);
        updateActions();
    });

    auto *actions = new QHBoxLayout;
    m_reveal = namedButton(tr("&Reveal userCode…"), QStringLiteral("revealUserCodeButton"),
                           tr("Reveal the selected user's stored userCode"), this);
    m_logout = namedButton(tr("&Log out…"), QStringLiteral("logoutButton"),
                           tr("Log the selected user out"), this);
    m_expire = namedButton(tr("&Expire now (sandbox)"), QStringLiteral("expireButton"),
                           tr("Disconnect the selected user in the sandbox now"), this);
    actions->addWidget(m_reveal);
    actions->addWidget(m_logout);
    actions->addWidget(m_expire);
    m_bundle = namedButton(tr("Escalation &bundle…"), QStringLiteral("partnerBundleButton"),
                           tr("Escalation bundle for the selected user"), this);
    actions->addWidget(m_bundle);
    actions->addStretch();
    layout->addLayout(actions);
    connect(m_reveal, &QPushButton::clicked, this, &PartnerUsersPanel::revealCode);
    connect(m_logout, &QPushButton::clicked, this, &PartnerUsersPanel::logOut);
    connect(m_expire, &QPushButton::clicked, this, &PartnerUsersPanel::expireNow);
    connect(m_bundle, &QPushButton::clicked, this, &PartnerUsersPanel::openBundle);

    m_code = new MaskedSecretLabel(tr("Stored userCode"), this);
    m_code->setObjectName(QStringLiteral("userCodeSecret"));
    m_code->setRevealGate([this](std::function<void()> reveal) {
        // Issue 15: the code shows only after a reason was given and recorded.
        const QString masked = connections::IdMask::mask(m_codeUser);
        AuditedReveal::ask(this, m_session.audit(), audit::AuditAction::RevealUserCode,
                           tr("userCode of partner user %1").arg(masked),
                           tr("the stored userCode of %1").arg(m_codeUser), std::move(reveal));
    });
    m_code->hide();
    layout->addWidget(m_code);

    m_notice =
        new NoticeLine(QStringLiteral("partnerUsersNotice"), tr("Partner users result"), this);
    layout->addWidget(m_notice);

    auto *recent = new QLabel(tr("Recent outcomes (newest first):"), this);
    layout->addWidget(recent);
    m_outcomes = new QListWidget(this);
    m_outcomes->setObjectName(QStringLiteral("outcomeList"));
    m_outcomes->setAccessibleName(tr("Recent outcomes"));
    m_outcomes->setSelectionMode(QAbstractItemView::NoSelection);
    m_outcomes->setFocusPolicy(Qt::TabFocus);
    markAsData(m_outcomes); // EventOutcome::summary(): actions, ids, statuses, codes
    recent->setBuddy(m_outcomes);
    layout->addWidget(m_outcomes, 1);
}

void PartnerUsersPanel::onEnvironment()
{
    hideCode();
    m_notice->clearNotice();
    m_outcomes->clear();
    m_busy = false;
    m_model->setSources(m_session.partnerUsers(), m_session.embedded());
    showStorePlace();
    m_unreachableSince = {}; // the previous environment's state says nothing about this one
    if (embedded::PartnerUserDirectory *users = m_session.partnerUsers()) {
        onReachableChanged(users->isStoreReachable());
        const CallbackGuard::Token env = environmentToken();
        connect(users, &embedded::PartnerUserDirectory::storeReachableChanged, this,
                [this, env](bool reachable) {
                    if (env)
                        onReachableChanged(reachable);
                });
        // A store chosen in Settings moves the list (and the codes) to another place.
        connect(users, &embedded::PartnerUserDirectory::loaded, this, [this, env] {
            if (env)
                showStorePlace();
        });
    } else {
        onReachableChanged(true);
    }
    if (auto *workflow = m_session.embedded()) {
        const QList<embedded::EventOutcome> history = workflow->history();
        for (const embedded::EventOutcome &o : history)
            addOutcome(o);
        const CallbackGuard::Token env = environmentToken();
        connect(workflow, &embedded::EmbeddedWorkflow::outcome, this,
                [this, env](const embedded::EventOutcome &o) {
                    if (env)
                        addOutcome(o);
                });
    }
    m_empty->setVisible(m_model->rowCount() == 0);
    updateActions();
}

void PartnerUsersPanel::showStorePlace()
{
    const embedded::EmbeddedWorkflow *workflow = m_session.embedded();
    const QString place = workflow ? workflow->userCodes().placeName() : tr("the keychain");
    m_title->setText(tr("<h2>Partner users</h2>The users of the partner's application for "
                        "embedded banking, as this environment knows them. Their userCodes are "
                        "kept in %1 only.")
                         .arg(place.toHtmlEscaped()));
}

void PartnerUsersPanel::onReachableChanged(bool reachable)
{
    const bool was = !m_unreachableSince.isValid();
    if (reachable) {
        m_unreachableSince = {};
        m_storeBanner->setState({});
        if (!was)
            m_notice->showSuccess(tr("The team store is back: the partner users were read again."));
    } else {
        if (was)
            m_unreachableSince = QDateTime::currentDateTime();
        m_storeBanner->setState(
            tr("Team store unreachable since %1 — showing the partner users as last read; "
               "revealing a userCode, logging out and expiring wait until it is back. Retrying.")
                .arg(m_unreachableSince.toString(QStringLiteral("HH:mm"))));
    }
    updateActions();
}

QString PartnerUsersPanel::storeRefusal() const
{
    if (!m_unreachableSince.isValid())
        return {};
    return tr("The team store cannot be reached; this waits until it is back.");
}

void PartnerUsersPanel::addOutcome(const embedded::EventOutcome &o)
{
    auto *item = new QListWidgetItem(o.summary());
    item->setToolTip(o.message);
    m_outcomes->insertItem(0, item);
    while (m_outcomes->count() > embedded::EmbeddedWorkflow::kHistorySize)
        delete m_outcomes->takeItem(m_outcomes->count() - 1);
}

QString PartnerUsersPanel::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.first().row() >= m_model->rowCount())
        return {};
    return m_model->user(rows.first().row()).id;
}

bool PartnerUsersPanel::selectUser(const QString &user)
{
    const int row = m_model->rowOf(user);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

void PartnerUsersPanel::hideCode()
{
    m_code->clear();
    m_code->hide();
    m_codeUser.clear();
}

void PartnerUsersPanel::updateActions()
{
    const QString user = selectedUser();
    const bool ready = m_session.embedded() != nullptr;
    QString why;
    if (!ready)
        why = tr("Waiting for the environment to be ready.");
    else if (m_busy)
        why = tr("Working…");
    else if (user.isEmpty())
        why = tr("Select a partner user first.");
    // The bundle is made from what is shown; the other actions read or write the store.
    const QString bundleWhy = why;
    if (why.isEmpty())
        why = storeRefusal();
    m_reveal->setEnabled(why.isEmpty());
    m_reveal->setToolTip(
        why.isEmpty() ? tr("Show %1's stored userCode here, after a confirmation").arg(user) : why);
    m_logout->setEnabled(why.isEmpty());
    m_logout->setToolTip(
        why.isEmpty() ? tr("Run the logout flow for %1 and remove their userCode").arg(user) : why);
    m_bundle->setEnabled(bundleWhy.isEmpty());
    m_bundle->setToolTip(bundleWhy.isEmpty()
                             ? tr("Preview and save a redacted ZIP of %1's state, outcomes and log "
                                  "excerpt (never the userCode)")
                                   .arg(user)
                             : bundleWhy);
    const bool sandbox = m_session.sandboxEvents() != nullptr;
    m_expire->setVisible(sandbox);
    m_expire->setEnabled(sandbox && why.isEmpty());
    m_expire->setToolTip(
        !sandbox ? tr("Only in a sandbox environment.")
            : why.isEmpty()
            ? tr("Rehearse the FI's automatic disconnect of %1: the next silent authentication "
                 "gets 410")
                  .arg(user)
            : why);
}

void PartnerUsersPanel::revealCode()
{
    const QString user = selectedUser();
    if (user.isEmpty() || !m_reveal->isEnabled())
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Reveal the userCode?"),
        tr("Show the stored userCode of %1? It is a secret: anyone who sees your screen can use it "
           "to authenticate as this user.")
            .arg(user),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("revealConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Reveal"));
    box->setDefaultButton(QMessageBox::Cancel);
    const CallbackGuard::Token env = environmentToken();
    connect(box, &QMessageBox::finished, this, [this, env, user](int result) {
        if (!env || result != QMessageBox::Yes || selectedUser() != user)
            return;
        m_session.embedded()->revealCode(
            user, [this, env, user](Result<crypto::SecureBytes, QString> code) {
                if (!env)
                    return;
                if (!code) {
                    m_notice->setNotice(
                        NoticeLine::Kind::Error,
                        tr("The userCode of %1 cannot be shown: %2").arg(user, code.error()),
                        { user });
                } else if (selectedUser() == user) {
                    m_codeUser = user;
                    m_code->setSecret(std::move(code).value());
                    m_code->show();
                    m_notice->showInfo(
                        tr("The userCode of %1 is below, masked: Reveal shows it; selecting "
                           "another row hides it.")
                            .arg(user));
                }
                Q_EMIT actionFinished();
            });
    });
    box->open();
}

void PartnerUsersPanel::logOut()
{
    const QString user = selectedUser();
    if (user.isEmpty() || !m_logout->isEnabled())
        return;
    const QString flow = m_session.sandboxEvents()
        ? tr("The sandbox's logout flow runs for %1.").arg(user)
        : tr("In production the logout web component on the partner's logout page does the "
             "browser side.");
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Log out %1?").arg(user),
                        tr("Log out the partner user %1? Their stored userCode is removed from %2, "
                           "%n pending event(s) of theirs dropped, and they must connect again.",
                           nullptr, int(m_session.embedded()->pendingFor(user).size()))
                            .arg(user, m_session.embedded()->userCodes().placeName()),
                        QMessageBox::NoButton, this);
    box->setInformativeText(flow);
    box->setObjectName(QStringLiteral("logoutConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setStandardButtons(QMessageBox::Yes | QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Log out"));
    box->setDefaultButton(QMessageBox::Cancel);
    const CallbackGuard::Token env = environmentToken();
    connect(box, &QMessageBox::finished, this, [this, env, user](int result) {
        if (!env || result != QMessageBox::Yes)
            return;
        m_busy = true;
        m_notice->showInfo(tr("Logging %1 out…").arg(user));
        updateActions();
        m_session.embedded()->logout(user, [this, env, user](const embedded::EventOutcome &o) {
            if (!env)
                return;
            m_busy = false;
            if (audit::AuditTrail *trail = m_session.audit())
                trail->record(audit::AuditAction::Logout,
                              tr("partner user %1").arg(connections::IdMask::mask(user)),
                              o.ok() ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
            // The id is shown in full but kept out of the diagnostic log (PII-adjacent).
            m_notice->setNotice(o.ok() ? NoticeLine::Kind::Success : NoticeLine::Kind::Error,
                                o.message, { o.user });
            updateActions();
            Q_EMIT actionFinished();
        });
    });
    box->open();
}

void PartnerUsersPanel::expireNow()
{
    const QString user = selectedUser();
    if (user.isEmpty() || !m_expire->isEnabled() || !m_session.sandboxEvents())
        return;
    m_busy = true;
    updateActions();
    const CallbackGuard::Token env = environmentToken();
    m_session.sandboxEvents()->expire(user, [this, env, user](const QString &error) {
        if (!env)
            return;
        m_busy = false;
        if (error.isEmpty())
            m_notice->showSuccess(
                tr("The sandbox disconnected %1 as the FI's automatic disconnect would. The next "
                   "silent authentication gets 410, and AeroDesk then removes the stored "
                   "userCode.")
                    .arg(user));
        else
            m_notice->setNotice(NoticeLine::Kind::Error, error, { user });
        updateActions();
        Q_EMIT actionFinished();
    });
}

void PartnerUsersPanel::openBundle()
{
    const QString user = selectedUser();
    if (user.isEmpty() || !m_bundle->isEnabled())
        return;
    if (!BundleLauncher::openForPartnerUser(m_session, user, this))
        m_notice->showError(tr("%1 is not in the partner-user list.").arg(user));
}

} // namespace aerodesk::ui
