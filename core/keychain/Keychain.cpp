#include "core/keychain/Keychain.h"

#include "core/keychain/KeychainLabel.h"
#include "core/keychain/SecretServiceLabeler.h"
#include "core/keychain/SecretServiceLockProbe.h"
#include "core/util/LogCategories.h"

#include <QMetaObject>
#include <QPointer>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <memory>

namespace aerodesk::keychain {

namespace {

KeychainError lockedError(const QString &backendText)
{
    return { KeychainError::Kind::Locked,
             QStringLiteral("The keyring is locked. Unlock it (for example by logging in to the "
                            "desktop or with Seahorse), then try again. (%1)")
                 .arg(backendText) };
}

KeychainError mapError(QKeychain::Error error, const QString &backendText, const QString &name,
                       const QString &profile)
{
    using K = KeychainError::Kind;
    switch (error) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return { K::NotFound,
                 QStringLiteral("No '%1' is saved for profile '%2' yet — enter it in "
                                "Settings.")
                     .arg(name, profile) };
    case QKeychain::NoBackendAvailable:
        return { K::NoBackend,
                 QStringLiteral(
                     "No keychain is available. AeroDesk keeps secrets only in the system "
                     "keychain: start and unlock a Secret Service such as gnome-keyring "
                     "or KWallet, then try again. (%1)")
                     .arg(backendText) };
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        // libsecret reports a write into a locked keyring as access denied ("Cannot create an
        // item in a locked collection"): the user's remedy is to unlock it, not to allow us.
        if (backendText.contains(QLatin1String("locked"), Qt::CaseInsensitive))
            return lockedError(backendText);
        return { K::AccessDenied,
                 QStringLiteral(
                     "Access to the keychain was denied. Allow AeroDesk in the keychain's "
                     "prompt, then try again. (%1)")
                     .arg(backendText) };
    default:
        break;
    }
    static const char *const unreachable[] = { "Could not connect", "not provided by any",
                                               "ServiceUnknown",    "Cannot autolaunch",
                                               "No such interface", "NoReply" };
    for (const char *marker : unreachable) {
        if (backendText.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return mapError(QKeychain::NoBackendAvailable, backendText, name, profile);
    }
    if (backendText.contains(QLatin1String("locked"), Qt::CaseInsensitive) ||
        backendText.contains(QLatin1String("prompt"), Qt::CaseInsensitive))
        return lockedError(backendText);
    return { K::Other, QStringLiteral("The keychain reported an error: %1").arg(backendText) };
}

/// The entry name for a log line: "userCode.<partnerUserId>" keeps only the kind of entry.
QString logName(const QString &name)
{
    const qsizetype dot = name.indexOf(QLatin1Char('.'));
    if (name.startsWith(QLatin1String("userCode.")) && dot > 0)
        return name.left(dot + 1) + QStringLiteral("…");
    return name;
}

bool worthRetrying(QKeychain::Error error)
{
    // The Secret Service may not be up yet right after login (as Nextcloud observed).
    return error == QKeychain::NoBackendAvailable || error == QKeychain::OtherError;
}

/// One operation: runs a QtKeychain job (retrying once), enforces the timeout, and delivers
/// exactly one result.
struct Operation : std::enable_shared_from_this<Operation>
{
    enum class Type { Read, Write, Remove };
    Type type;
    QString name;
    QString profile;
    QString key;
    /// What is written. QtKeychain's job keeps a shallow copy of it (setBinaryData), so it is
    /// wiped once the last job is destroyed, when this is its only owner.
    QByteArray payload;
    /// What a read returned, shared with the job's own copy until the job is destroyed; then
    /// wiped in place (a wipe while shared would only drop this reference).
    QByteArray received;
    int liveJobs = 0;
    std::function<void(const KeychainError &, crypto::SecureBytes)> done;
    QPointer<QObject> context;
    QTimer timer;
    bool finished = false;
    bool retried = false;

