// What the payload inspector, the webhook verifier and the encrypted store do per item.
#include "core/crypto/Aead.h"
#include "core/crypto/Hex.h"
#include "core/crypto/Hmac.h"
#include "core/crypto/Random.h"
#include "core/crypto/RsaOaep.h"

#include <benchmark/benchmark.h>

using namespace aerodesk::crypto;

namespace {
const RsaPrivateKey &key()
{
    static const RsaPrivateKey k = RsaPrivateKey::generate(2048).value();
    return k;
}
} // namespace

static void HexDecodePayload512(benchmark::State &state)
{
    const QByteArray text = Hex::encode(Random::bytes(512));
    for (auto _ : state)
        benchmark::DoNotOptimize(Hex::decode(text));
    state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(HexDecodePayload512);

static void OaepDecryptSha1(benchmark::State &state)
{
    const QByteArray ct =
        RsaOaep::encrypt(key().publicKey(), R"({"userCode":"UC-1","retUrl":"https://x"})").value();
    for (auto _ : state)
        benchmark::DoNotOptimize(RsaOaep::decrypt(key(), ct));
}
BENCHMARK(OaepDecryptSha1);

static void OaepEncryptSha1(benchmark::State &state)
{
    const RsaPublicKey pub = key().publicKey();
    for (auto _ : state)
        benchmark::DoNotOptimize(RsaOaep::encrypt(pub, R"({"attemptId":"a","userCode":"u"})"));
}
BENCHMARK(OaepEncryptSha1);

static void HmacSha256(benchmark::State &state)
{
    const QByteArray body(state.range(0), 'x');
    for (auto _ : state)
        benchmark::DoNotOptimize(Hmac::sha256("whsec_bench_secret", body));
    state.SetBytesProcessed(state.iterations() * body.size());
}
BENCHMARK(HmacSha256)->Arg(1024)->Arg(64 * 1024);

static void AeadSealOpen256(benchmark::State &state)
{
    const SecureBytes k = Random::secretBytes(32);
    const QByteArray pt(256, 'i');
    for (auto _ : state) {
        const QByteArray sealed = Aead::seal(k, pt, "connections.connection_id").value();
        benchmark::DoNotOptimize(Aead::open(k, sealed, "connections.connection_id"));
    }
}
BENCHMARK(AeadSealOpen256);

BENCHMARK_MAIN();
