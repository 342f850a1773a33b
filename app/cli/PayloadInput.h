#pragma once

#include "CliCommand.h"
#include "core/crypto/RsaPrivateKey.h"
#include "core/embedded/EventPayload.h"
#include "core/embedded/HexInput.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <functional>
#include <optional>

namespace aerodesk::cli {

struct CliContext;

/// The payload side of the commands that open an embedded-banking event (decrypt, eb-connect,
/// eb-silent-auth, eb-status): the hex text (argument, `-`/standard input, or --file), the
/// partner private key (--key FILE, also spelled --key-file, or the profile's keychain entry).
/// Every decryption failure is the one `decrypt-failed` — there is no option to tell a wrong
/// key, PKCS#1 v1.5 and OAEP-SHA-256 apart, so a script looping over inputs cannot use the CLI
/// as a padding oracle; the console's payload inspector alone diagnoses. Failures are printed
/// (one JSON document) and end the run through `finish`.
class PayloadInput
{
public:
    using KeyReady = std::function<void(const crypto::RsaPrivateKey &key)>;

    static void addOptions(QCommandLineParser &parser);
    /// The hex text as given; nullopt after printing the error and finishing (exit 3).
    static std::optional<QByteArray> readHex(CliContext &ctx, const CliCommand::Finish &finish);
    /// The key from --key or the keychain, then `ready` (possibly later); on failure prints the
    /// error and finishes (3 for a bad file, 4 for the keychain).
    static void loadKey(CliContext &ctx, CliCommand::Finish finish, KeyReady ready);
    /// Decrypts without diagnosis; nullopt after printing the error and finishing (3).
    /// `input` receives what normalisation removed.
    static std::optional<embedded::EventPayload>
    open(CliContext &ctx, const crypto::RsaPrivateKey &key, const QByteArray &hex,
         embedded::HexInput &input, const CliCommand::Finish &finish);
    /// {"normalised": bool, "note": "Removed a leading 0x …"} for the JSON result.
    static QJsonObject hexNote(const embedded::HexInput &input);
};

} // namespace aerodesk::cli