    const char *verb() const
    {
        switch (type) {
        case Type::Read:
            return "read";
        case Type::Write:
            return "write";
        case Type::Remove:
            return "remove";
        }
        return "?";
    }

    void start()
    {
        const QString service = QString::fromLatin1(Keychain::kServiceName);
        QKeychain::Job *job = nullptr;
        switch (type) {
        case Type::Read:
            job = new QKeychain::ReadPasswordJob(service);
            break;
        case Type::Write: {
            auto *w = new QKeychain::WritePasswordJob(service);
            w->setBinaryData(payload);
            job = w;
            break;
        }
        case Type::Remove:
            job = new QKeychain::DeletePasswordJob(service);
            break;
        }
        // A running job is never deleted (QtKeychain's libsecret backend calls back into it when
        // the Secret Service answers: deleting it first crashes). Once it has finished it goes,
        // even when its Keychain went first and onFinished() will not run: left alone, the job,
        // which holds this operation, outlived both (LeakSanitizer found it).
        // (Not QtKeychain's auto-delete: the buffers it shares with this operation are wiped once
        // it is gone, see wipeWhenNoJobHoldsACopy().)
        QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
        job->setAutoDelete(false);
        job->setInsecureFallback(false);
        Q_ASSERT(!job->insecureFallback()); // never a plaintext fallback
        job->setKey(key);
        auto self = shared_from_this();
        ++liveJobs;
        QObject::connect(job, &QObject::destroyed, [self] {
            --self->liveJobs;
            if (!self->context)
                self->finished = true; // its Keychain is gone: no answer will come
            self->wipeWhenNoJobHoldsACopy();
        });
        QObject::connect(job, &QKeychain::Job::finished, context.data(),
                         [self](QKeychain::Job *j) { self->onFinished(j); });
        job->start();
    }

    void onFinished(QKeychain::Job *job)
    {
        job->deleteLater(); // not now: QtKeychain still uses it after emitting finished()
        if (finished)
            return;
        const QKeychain::Error error = job->error();
        if (error != QKeychain::NoError && error != QKeychain::EntryNotFound && !retried &&
            worthRetrying(error)) {
            retried = true;
            qCInfo(aerodesk::log::keychain).noquote()
                << verb() << logName(name) << "of profile" << profile
                << "failed:" << job->errorString() << "- retrying once";
            auto self = shared_from_this();
            QTimer::singleShot(1500, context.data(), [self] {
                if (!self->finished)
                    self->start();
            });
            return;
        }
        crypto::SecureBytes value;
        KeychainError result;
        if (type == Type::Remove && error == QKeychain::EntryNotFound) {
            result = {};
        } else {
            result = mapError(error, job->errorString(), name, profile);
        }
        if (result.ok() && type == Type::Write && context) {
            // QtKeychain labels every item "AeroDesk": give it its descriptive label first, so
            // that whoever gets the callback finds the item labelled. Never fails the write.
            // (payload is wiped once the job is gone: wipeWhenNoJobHoldsACopy.)
            auto self = shared_from_this();
            SecretServiceLabeler::apply(QString::fromLatin1(Keychain::kServiceName), key,
                                        KeychainLabel::forEntry(profile, name), context.data(),
                                        [self] { self->finish({}, {}); });
            return;
        }
        if (type == Type::Read && result.kind == KeychainError::Kind::NotFound && context) {
            // QtKeychain's libsecret backend answers a read from a LOCKED keyring with "Entry
            // not found" (the unlock prompt is dismissed without an error when none can be
            // shown). Not found is only believed when the keyring is unlocked: otherwise the
            // store opener would take a locked keyring for a lost store key.
            auto self = shared_from_this();
            SecretServiceLockProbe::defaultCollectionLocked(
                context.data(), [self, result](bool locked) {
                    self->finish(locked ? lockedError(QStringLiteral(
                                              "the Secret Service's default collection is locked"))
                                        : result,
                                 {});
                });
            return;
        }
        if (result.ok() && type == Type::Read) {
            received = static_cast<QKeychain::ReadPasswordJob *>(job)->binaryData();
            value = crypto::SecureBytes(received.constData(), std::size_t(received.size()));
        }
        finish(result, std::move(value));
    }

