#include "core/emulatorhost/BuiltInEnvironment.h"

#include "core/crypto/SecureBytes.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/util/LogCategories.h"

#include <QPointer>

#include <memory>

namespace aerodesk::emulatorhost {

QString BuiltInEnvironment::Failure::message() const
{
    switch (stage) {
    case Stage::Start:
        return BuiltInEnvironment::tr("The built-in sandbox could not start: %1").arg(reason);
    case Stage::Credentials:
        return BuiltInEnvironment::tr(
                   "The built-in sandbox's credentials could not be saved in the keychain: %1")
            .arg(reason);
    }
    return reason;
}

BuiltInEnvironment::BuiltInEnvironment(keychain::Keychain &keychain, QString executable,
                                       QStringList extraArgs, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
    , m_launcher(std::move(executable), std::move(extraArgs))
{
    connect(&m_launcher, &EmulatorLauncher::ready, this, &BuiltInEnvironment::onLaunched);
    connect(&m_launcher, &EmulatorLauncher::failed, this,
            [this](const QString &why) { fail(Failure::Stage::Start, why); });
    connect(&m_launcher, &EmulatorLauncher::exited, this, [this](int code) {
        qCInfo(aerodesk::log::sandboxhost) << "the built-in sandbox exited with code" << code;
        Q_EMIT exited(code);
    });
}

BuiltInEnvironment::~BuiltInEnvironment()
{
    // Stop the child while this object is whole: its exit is nobody's news any more, and no
    // signal may come from a half-destroyed object.
    ++m_generation;
    disconnect(&m_launcher, nullptr, this, nullptr);
    m_launcher.stop();
}

void BuiltInEnvironment::start()
{
    ++m_generation;
    qCDebug(aerodesk::log::sandboxhost) << "starting the built-in sandbox; credentials go to the"
                                        << "keychain profile" << m_keychain.profile();
    m_launcher.start();
}

void BuiltInEnvironment::stop()
{
    ++m_generation;
    m_launcher.stop();
}

void BuiltInEnvironment::onLaunched(const EmulatorEndpoint &endpoint)
{
    qCInfo(aerodesk::log::sandboxhost).noquote()
        << "the built-in sandbox is up at" << endpoint.baseUrl.toString() << "pid" << endpoint.pid
        << "certificate pinned" << QString::fromLatin1(endpoint.certSha256Hex.left(12)) + u'…';
    const quint64 generation = m_generation;
    Q_EMIT launched(endpoint);
    if (generation != m_generation)
        return; // stopped or restarted from a launched() slot
    // Its throwaway credentials go to the keychain only, like any environment's: the API client
    // reads them from there. Two writes at once; the first error is the one reported.
    auto pending = std::make_shared<int>(2);
    auto firstError = std::make_shared<QString>();
    api::Environment environment = api::Environment::sandbox(
        api::Environment::Kind::BuiltInSandbox, QString::fromLatin1(kDisplayName),
        m_keychain.profile(), endpoint.baseUrl, endpoint.certPem, endpoint.certSha256Hex);
    environment.configurationId = m_configurationId;
    QPointer<BuiltInEnvironment> self(this);
    auto written = [self, generation, pending, firstError,
                    environment](const keychain::KeychainError &error) {
        if (!error.ok() && firstError->isEmpty())
            *firstError = error.message;
        if (--*pending > 0 || !self || self->m_generation != generation)
            return;
        if (!firstError->isEmpty())
            return self->fail(Failure::Stage::Credentials, *firstError);
        qCDebug(aerodesk::log::sandboxhost)
            << "the built-in sandbox's credentials are in the keychain";
        Q_EMIT self->ready(environment);
    };
    m_keychain.write(QString::fromLatin1(keychain::entries::kApiKey),
                     crypto::SecureBytes::fromUtf8(endpoint.apiKey), written);
    // The apiSecret came over the launcher's private pipe into one shared SecureBytes; the
    // keychain takes its own copy (wiped once written), and the shared one is wiped now, so
    // no copy of the endpoint (the launcher's, signal arguments) keeps it for the session.
    static const crypto::SecureBytes kNone;
    m_keychain.write(QString::fromLatin1(keychain::entries::kApiSecret),
                     endpoint.apiSecret ? *endpoint.apiSecret : kNone, written);
    if (endpoint.apiSecret)
        endpoint.apiSecret->clear();
}

void BuiltInEnvironment::fail(Failure::Stage stage, const QString &reason)
{
    const Failure failure { stage, reason };
    qCWarning(aerodesk::log::sandboxhost).noquote() << failure.message();
    Q_EMIT failed(failure);
}

} // namespace aerodesk::emulatorhost
