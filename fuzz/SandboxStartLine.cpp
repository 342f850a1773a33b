// Fuzzes the start line the console reads from aerodesk-sandbox's stdout:
// emulatorhost::EmulatorEndpoint::fromStartLine (JSON, URL, PEM certificate and its pin).

#include "core/emulatorhost/EmulatorEndpoint.h"
#include "fuzz/FuzzSupport.h"

#include <QUrl>

using namespace aerodesk;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureCoreApplication(); // QSslCertificate loads Qt's TLS backend plugin
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto endpoint = emulatorhost::EmulatorEndpoint::fromStartLine(fuzz::bytes(data, size));
    if (endpoint) {
        // What the launcher then relies on.
        AERODESK_FUZZ_CHECK(endpoint->baseUrl.isValid());
        AERODESK_FUZZ_CHECK(endpoint->baseUrl.scheme() == QLatin1String("https"));
        AERODESK_FUZZ_CHECK(!endpoint->certPem.isEmpty());
        AERODESK_FUZZ_CHECK(!endpoint->apiKey.isEmpty() && endpoint->apiSecret &&
                            !endpoint->apiSecret->isEmpty());
    } else {
        AERODESK_FUZZ_CHECK(!endpoint.error().isEmpty());
    }
    return 0;
}
