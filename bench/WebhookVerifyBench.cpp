// The webhook verifier per delivery, end to end (header parse, hex decode, HMAC-SHA256 with the
// ring's keyed context, constant-time compare), and the HMAC primitives beside it.
#include "core/crypto/Hmac.h"
#include "core/crypto/HmacKey.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/Clock.h"
#include "core/webhooks/SecretRing.h"
#include "core/webhooks/SignatureVerifier.h"

#include <benchmark/benchmark.h>

using namespace aerodesk;

namespace {
const QByteArray kSecret = "whsec_bench_secret";
} // namespace

static void WebhookVerify(benchmark::State &state)
{
    const SystemClock clock;
    webhooks::SecretRing ring(clock);
    ring.setCurrent(crypto::SecureBytes(QByteArrayView(kSecret)));
    const QByteArray body(state.range(0), 'x');
    const std::optional<QByteArray> header = webhooks::SignatureVerifier::sign(body, kSecret);
    for (auto _ : state) {
        const webhooks::WebhookVerdict v = webhooks::SignatureVerifier::verify(body, header, ring);
        if (v.kind != webhooks::WebhookVerdict::Kind::Valid)
            state.SkipWithError("verdict not Valid");
        benchmark::DoNotOptimize(v);
    }
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(WebhookVerify)->Arg(1024)->Arg(64 * 1024);

static void HmacKeySha256(benchmark::State &state)
{
    const crypto::HmacKey key(kSecret);
    const QByteArray body(state.range(0), 'x');
    for (auto _ : state)
        benchmark::DoNotOptimize(key.mac(body));
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(HmacKeySha256)->Arg(1024)->Arg(64 * 1024);

BENCHMARK_MAIN();
