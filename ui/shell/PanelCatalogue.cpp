#include "ui/shell/PanelCatalogue.h"

#include "ui/shell/MainWindow.h"
#include "ui/shell/PlaceholderPanel.h"

#include <QCoreApplication>

#include <array>

namespace aerodesk::ui {

namespace {

struct PanelText
{
    const char *id;
    const char *icon;
    const char *title;
    const char *summary;
    std::array<const char *, 5> coming; ///< unused trailing entries are nullptr
};

#define TR(text) QT_TRANSLATE_NOOP("aerodesk::ui::PanelCatalogue", text)

const PanelText kPanels[] = {
    { "connections",
      "nav-connections",
      TR("Connections"),
      TR("Every tracked bank connection, with expiry warnings before a link stops working."),
      { TR("A sortable, filterable table of connections: bank, masked connectionId and "
           "aeroPassUserUuid, "
           "status, expiry date and days left"),
        TR("Expiry bands (expired, 7 days, 30 days) shown by icon and text as well as colour, and "
           "a "
           "timeline of connections expiring per day"),
        TR("Row actions: refresh details, refresh balance, transactions, identity, Reconnect, "
           "remove"),
        TR("Import from the sandbox listing, a CSV/JSON file or a pasted id"),
        TR("A detail pane with the account summary and the connection's history") } },
    { "jobs",
      "nav-jobs",
      TR("Jobs"),
      TR("Balance, transactions and identity jobs as they run, with progress you can follow."),
      { TR("One row per job: type, connection, state, progress bar, attempts and elapsed time"),
        TR("Cancel a running job; a friendly message with the next step when a job times out"),
        TR("An MFA prompt with a countdown and a Relaunch action the moment a bank asks for MFA"),
        TR("AC-112 shows the job that is already running instead of an error") } },
    { "inspector",
      "nav-inspector",
      TR("Payload Inspector"),
      TR("Decrypt and answer embedded-banking events (connect and silent authentication)."),
      { TR("Paste hex or open a file; choose the private key from the keychain"),
        TR("Decrypted JSON, pretty-printed and syntax-coloured; userCode masked until you reveal "
           "it"),
        TR("Answer the retUrl (connect status, or an encrypted silent-auth reply) and see the "
           "result"),
        TR("A specific message for every malformed input: bad hex, wrong key, not JSON, unknown "
           "shape") } },
    { "webhooks",
      "nav-webhooks",
      TR("Webhooks"),
      TR("Check webhook signatures and manage the signing secret."),
      { TR("Paste a raw body and its X-Webhook-Signature header, or watch sandbox deliveries"),
        TR("Verify against the current and previous secret, and see which matched or why none did"),
        TR("Rotate the secret (kept in the keychain) and see when the overlap window closes") } },
    { "walkthroughs",
      "nav-walkthroughs",
      TR("Walkthroughs"),
      TR("Guided runs of the sandbox test banks, ticked step by step as the sandbox confirms "
         "them."),
      { TR("Aerosync Bank (MFA), Aerosync Bank (OAuth) and Aerosync Bank (Security Question)"),
        TR("Embedded banking: connect and silent authentication"),
        TR("Failures explained from the error catalogue; export the result as Markdown or "
           "HTML") } },
    { "settings",
      "nav-settings",
      TR("Settings"),
      TR("Environments and their credentials: built-in sandbox, custom sandbox or production."),
      { TR("apiKey/apiSecret, webhook secret and configurationId per environment, stored only in "
           "the "
           "system keychain"),
        TR("Switch the active environment; the banner above always shows which one is active"),
        TR("Poll limits and other preferences") } },
};

#undef TR

QString translated(const char *text)
{
    return QCoreApplication::translate("aerodesk::ui::PanelCatalogue", text);
}

} // namespace

QStringList PanelCatalogue::ids()
{
    QStringList result;
    for (const PanelText &panel : kPanels)
        result << QLatin1String(panel.id);
    return result;
}

void PanelCatalogue::installInto(MainWindow &window)
{
    for (const PanelText &panel : kPanels) {
        QStringList coming;
        for (const char *item : panel.coming) {
            if (item)
                coming << translated(item);
        }
        auto *widget =
            new PlaceholderPanel(translated(panel.title), translated(panel.summary), coming);
        window.addPanel(QLatin1String(panel.id), translated(panel.title), QLatin1String(panel.icon),
                        widget);
    }
}

} // namespace aerodesk::ui
