#include "core/team/TeamKeyWrapper.h"

#include "core/crypto/Aead.h"
#include "core/crypto/Hkdf.h"
#include "core/crypto/Random.h"
#include "core/team/Scrypt.h"
#include "core/team/TeamKeychain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>

namespace aerodesk::team {

namespace {

ExportHeader headerFor(const TeamKey &key, const TeamKeyWrapper::Meta &meta,
                       ExportHeader::Kind kind)
{
    ExportHeader h;
    h.kind = kind;
    h.team = meta.team;
    h.keyId = key.keyId();
    h.createdBy = meta.createdBy;
    h.createdAt = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return h;
}

Result<TeamKeyExport, TeamError> seal(const TeamKey &key, const ExportHeader &header,
                                      const crypto::SecureBytes &wrapKey)
{
    if (!key.isValid())
        return TeamError::make(
            TeamError::Kind::Internal,
            QCoreApplication::translate("aerodesk::team::TeamKeyWrapper", "No team key to wrap."));
    if (auto problem = TeamKeychain::teamNameProblem(header.team))
        return TeamError::make(
            TeamError::Kind::BadHeader,
            QCoreApplication::translate("aerodesk::team::TeamKeyWrapper", "Bad team name: %1")
                .arg(*problem));
    TeamKeyExport out;
    out.header = header;
    out.headerBytes = QJsonDocument(header.toJson()).toJson(QJsonDocument::Compact);
    auto sealed = crypto::Aead::seal(wrapKey, key.bytes().view(), out.headerBytes);
    if (!sealed)
        return TeamError::make(TeamError::Kind::Internal, sealed.error().message);
    out.sealed = std::move(sealed).value();
    return out;
}

crypto::SecureBytes x25519WrapKey(const crypto::SecureBytes &shared,
                                  const QByteArray &ephemeralPublic,
                                  const QByteArray &recipientPublic)
{
    return crypto::Hkdf::sha256(shared, ephemeralPublic + recipientPublic,
                                TeamKeyWrapper::kX25519Label, 32);
}

Result<TeamKey, TeamError> openSealed(const TeamKeyExport &exported,
                                      const crypto::SecureBytes &wrapKey)
{
    auto opened = crypto::Aead::open(wrapKey, exported.sealed, exported.headerBytes);
    if (!opened)
        return TeamKeyWrapper::couldNotUnwrap();
    TeamKey key = TeamKey::fromBytes(std::move(opened).value());
    if (!key.isValid() || key.keyId() != exported.header.keyId)
        return TeamError::make(
            TeamError::Kind::Inconsistent,
            QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                        "The export opened, but its key is not the team "
                                        "key its header names: it was not made by "
                                        "AeroDesk. Nothing was imported."));
    return key;
}

TeamError wrongKind(ExportHeader::Kind actual)
{
    return TeamError::make(
        TeamError::Kind::WrongKind,
        actual == ExportHeader::Kind::Passphrase
            ? QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                          "This export is protected by a passphrase, not "
                                          "by an enrolment key.")
            : QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                          "This export is wrapped for an agent's "
                                          "enrolment key, not protected by a passphrase."));
}

} // namespace

TeamError TeamKeyWrapper::couldNotUnwrap()
{
    return TeamError::make(
        TeamError::Kind::CouldNotUnwrap,
        QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                    "The team key could not be unwrapped: wrong passphrase "
                                    "or key, or the export was changed."));
}

Result<TeamKeyExport, TeamError>
TeamKeyWrapper::wrapWithPassphrase(const TeamKey &key, const crypto::SecureBytes &passphrase,
                                   const Meta &meta, const ScryptParams &params)
{
    if (passphrase.isEmpty())
        return TeamError::make(TeamError::Kind::EmptyPassphrase,
                               QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                                           "An export needs a passphrase."));
    ExportHeader header = headerFor(key, meta, ExportHeader::Kind::Passphrase);
    header.scrypt = params.maxmem == 0 ? params.withMaxmem() : params;
    header.salt = crypto::Random::bytes(ExportHeader::kSaltBytes);
    auto wrapKey = Scrypt::derive(passphrase, header.salt, header.scrypt, 32);
    if (!wrapKey)
        return wrapKey.error();
    return seal(key, header, wrapKey.value());
}

Result<TeamKeyExport, TeamError>
TeamKeyWrapper::wrapFor(const TeamKey &key, const EnrolmentPublicKey &agent, const Meta &meta)
{
    auto ephemeral = EnrolmentKeyPair::generate();
    if (!ephemeral)
        return ephemeral.error();
    auto shared = ephemeral->agree(agent.publicKey);
    if (!shared)
        return TeamError::make(
            TeamError::Kind::BadHeader,
            QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                        "The agent's enrolment key is not usable."));
    ExportHeader header = headerFor(key, meta, ExportHeader::Kind::PublicKey);
    header.ephemeralPublicKey = ephemeral->publicKey();
    header.recipientKeyId = agent.keyId();
    return seal(key, header,
                x25519WrapKey(shared.value(), header.ephemeralPublicKey, agent.publicKey));
}

Result<TeamKey, TeamError> TeamKeyWrapper::unwrap(const TeamKeyExport &exported,
                                                  const crypto::SecureBytes &passphrase)
{
    if (exported.header.kind != ExportHeader::Kind::Passphrase)
        return wrongKind(exported.header.kind);
    if (passphrase.isEmpty())
        return TeamError::make(TeamError::Kind::EmptyPassphrase,
                               QCoreApplication::translate("aerodesk::team::TeamKeyWrapper",
                                                           "This export needs its passphrase."));
    auto wrapKey = Scrypt::derive(passphrase, exported.header.salt, exported.header.scrypt, 32);
    if (!wrapKey)
        return wrapKey.error();
    return openSealed(exported, wrapKey.value());
}

Result<TeamKey, TeamError> TeamKeyWrapper::unwrap(const TeamKeyExport &exported,
                                                  const EnrolmentKeyPair &agent)
{
    if (exported.header.kind != ExportHeader::Kind::PublicKey)
        return wrongKind(exported.header.kind);
    const QByteArray ownPublic = agent.publicKey();
    if (EnrolmentPublicKey::keyIdOf(ownPublic) != exported.header.recipientKeyId)
        return TeamError::make(
            TeamError::Kind::NotForThisKey,
            QCoreApplication::translate(
                "aerodesk::team::TeamKeyWrapper",
                "This export was made for enrolment key %1, not this console's %2.")
                .arg(exported.header.recipientKeyId, EnrolmentPublicKey::keyIdOf(ownPublic)));
    auto shared = agent.agree(exported.header.ephemeralPublicKey);
    if (!shared)
        return couldNotUnwrap();
    return openSealed(exported,
                      x25519WrapKey(shared.value(), exported.header.ephemeralPublicKey, ownPublic));
}

} // namespace aerodesk::team
