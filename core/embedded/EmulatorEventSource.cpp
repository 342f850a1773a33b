#include "core/embedded/EmulatorEventSource.h"

#include "core/api/ApiClient.h"
#include "core/crypto/SecureBytes.h"
#include "core/embedded/EmbeddedKeyStore.h"
#include "core/util/LogCategories.h"

#include <QJsonArray>
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
    requestEvent(QStringLiteral("/sandbox/eb/connect-event"), user, std::move(done));
}

void EmulatorEventSource::authEvent(const QString &user, EventDone done)
{
    requestEvent(QStringLiteral("/sandbox/eb/auth-event"), user, std::move(done));
}

void EmulatorEventSource::requestEvent(const QString &path, const QString &user, EventDone done)
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

void EmulatorEventSource::logout(const QString &user, Done done)
{
    control(QStringLiteral("/sandbox/eb/logout"), QJsonObject { { QStringLiteral("user"), user } },
            tr("The sandbox could not log the user out: %1"), std::move(done));
}

void EmulatorEventSource::expire(const QString &user, Done done)
{
    QJsonObject body;
    if (!user.isEmpty())
        body.insert(QStringLiteral("user"), user);
    control(QStringLiteral("/sandbox/eb/expire"), body,
            tr("The sandbox could not disconnect the user: %1"), std::move(done));
}

void EmulatorEventSource::setIdleTimeout(qint64 ms, Done done)
{
    control(QStringLiteral("/sandbox/eb/idle-timeout"),
            QJsonObject { { QStringLiteral("ms"), ms } },
            tr("The sandbox could not set its idle timeout: %1"), std::move(done));
}

void EmulatorEventSource::control(const QString &path, const QJsonObject &body,
                                  const QString &failed, Done done)
{
    m_client.call("POST", path, body,
                  [path, failed, done](Result<api::HttpResponse, api::ApiError> r) {
                      if (r)
                          return done(QString());
                      qCWarning(aerodesk::log::embedded).noquote()
                          << QStringLiteral("sandbox %1 failed: %2")
                                 .arg(path, api::apiErrorLogText(r.error()));
                      QString text = failed.arg(r.error().message);
                      if (!r.error().code.isEmpty())
                          text += QStringLiteral(" [%1]").arg(r.error().code);
                      done(text);
                  });
}

void EmulatorEventSource::state(StateDone done)
{
    m_client.call("GET", QStringLiteral("/sandbox/eb/state"), {},
                  [done](Result<api::HttpResponse, api::ApiError> r) {
                      if (!r)
                          return done(r.error());
                      if (!r->json.value(QLatin1String("users")).isArray())
                          return done(api::ApiError::make(
                              api::ApiError::Kind::BadResponse,
                              tr("The sandbox's embedded-banking state has no user list.")));
                      done(r->json);
                  });
}

QJsonObject EmulatorEventSource::sandboxUserState(const QJsonObject &state, const QString &user)
{
    const QJsonArray users = state.value(QLatin1String("users")).toArray();
    for (const QJsonValue &row : users) {
        if (row.toObject().value(QLatin1String("user")).toString() == user)
            return row.toObject();
    }
    return {};
}

} // namespace aerodesk::embedded
