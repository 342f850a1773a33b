// Fuzzes the team-key export and enrolment-key parsers (docs/team.md, "Enrolment"):
// team::TeamKeyExport::parse, team::EnrolmentPublicKey::parse and, for cheap passphrase exports,
// the unwrap — with the invariants the importer relies on.

#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyWrapper.h"
#include "fuzz/FuzzSupport.h"

#include <QJsonDocument>

using namespace aerodesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    const auto parsed = team::TeamKeyExport::parse(text);
    if (!parsed) {
        AERODESK_FUZZ_CHECK(!parsed.error().message.isEmpty());
    } else {
        const team::ExportHeader &h = parsed->header;
        // An accepted header is within the bounds a console can afford, and round-trips.
        AERODESK_FUZZ_CHECK(team::TeamKey::isKeyId(h.keyId));
        AERODESK_FUZZ_CHECK(!h.team.trimmed().isEmpty());
        if (h.kind == team::ExportHeader::Kind::Passphrase) {
            AERODESK_FUZZ_CHECK(!h.scrypt.problem().has_value());
            AERODESK_FUZZ_CHECK(h.scrypt.maxmem <= team::ScryptParams::kMaxMemory);
            AERODESK_FUZZ_CHECK(h.salt.size() >= team::ExportHeader::kSaltBytes);
        } else {
            AERODESK_FUZZ_CHECK(h.ephemeralPublicKey.size() == 32);
        }
        const auto again = team::ExportHeader::fromJson(h.toJson());
        AERODESK_FUZZ_CHECK(again.ok());
        AERODESK_FUZZ_CHECK(again->keyId == h.keyId && again->team == h.team);
        // Only the cheapest cost is worth running per input.
        if (h.kind == team::ExportHeader::Kind::Passphrase &&
            h.scrypt.logN == team::ScryptParams::kMinLogN && h.scrypt.r <= 8 && h.scrypt.p == 1) {
            const auto key = team::TeamKeyWrapper::unwrap(
                parsed.value(), crypto::SecureBytes(QByteArrayView("fuzz passphrase")));
            // A key comes out only when it is the key the header names.
            if (key)
                AERODESK_FUZZ_CHECK(key->keyId() == h.keyId);
            else
                AERODESK_FUZZ_CHECK(!key.error().message.isEmpty());
        }
    }
    const auto enrolment = team::EnrolmentPublicKey::parse(text);
    if (enrolment) {
        AERODESK_FUZZ_CHECK(enrolment->publicKey.size() == 32);
        const auto back = team::EnrolmentPublicKey::parse(enrolment->toArmoured());
        AERODESK_FUZZ_CHECK(back.ok() && back->publicKey == enrolment->publicKey);
    } else {
        AERODESK_FUZZ_CHECK(!enrolment.error().message.isEmpty());
    }
    return 0;
}
