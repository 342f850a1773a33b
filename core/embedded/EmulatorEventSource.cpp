#include "core/embedded/EmulatorEventSource.h"

#include "core/api/ApiClient.h"
#include "core/crypto/SecureBytes.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/util/LogCategories.h"

#include <QPointer>

namespace aerodesk::embedded {

EmulatorEventSource::EmulatorEventSource(api::ApiClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void EmulatorEventSource::installSandboxKeys(EmbeddedKeyStore &keys, Done done)
{
    QPointer<EmbeddedKeyStore> store(&keys);
    m_client.call(
        "GET", QStringLiteral("/sandbox/eb/keys"), {},
        [store, done](Result<api::HttpResponse, api::ApiError> r) {
            if (!r)
                return done(
                    QStringLiteral("The sandbox did not give its keys: %1").arg(r.error().message));
            QString privatePem = r->json.value(QLatin1String("partnerPrivateKeyPem")).toString();
            const QString providerPem =
                r->json.value(QLatin1String("providerPublicKeyPem")).toString();
            crypto::secureWipe(r->body);
            if (privatePem.isEmpty() || providerPem.isEmpty()) {
                qCWarning(aerodesk::log::embedded) << "the sandbox's key answer lacks a PEM";
                return done(QStringLiteral(
                    "The sandbox's key answer has no partnerPrivateKeyPem/providerPublicKeyPem."));
            }
            if (!store)
                return;
            const crypto::SecureBytes pem = crypto::SecureBytes::fromUtf8(privatePem);
            crypto::secureWipe(privatePem);
            store->importPartnerKey(pem.view(), {},
                                    [store, providerPem, done](const QString &error) {
                                        if (!error.isEmpty() || !store)
                                            return done(error);
                                        store->importProviderKey(providerPem.toLatin1(), done);
                                    });
        });
}

void EmulatorEventSource::connectEvent(const QString &user, EventDone done)
{
    event(QStringLiteral("/sandbox/eb/connect-event"), user, std::move(done));
}

void EmulatorEventSource::authEvent(const QString &user, EventDone done)
{
    event(QStringLiteral("/sandbox/eb/auth-event"), user, std::move(done));
}

void EmulatorEventSource::event(const QString &path, const QString &user, EventDone done)
{
    QJsonObject body;
    if (!user.isEmpty())
        body.insert(QStringLiteral("user"), user);
    m_client.call("POST", path, body, [done](Result<api::HttpResponse, api::ApiError> r) {
        if (!r)
            return done(r.error());
        SampleEvent e;
        e.kind = r->json.value(QLatin1String("kind")).toString();
        e.user = r->json.value(QLatin1String("user")).toString();
        e.payloadHex = r->json.value(QLatin1String("payload")).toString().toLatin1();
        if (e.payloadHex.isEmpty()) {
            qCWarning(aerodesk::log::embedded) << "the sandbox's event has no payload";
            return done(api::ApiError::make(api::ApiError::Kind::BadResponse,
                                            QStringLiteral("The sandbox's event has no payload.")));
        }
        qCDebug(aerodesk::log::embedded).noquote()
            << QStringLiteral("sandbox %1 event received (%2 bytes, encrypted)")
                   .arg(e.kind)
                   .arg(e.payloadHex.size() / 2);
        done(std::move(e));
    });
}

} // namespace aerodesk::embedded
