#include "app/console/ScreenshotTour.h"

#include "app/console/ConsoleWiring.h"
#include "core/api/ApiClient.h"
#include "core/connections/AccountApply.h"
#include "core/store/Store.h"
#include "core/util/Clock.h"
#include "ui/connections/ConnectionsPanel.h"
#include "ui/inspector/PayloadInspectorPanel.h"
#include "ui/shell/MainWindow.h"
#include "ui/walkthroughs/WalkthroughsPanel.h"
#include "ui/webhooks/WebhooksPanel.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <cstdio>

namespace aerodesk {

using walkthrough::Walkthrough;

ScreenshotTour::ScreenshotTour(ui::MainWindow &window, ConsoleWiring &wiring, QString directory,
                               QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_wiring(wiring)
    , m_directory(std::move(directory))
{
}

void ScreenshotTour::fail(const QString &why)
{
    if (m_finished)
        return;
    std::fprintf(stderr, "aerodesk: screenshot tour failed: %s\n", qPrintable(why));
    finish(1);
}

void ScreenshotTour::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(exitCode);
}

void ScreenshotTour::start()
{
    QTimer::singleShot(m_timeLimitMs, this, [this] {
        fail(QStringLiteral("the tour did not finish within %1 s").arg(m_timeLimitMs / 1000));
    });
    session::Session &s = m_wiring.session();
    auto ready = [&s] { return s.isReady() && s.store(); };
    auto go = [this] { runWalkthroughs(0); };
    if (ready())
        return go();
    auto check = [this, ready, go] {
        if (!m_started && ready()) {
            m_started = true;
            go();
        }
    };
    connect(&s, &session::Session::environmentChanged, this, check);
    connect(&s, &session::Session::storeChanged, this, check);
    connect(&s, &session::Session::environmentFailed, this,
            [this](const QString &why) { fail(why); });
    connect(&s, &session::Session::storeFailed, this, [this](const QString &why) { fail(why); });
}

void ScreenshotTour::runWalkthroughs(int index)
{
    auto *panel =
        qobject_cast<ui::WalkthroughsPanel *>(m_window.panel(QStringLiteral("walkthroughs")));
    const QList<Walkthrough::Kind> kinds = Walkthrough::all();
    if (!panel)
        return fail(QStringLiteral("no walkthroughs panel"));
    if (index >= kinds.size())
        return expireOneSoon();
    m_window.showPanel(QStringLiteral("walkthroughs"));
    panel->select(kinds.at(index));
    auto *c = new QMetaObject::Connection;
    *c = connect(panel, &ui::WalkthroughsPanel::walkthroughFinished, this,
                 [this, c, index](Walkthrough::Kind, bool ok) {
                     disconnect(*c);
                     delete c;
                     if (!ok) {
                         // The panel's own status line says why (the failed step's message).
                         auto *status =
                             m_window.findChild<QLabel *>(QStringLiteral("walkthroughStatus"));
                         return fail(QStringLiteral("walkthrough %1 did not complete: %2")
                                         .arg(index + 1)
                                         .arg(status ? status->text() : QString()));
                     }
                     runWalkthroughs(index + 1);
                 });
    panel->runCurrent();
}

void ScreenshotTour::expireOneSoon()
{
    // One connection set (through the sandbox's control route) to expire in 3 days and refreshed
    // from GET /v2/accounts, so the table, the 7-day band and the timeline have something to show.
    session::Session &s = m_wiring.session();
    auto all = s.store()
        ? s.store()->connections().listAll()
        : Result<QList<connections::Connection>, store::StoreError>(store::StoreError {});
    if (!all || all->isEmpty())
        return decryptSample();
    const QString id = all->first().connectionId;
    const QString expiry = s.clock().nowUtc().addDays(3).toString(Qt::ISODate);
    // A control route: it takes the sandbox's control token (from its start line), no Bearer.
    api::HttpRequest request;
    request.method = "POST";
    request.url =
        s.client()->environment().dataUrl(QStringLiteral("/sandbox/connections/%1/expiry").arg(id));
    request.body = QJsonDocument(QJsonObject { { QStringLiteral("connectionExpiry"), expiry } })
                       .toJson(QJsonDocument::Compact);
    request.headers = { m_wiring.sandboxEndpoint().controlHeader(),
                        { QByteArrayLiteral("Content-Type"),
                          QByteArrayLiteral("application/json") } };
    s.client()->transport().send(request, [this, id](Result<api::HttpResponse, api::ApiError>) {
        session::Session &s = m_wiring.session();
        s.client()->getAccount(id, [this, id](Result<api::Account, api::ApiError> account) {
            session::Session &s = m_wiring.session();
            auto stored = s.store()->connections().get(id);
            if (account && stored) {
                connections::applyAccount(stored.value(), account.value(), s.clock().nowUtc());
                if (s.store()->connections().upsert(stored.value()))
                    if (auto *panel = qobject_cast<ui::ConnectionsPanel *>(
                            m_window.panel(QStringLiteral("connections"))))
                        panel->upsertConnection(stored.value());
            }
            decryptSample();
        });
    });
}

void ScreenshotTour::decryptSample()
{
    auto *inspector =
        qobject_cast<ui::PayloadInspectorPanel *>(m_window.panel(QStringLiteral("inspector")));
    if (!inspector)
        return capture();
    // The embedded-banking walkthrough put the sandbox keys in the keychain; reload them.
    auto *keys = new QMetaObject::Connection;
    *keys =
        connect(inspector, &ui::PayloadInspectorPanel::keyChanged, this, [this, inspector, keys] {
            disconnect(*keys);
            delete keys;
            auto *loaded = new QMetaObject::Connection;
            *loaded = connect(inspector, &ui::PayloadInspectorPanel::sampleLoaded, this,
                              [this, inspector, loaded] {
                                  disconnect(*loaded);
                                  delete loaded;
                                  inspector->decrypt();
                                  answerAndAuthenticate(inspector);
                              });
            inspector->fetchSample(true);
        });
    inspector->installSandboxKeys();
}

void ScreenshotTour::answerAndAuthenticate(ui::PayloadInspectorPanel *inspector)
{
    // The connect answered OK (the Partner Users panel then has a connected user and an
    // outcome), and that user's silent-authentication event decrypted but not answered (the
    // inspector shows it; the user's row counts it as pending).
    auto *answered = new QMetaObject::Connection;
    *answered = connect(inspector, &ui::PayloadInspectorPanel::answered, this,
                        [this, inspector, answered](int httpStatus) {
                            disconnect(*answered);
                            delete answered;
                            if (httpStatus != 204)
                                return prepareWebhooks();
                            auto *loaded = new QMetaObject::Connection;
                            *loaded = connect(inspector, &ui::PayloadInspectorPanel::sampleLoaded,
                                              this, [this, inspector, loaded] {
                                                  disconnect(*loaded);
                                                  delete loaded;
                                                  inspector->decrypt();
                                                  prepareWebhooks();
                                              });
                            inspector->fetchSample(false);
                        });
    // The user may be connected from an earlier tour in the same keyring: confirm replacing.
    connect(inspector, &ui::PayloadInspectorPanel::confirmationAsked, this, [inspector] {
        QTimer::singleShot(0, inspector, [inspector] {
            if (auto *box = inspector->findChild<QMessageBox *>(QStringLiteral("replaceCodeBox")))
                box->button(QMessageBox::Yes)->click();
        });
    });
    inspector->answerOk();
}

void ScreenshotTour::prepareWebhooks()
{
    // A secret, a local listener subscribed to the sandbox, and one signed test delivery in the
    // log.
    auto *panel = qobject_cast<ui::WebhooksPanel *>(m_window.panel(QStringLiteral("webhooks")));
    if (!panel)
        return capture();
    m_window.showPanel(QStringLiteral("webhooks"));
    auto once = [this](auto *sender, auto signal, auto then) {
        auto *c = new QMetaObject::Connection;
        *c = connect(sender, signal, this, [c, then](auto &&...) {
            disconnect(*c);
            delete c;
            then();
        });
    };
    once(panel, &ui::WebhooksPanel::deliveryLogged, [this] { capture(); });
    once(panel, &ui::WebhooksPanel::watchingChanged, [panel] { panel->sendTestEvent(); });
    // The ring says "changed" before its write has finished (Watch is still disabled then):
    // start watching once that callback has returned.
    once(panel, &ui::WebhooksPanel::secretsChanged,
         [panel] { QTimer::singleShot(0, panel, [panel] { panel->startWatching(); }); });
    panel->rotate();
}

void ScreenshotTour::capture()
{
    // The first tracked connection selected, so the detail pane and its history show.
    if (auto *connections =
            qobject_cast<ui::ConnectionsPanel *>(m_window.panel(QStringLiteral("connections")))) {
        if (store::Store *s = m_wiring.session().store()) {
            auto all = s->connections().listAll();
            if (all && !all->isEmpty())
                connections->selectConnection(all->first().connectionId);
        }
    }
    if (!m_directory.isEmpty())
        QDir().mkpath(m_directory);
    // The walkthrough view shows the last one run; show the MFA bank instead (the richest).
    if (auto *w =
            qobject_cast<ui::WalkthroughsPanel *>(m_window.panel(QStringLiteral("walkthroughs"))))
        w->select(Walkthrough::Kind::MfaBank);
    for (const QString &id : m_window.panelIds()) {
        m_window.showPanel(id);
        QCoreApplication::processEvents();
        if (m_directory.isEmpty())
            continue;
        const QString path = QDir(m_directory).filePath(id + QStringLiteral(".png"));
        const QImage image = m_window.grab().toImage();
        if (image.isNull() || !image.save(path, "PNG"))
            return fail(QStringLiteral("could not write %1").arg(path));
        std::printf("%s\n", qPrintable(path));
    }
    std::fflush(stdout);
    finish(0);
}

} // namespace aerodesk
