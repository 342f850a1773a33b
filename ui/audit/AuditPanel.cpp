#include "ui/audit/AuditPanel.h"

#include "core/audit/AuditTrail.h"
#include "core/session/Session.h"
#include "core/util/LogCategories.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace aerodesk::ui {

namespace {
enum Column { Seq, Time, User, Profile, Action, Object, Outcome, Reason, ColumnCount };
}

AuditPanel::AuditPanel(session::Session &session, QWidget *parent)
    : SessionPanel(&session, parent)
{
    setObjectName(QStringLiteral("auditPanel"));
    m_action = new QComboBox(this);
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("All actions"), QString());
    for (audit::AuditAction a : audit::AuditActions::all())
        m_action->addItem(audit::AuditActions::label(a), audit::AuditActions::name(a));
    m_object = new QLineEdit(this);
    m_object->setObjectName(QStringLiteral("auditObjectFilter"));
    m_object->setAccessibleName(tr("Object or reason contains"));
    m_object->setPlaceholderText(tr("Object or reason contains…"));
    m_object->setClearButtonEnabled(true);
    for (auto *button : m_object->findChildren<QAbstractButton *>())
        button->setAccessibleName(tr("Clear the object filter"));
    m_timed = new QCheckBox(tr("Between"), this);
    m_timed->setObjectName(QStringLiteral("auditTimeFilter"));
    m_timed->setAccessibleName(tr("Only records between two times"));
    m_from = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(-7), this);
    m_from->setObjectName(QStringLiteral("auditFrom"));
    m_from->setAccessibleName(tr("From (UTC)"));
    m_to = new QDateTimeEdit(QDateTime::currentDateTimeUtc().addDays(1), this);
    m_to->setObjectName(QStringLiteral("auditTo"));
    m_to->setAccessibleName(tr("To (UTC)"));
    for (QDateTimeEdit *edit : { m_from, m_to }) {
        edit->setTimeSpec(Qt::UTC);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
        edit->setEnabled(false);
        if (auto *line = edit->findChild<QLineEdit *>())
            line->setAccessibleName(edit->accessibleName());
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, &AuditPanel::reload);
    }
    connect(m_timed, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        reload();
    });
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPanel::reload);
    connect(m_object, &QLineEdit::textChanged, this, &AuditPanel::reload);

    m_verify = new QPushButton(tr("Verify audit log"), this);
    m_verify->setObjectName(QStringLiteral("auditVerifyButton"));
    m_verify->setAccessibleName(tr("Verify audit log"));
    connect(m_verify, &QPushButton::clicked, this, &AuditPanel::verify);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("auditExportButton"));
    m_export->setAccessibleName(tr("Export the shown records as CSV"));
    connect(m_export, &QPushButton::clicked, this, &AuditPanel::exportCsv);
    m_verdict = new QLabel(this);
    m_verdict->setObjectName(QStringLiteral("auditVerdict"));
    m_verdict->setWordWrap(true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditStatus"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({ tr("#"), tr("Time (UTC)"), tr("OS user"), tr("Profile"),
                                         tr("Action"), tr("Object"), tr("Outcome"), tr("Reason") });
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit records"));
    m_table->setModel(m_model);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setAccessibleName(tr("Rows"));
    // Every column as wide as its title and contents (Qt samples 1000 rows; the table scrolls
    // sideways when they do not all fit); the last one, the reason, gets what is left.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setAccessibleName(tr("Columns"));
    m_table->setCornerButtonEnabled(false);
    for (auto *corner : m_table->findChildren<QAbstractButton *>())
        corner->setAccessibleName(tr("Select all records"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_action);
    filters->addWidget(m_object, 1);
    filters->addWidget(m_timed);
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_verify);
    actions->addWidget(m_export);
    actions->addWidget(m_status, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_verdict);
    layout->addWidget(m_table, 1);

    m_exportPath = [this] {
        return QFileDialog::getSaveFileName(this, tr("Export audit log"),
                                            QStringLiteral("aerodesk-audit.csv"),
                                            tr("CSV files (*.csv)"));
    };
    syncWithSession();
    bindTrail();
}

void AuditPanel::sessionStoreChanged()
{
    bindTrail();
}

