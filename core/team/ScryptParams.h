#pragma once

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <optional>

namespace aerodesk::team {

/// scrypt's cost parameters as a passphrase export carries them (docs/team.md, "Enrolment").
/// N = 2^logN. `maxmem` is the memory ceiling handed to OpenSSL (and to Node's scryptSync):
/// written in the export so a peer implementation uses the same bound.
struct ScryptParams
{
    int logN = 17; ///< defaults: N = 2^17, r = 8, p = 1 — 128 MiB, see docs/team.md for timing
    int r = 8;
    int p = 1;
    std::uint64_t maxmem = 0; ///< 0 = requiredMemory() rounded up (set by withMaxmem())

    static constexpr int kMinLogN = 10; ///< accepted on import (tests use small costs)
    static constexpr int kMaxLogN = 22;
    static constexpr int kMaxR = 32;
    static constexpr int kMaxP = 4;
    /// Beyond this an import is refused, so a crafted export cannot make a console allocate
    /// gigabytes before the passphrase is even checked.
    static constexpr std::uint64_t kMaxMemory = std::uint64_t(512) << 20;

    static ScryptParams defaults() { return ScryptParams {}.withMaxmem(); }
    std::uint64_t n() const { return std::uint64_t(1) << logN; }
    /// What OpenSSL's scrypt allocates: 128·r·(N + 2) for V plus 128·r·p for B.
    std::uint64_t requiredMemory() const;
    /// A copy whose maxmem is requiredMemory() plus 1 MiB, rounded to whole MiB.
    ScryptParams withMaxmem() const;

    /// Why these parameters are refused (out of bounds, maxmem too small or too large).
    std::optional<QString> problem() const;

    QJsonObject toJson() const; ///< {"name":"scrypt","N":..,"r":..,"p":..,"maxmem":..}
    /// Parses toJson()'s shape (without the salt); nullopt when a field is missing or not a
    /// positive integer, or N is not a power of two.
    static std::optional<ScryptParams> fromJson(const QJsonObject &o);
};

} // namespace aerodesk::team
