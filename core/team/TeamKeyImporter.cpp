#include "core/team/TeamKeyImporter.h"

#include "core/team/EnrolmentKeyPair.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "core/util/LogCategories.h"

#include <QCoreApplication>

namespace aerodesk::team {

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
        return save(kind, TeamKeyWrapper::unwrap(exported, passphrase), std::move(done));
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
                                    "has none for team \"%1\" (run `aerodesk-cli team enrol-key`).")
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
    m_keychain->saveTeamKey(key.value(),
                            [team, kind, done](Result<TeamKeychain::Saved, TeamError> saved) {
                                if (!saved)
                                    return done(saved.error());
                                done(Imported { team, saved->keyId, kind, saved->alreadyThere });
                            });
}

} // namespace aerodesk::team