void AuditPanel::bindTrail()
{
    disconnect(m_recorded);
    audit::AuditTrail *trail = boundSession() ? boundSession()->audit() : nullptr;
    m_verify->setEnabled(trail);
    m_export->setEnabled(trail);
    const QString why = trail ? QString() : tr("The encrypted store is not open yet.");
    m_verify->setToolTip(why);
    m_export->setToolTip(why);
    if (trail)
        m_recorded = connect(trail, &audit::AuditTrail::recorded, this, &AuditPanel::reload);
    reload();
}

audit::AuditFilter AuditPanel::filter() const
{
    audit::AuditFilter f;
    f.action = audit::AuditActions::fromName(m_action->currentData().toString());
    f.objectContains = m_object->text().trimmed();
    if (m_timed->isChecked()) {
        f.from = m_from->dateTime();
        f.to = m_to->dateTime();
    }
    return f;
}

int AuditPanel::rowCount() const
{
    return m_model->rowCount();
}

void AuditPanel::reload()
{
    m_model->removeRows(0, m_model->rowCount());
    audit::AuditTrail *trail = boundSession() ? boundSession()->audit() : nullptr;
    if (!trail) {
        m_status->setText(tr("The audit log opens with the encrypted store."));
        return;
    }
    const auto records = trail->log().read(filter());
    if (!records) {
        m_status->setText(tr("The audit log could not be read: %1").arg(records.error().message));
        qCWarning(aerodesk::log::ui).noquote() << "audit log not read:" << records.error().message;
        return;
    }
    for (const audit::AuditRecord &r : records.value()) {
        QList<QStandardItem *> row;
        const QStringList cells {
            QString::number(r.seq),
            QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC).toString(Qt::ISODate),
            r.osUser,
            r.profile,
            audit::AuditActions::label(r.action),
            r.intact ? r.object : tr("(does not open)"),
            audit::AuditOutcomes::label(r.outcome),
            r.reason,
        };
        for (const QString &c : cells)
            row << new QStandardItem(c);
        row[Action]->setData(audit::AuditActions::name(r.action), Qt::UserRole);
        m_model->appendRow(row);
    }
    m_status->setText(tr("%n record(s) shown", nullptr, int(records->size())));
}

void AuditPanel::verify()
{
    audit::AuditTrail *trail = boundSession() ? boundSession()->audit() : nullptr;
    if (!trail)
        return;
    m_verify->setEnabled(false);
    m_verdict->setText(tr("Verifying…"));
    const auto token = panelToken();
    trail->verify([this, token](audit::AuditVerification v) {
        if (!token.alive())
            return;
        m_verification = v;
        m_verify->setEnabled(true);
        m_verdict->setText(v.ok() ? v.message : tr("Not intact: %1").arg(v.message));
        m_verdict->setStyleSheet(v.ok() ? QString() : QStringLiteral("color: #b00020;"));
        if (!v.ok())
            qCWarning(aerodesk::log::ui).noquote() << "audit log not intact:" << v.message;
    });
}

void AuditPanel::exportCsv()
{
    audit::AuditTrail *trail = boundSession() ? boundSession()->audit() : nullptr;
    if (!trail)
        return;
    const QString path = m_exportPath ? m_exportPath() : QString();
    if (path.isEmpty())
        return;
    const auto records = trail->log().read(filter());
    if (!records) {
        m_status->setText(tr("The audit log could not be read: %1").arg(records.error().message));
        return;
    }
    const QByteArray csv = audit::AuditLog::toCsv(records.value());
    QSaveFile file(path);
    const bool ok =
        file.open(QIODevice::WriteOnly) && file.write(csv) == csv.size() && file.commit();
    const QString object = tr("audit log, %n record(s) to %1", nullptr, int(records->size()))
                               .arg(QFileInfo(path).fileName());
    trail->record(audit::AuditAction::Export, object,
                  ok ? audit::AuditOutcome::Ok : audit::AuditOutcome::Failed);
    m_status->setText(ok ? tr("Exported %n record(s) to %1.", nullptr, int(records->size()))
                               .arg(QDir::toNativeSeparators(path))
                         : tr("Could not write %1: %2").arg(path, file.errorString()));
}

} // namespace aerodesk::ui
