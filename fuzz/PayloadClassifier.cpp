// Fuzzes what happens to a decrypted embedded-banking payload:
// embedded::PayloadDecryptor::fromPlaintext (UTF-8 -> JSON object -> EventPayload::classify,
// which also checks the retUrl), then what the inspector shows of the event.

#include "core/crypto/SecureBytes.h"
#include "core/embedded/PayloadDecryptor.h"
#include "fuzz/FuzzSupport.h"

#include <QJsonDocument>

using namespace aerodesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const crypto::SecureBytes plain(fuzz::bytes(data, size));
    const auto event = embedded::PayloadDecryptor::fromPlaintext(plain);
    if (!event) {
        AERODESK_FUZZ_CHECK(!event.error().message.isEmpty());
        return 0;
    }
    AERODESK_FUZZ_CHECK(!embedded::EventPayload::checkRetUrl(event->retUrl()).has_value());
    if (event->kind() == embedded::EventPayload::Kind::Connect)
        AERODESK_FUZZ_CHECK(event->userCode().size() > 0);
    // The display JSON never carries the userCode.
    const QJsonObject shown = event->displayObject();
    (void)QJsonDocument(shown).toJson();
    (void)event->maskedUserCode();
    (void)event->kindName();
    const embedded::EventPayload copy = event->clone();
    AERODESK_FUZZ_CHECK(copy.kind() == event->kind());
    AERODESK_FUZZ_CHECK(copy.userCode().view() == event->userCode().view());
    return 0;
}
