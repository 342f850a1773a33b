#include "core/crypto/Random.h"

#include "core/crypto/Hex.h"

#include <cstdio>
#include <cstdlib>
#include <openssl/rand.h>

namespace aerodesk::crypto {

namespace {
void fill(unsigned char *out, int count)
{
    if (count > 0 && RAND_bytes(out, count) != 1) {
        // No safe way to go on without randomness: keys and nonces would be predictable.
        std::fputs("aerodesk: the OS random source failed (RAND_bytes)\n", stderr);
        std::abort();
    }
}
} // namespace

QByteArray Random::bytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    fill(reinterpret_cast<unsigned char *>(out.data()), count);
    return out;
}

SecureBytes Random::secretBytes(int count)
{
    SecureBytes out(std::size_t(count > 0 ? count : 0));
    fill(out.data(), count);
    return out;
}

QByteArray Random::hex(int byteCount)
{
    return Hex::encode(bytes(byteCount));
}

} // namespace aerodesk::crypto