    /// Wipes payload and received once no QtKeychain job shares them any more (a job that
    /// timed out may still be running; its destruction wipes them later).
    void wipeWhenNoJobHoldsACopy()
    {
        if (liveJobs > 0 || !finished)
            return;
        crypto::secureWipe(payload);
        crypto::secureWipe(received);
    }

    void finish(const KeychainError &result, crypto::SecureBytes value)
    {
        if (finished)
            return;
        finished = true;
        timer.stop();
        // Drop the timeout connection: its functor holds a reference to this operation.
        QObject::disconnect(&timer, nullptr, nullptr, nullptr);
        wipeWhenNoJobHoldsACopy();
        // Names and profiles only: never a value.
        if (result.ok())
            qCDebug(aerodesk::log::keychain).noquote()
                << verb() << logName(name) << "of profile" << profile << "ok";
        else if (result.kind == KeychainError::Kind::NotFound)
            qCDebug(aerodesk::log::keychain).noquote()
                << verb() << logName(name) << "of profile" << profile << "- not found";
        else
            qCWarning(aerodesk::log::keychain).noquote() << verb() << logName(name) << "of profile"
                                                         << profile << "failed:" << result.message;
        if (done)
            done(result, std::move(value));
        done = nullptr;
    }
};

} // namespace

Keychain::Keychain(QString profile, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
{
}

QString Keychain::qualifiedKey(const QString &name) const
{
    return m_profile + QLatin1Char('/') + name;
}

namespace {
void run(Keychain *owner, const std::shared_ptr<Operation> &op, int timeoutMs)
{
    op->timer.setSingleShot(true);
    QObject::connect(&op->timer, &QTimer::timeout, owner, [op, timeoutMs] {
        op->finish({ KeychainError::Kind::Timeout,
                     QStringLiteral("The keychain did not answer within %1 s. Is a keyring prompt "
                                    "waiting, or is the Secret Service hung?")
                         .arg(timeoutMs / 1000.0) },
                   {});
    });
    op->timer.start(timeoutMs);
    // Start on the next event-loop turn so the callback can never run inside the caller.
    QMetaObject::invokeMethod(
        owner, [op] { op->start(); }, Qt::QueuedConnection);
}
} // namespace

void Keychain::write(const QString &name, const crypto::SecureBytes &secret, WriteCallback done)
{
    auto op = std::make_shared<Operation>();
    op->type = Operation::Type::Write;
    op->name = name;
    op->profile = m_profile;
    op->key = qualifiedKey(name);
    op->payload = QByteArray(secret.constChar(), qsizetype(secret.size()));
    op->done = [done = std::move(done)](const KeychainError &e, crypto::SecureBytes) {
        if (done)
            done(e);
    };
    op->context = this;
    run(this, op, m_timeoutMs);
}

void Keychain::read(const QString &name, ReadCallback done)
{
    auto op = std::make_shared<Operation>();
    op->type = Operation::Type::Read;
    op->name = name;
    op->profile = m_profile;
    op->key = qualifiedKey(name);
    op->done = std::move(done);
    op->context = this;
    run(this, op, m_timeoutMs);
}

void Keychain::remove(const QString &name, WriteCallback done)
{
    auto op = std::make_shared<Operation>();
    op->type = Operation::Type::Remove;
    op->name = name;
    op->profile = m_profile;
    op->key = qualifiedKey(name);
    op->done = [done = std::move(done)](const KeychainError &e, crypto::SecureBytes) {
        if (done)
            done(e);
    };
    op->context = this;
    run(this, op, m_timeoutMs);
}

} // namespace aerodesk::keychain
