#include "ui/shell/PanelCatalogue.h"

#include "ui/audit/AuditPanel.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/inspector/PayloadInspectorPanel.h"
#include "ui/jobs/JobsPanel.h"
#include "ui/partnerusers/PartnerUsersPanel.h"
#include "ui/settings/SettingsPanel.h"
#include "ui/shell/MainWindow.h"
#include "ui/walkthroughs/WalkthroughsPanel.h"
#include "ui/webhooks/WebhooksPanel.h"

#include <QCoreApplication>

#include <algorithm>

namespace aerodesk::ui {

namespace {

constexpr const char *kContext = "aerodesk::ui::PanelCatalogue";
#define TR(text) QT_TRANSLATE_NOOP("aerodesk::ui::PanelCatalogue", text)

QKeySequence ctrl(int digit)
{
    return QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + digit));
}

template<class Panel> std::function<QWidget *(session::Session &)> make()
{
    return [](session::Session &session) -> QWidget * { return new Panel(session); };
}

std::vector<PanelEntry> build()
{
    std::vector<PanelEntry> entries = {
        { QStringLiteral("connections"), TR("Connections"), QStringLiteral("nav-connections"), 10,
          ctrl(1),
          TR("Every tracked bank connection, with expiry warnings before a link stops working."),
          make<ConnectionsPanel>() },
        { QStringLiteral("jobs"), TR("Jobs"), QStringLiteral("nav-jobs"), 20, ctrl(2),
          TR("Balance, transactions and identity jobs as they run, with progress you can follow."),
          make<JobsPanel>() },
        { QStringLiteral("inspector"), TR("Payload Inspector"), QStringLiteral("nav-inspector"), 30,
          ctrl(3),
          TR("Decrypt and answer embedded-banking events (connect and silent authentication)."),
          make<PayloadInspectorPanel>() },
        { QStringLiteral("partnerusers"), TR("Partner Users"), QStringLiteral("nav-partnerusers"),
          35, ctrl(4),
          TR("Embedded-banking partner users: connected, invalid or logged out; log out, reveal "
             "a stored userCode, rehearse the automatic disconnect."),
          make<PartnerUsersPanel>() },
        { QStringLiteral("webhooks"), TR("Webhooks"), QStringLiteral("nav-webhooks"), 40, ctrl(5),
          TR("Check webhook signatures and manage the signing secret."), make<WebhooksPanel>() },
        { QStringLiteral("walkthroughs"), TR("Walkthroughs"), QStringLiteral("nav-walkthroughs"),
          50, ctrl(6),
          TR("Guided runs of the sandbox test banks, ticked step by step as the sandbox confirms "
             "them."),
          make<WalkthroughsPanel>() },
        { QStringLiteral("settings"), TR("Settings"), QStringLiteral("nav-settings"), 60, ctrl(7),
          TR("Environments and their credentials: built-in sandbox, custom sandbox or production."),
          make<SettingsPanel>() },
        { QStringLiteral("audit"), TR("Audit Log"), QStringLiteral("nav-audit"), 70, ctrl(8),
          TR("Every reveal, decrypt, removal, export and settings change by staff, hash-chained "
             "so an edit is detected; verify it and export CSV."),
          make<AuditPanel>() },
    };
    std::stable_sort(entries.begin(), entries.end(),
                     [](const PanelEntry &a, const PanelEntry &b) { return a.order < b.order; });
    return entries;
}

#undef TR

} // namespace

QString PanelEntry::title() const
{
    return QCoreApplication::translate(kContext, titleText);
}

QString PanelEntry::help() const
{
    return QCoreApplication::translate(kContext, helpText);
}

const std::vector<PanelEntry> &PanelCatalogue::entries()
{
    static const std::vector<PanelEntry> all = build();
    return all;
}

QStringList PanelCatalogue::ids()
{
    QStringList result;
    for (const PanelEntry &entry : entries())
        result << entry.id;
    return result;
}

std::optional<PanelEntry> PanelCatalogue::find(const QString &id)
{
    for (const PanelEntry &entry : entries()) {
        if (entry.id == id)
            return entry;
    }
    return std::nullopt;
}

void PanelCatalogue::installInto(MainWindow &window, session::Session &session)
{
    for (const PanelEntry &entry : entries())
        window.addPanel(entry, entry.create(session));
}

} // namespace aerodesk::ui
