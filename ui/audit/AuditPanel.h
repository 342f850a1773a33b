#pragma once

#include "core/audit/AuditFilter.h"
#include "core/audit/AuditVerification.h"
#include "ui/common/SessionPanel.h"

#include <functional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace aerodesk::session {
class Session;
}

namespace aerodesk::ui {

/// The audit log of staff actions (issue 15, docs/audit.md): a table filtered by action, object
/// text and time range, "Verify audit log" (names the first broken record) and "Export CSV…".
/// Reloads when a record is appended. Shows only what core/audit decides.
class AuditPanel : public SessionPanel
{
    Q_OBJECT
public:
    explicit AuditPanel(session::Session &session, QWidget *parent = nullptr);

    /// Where "Export CSV…" writes: by default a save-file dialog; tests give a path.
    using ExportPathProvider = std::function<QString()>;
    void setExportPathProvider(ExportPathProvider provider) { m_exportPath = std::move(provider); }

    audit::AuditFilter filter() const;
    int rowCount() const;
    const audit::AuditVerification &lastVerification() const { return m_verification; }

protected:
    void sessionStoreChanged() override;

private:
    void reload();
    void verify();
    void exportCsv();
    void bindTrail();

    QComboBox *m_action = nullptr;
    QLineEdit *m_object = nullptr;
    QCheckBox *m_timed = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    QPushButton *m_verify = nullptr;
    QPushButton *m_export = nullptr;
    QLabel *m_verdict = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    QStandardItemModel *m_model = nullptr;
    ExportPathProvider m_exportPath;
    audit::AuditVerification m_verification;
    QMetaObject::Connection m_recorded;
};

} // namespace aerodesk::ui
