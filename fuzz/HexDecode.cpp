// Fuzzes the hex codecs: crypto::Hex::decode (strict) and embedded::HexInput::normalise (the
// payload inspector's pasted text), with the invariants the payload decryptor relies on.

#include "core/crypto/Hex.h"
#include "core/embedded/HexInput.h"
#include "fuzz/FuzzSupport.h"

using namespace aerodesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = fuzz::bytes(data, size);
    // A small cap as well as the default, so the "too long" path is reached.
    for (const qsizetype cap : { crypto::Hex::kDefaultMaxBytes, qsizetype(16) }) {
        const auto decoded = crypto::Hex::decode(text, cap);
        if (decoded) {
            AERODESK_FUZZ_CHECK(decoded->size() * 2 == text.size());
            AERODESK_FUZZ_CHECK(decoded->size() <= cap);
            AERODESK_FUZZ_CHECK(crypto::Hex::encode(decoded.value()) == text.toLower());
        } else {
            AERODESK_FUZZ_CHECK(!decoded.error().message.isEmpty());
        }
    }

    for (const qsizetype maxDigits : { qsizetype(64 * 1024), qsizetype(32) }) {
        const auto input = embedded::HexInput::normalise(text, maxDigits);
        if (!input) {
            AERODESK_FUZZ_CHECK(!input.error().message.isEmpty());
            continue;
        }
        // What the decryptor assumes: normalised digits always decode.
        AERODESK_FUZZ_CHECK(input->digits.size() % 2 == 0);
        AERODESK_FUZZ_CHECK(input->digits.size() <= maxDigits);
        AERODESK_FUZZ_CHECK(crypto::Hex::decode(input->digits, maxDigits / 2).ok());
        (void)input->describe();
    }
    return 0;
}
