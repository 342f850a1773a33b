#include "core/team/TeamKeyImporter.h"

#include "core/team/EnrolmentKeyPair.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace aerodesk::team {

TeamKeyImporter::TeamKeyImporter()
    : m_context(std::make_unique<QObject>())
{
}

TeamKeyImporter::~TeamKeyImporter() = default;

void TeamKeyImporter::unwrapInBackground(const TeamKeyExport &exported,
                                         crypto::SecureBytes passphrase, const QString &kind,
                                         Done done)
{
    // A shared_ptr result: QFuture keeps a copy of what the worker returns until it is gone.
    using Unwrapped = std::shared_ptr<Result<TeamKey, TeamError>>;
    auto pass = std::make_shared<crypto::SecureBytes>(std::move(passphrase));
    auto *watcher = new QFutureWatcher<Unwrapped>(m_context.get());
    QObject::connect(watcher, &QFutureWatcher<Unwrapped>::finished, m_context.get(),
                     [this, watcher, kind, done] {
                         watcher->deleteLater();
                         Unwrapped unwrapped = watcher->result();
                         save(kind, std::move(*unwrapped), done);
                     });
    watcher->setFuture(QtConcurrent::run([exported, pass]() -> Unwrapped {
        auto unwrapped =
            std::make_shared<Result<TeamKey, TeamError>>(TeamKeyWrapper::unwrap(exported, *pass));
        pass->clear();
        return unwrapped;
    }));
}

void TeamKeyImporter::import(QByteArrayView text, crypto::SecureBytes passphrase, Done done)
{
    auto parsed = TeamKeyExport::parse(text);
    if (!parsed) {
        qCWarning(aerodesk::log::keychain).noquote()
            << "team key import refused:" << TeamError::kindName(parsed.error().kind);
        return done(parsed.error());
    }
    const TeamKeyExport exported = std::move(parsed).value();
    m_keychain = std::make_unique<TeamKeychain>(exported.header.team);
    const QString kind = ExportHeader::kindName(exported.header.kind);
    if (exported.header.kind == ExportHeader::Kind::Passphrase)
        return unwrapInBackground(exported, std::move(passphrase), kind, std::move(done));
    m_keychain->readEnrolmentKey([this, exported, kind,
                                  done](Result<crypto::SecureBytes, TeamError> secret) {
        if (!secret) {
            if (secret.error().kind != TeamError::Kind::Missing)
                return done(secret.error());
            return done(
                TeamError::make(TeamError::Kind::Missing,
                                QCoreApplication::translate(
                                    "aerodesk::team::TeamKeyImporter",
                                    "This export is wrapped for an enrolment key, and this console "
                                    "has none for team \"%1\" (create one in Settings → Team key, "
                                    "or run `aerodesk-cli team enrol-key`).")
                                    .arg(exported.header.team)));
        }
        auto pair = EnrolmentKeyPair::fromPrivate(secret.value());
        if (!pair)
            return done(pair.error());
        save(kind, TeamKeyWrapper::unwrap(exported, pair.value()), done);
    });
}

void TeamKeyImporter::save(const QString &kind, Result<TeamKey, TeamError> key, Done done)
{
    if (!key) {
        qCWarning(aerodesk::log::keychain).noquote()
            << "team key import refused:" << TeamError::kindName(key.error().kind);
        return done(key.error());
    }
    const QString team = m_keychain->team();
    auto held = std::make_shared<TeamKey>(std::move(key).value());
    m_keychain->saveTeamKey(
        *held, [this, team, kind, held, done](Result<TeamKeychain::Saved, TeamError> saved) {
            if (saved)
                return done(Imported { team, saved->keyId, kind, saved->alreadyThere, false });
            if (saved.error().kind != TeamError::Kind::AlreadyPresent || m_nextKeyId.isEmpty() ||
                held->keyId() != m_nextKeyId)
                return done(saved.error());
            // The next epoch's key, expected: beside the current one.
            m_keychain->saveOtherKey(
                *held, [team, kind, held, done](Result<TeamKeychain::Saved, TeamError> other) {
                    if (!other)
                        return done(other.error());
                    done(Imported { team, other->keyId, kind, other->alreadyThere, true });
                });
        });
}

} // namespace aerodesk::team
