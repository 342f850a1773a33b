#pragma once

#include "core/api/Environment.h"
#include "core/emulatorhost/BuiltInEnvironment.h"
#include "core/util/Result.h"

#include <QCommandLineParser>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::cli {

/// The environment a run talks to, from the global options:
///   (default) / --sandbox   the bundled aerodesk-sandbox, started as a child for this run; its
///                           generated credentials go to the keychain profile "Built-in sandbox"
///                           (keychain::entries::kBuiltInProfile; emulatorhost::BuiltInEnvironment)
///                           and only there: with any other --profile the run is refused (exit 2)
///   --base-url URL [--cert PEM]  a custom sandbox (pinned to the certificate when given)
///   --production            https://api.aerosync.com with the system CAs
/// --profile names the keychain profile holding apiKey/apiSecret (and the other secrets).
class CliEnvironment : public QObject
{
    Q_OBJECT
public:
    struct Failure
    {
        int exitCode;
        QString message;
    };
    using Ready = std::function<void(Result<api::Environment, Failure>)>;

    static void addOptions(QCommandLineParser &parser);
    /// Checks the options; an error is a usage problem. Needs no event loop.
    static std::optional<QString> validate(const QCommandLineParser &parser);
    static QString profileFor(const QCommandLineParser &parser);
    /// Why a run that needs the API with `--profile X` (X not the built-in profile) and no
    /// --base-url/--production is refused (exit 2): the bundled sandbox writes only its own.
    static QString noEnvironmentFor(const QString &profile);

    CliEnvironment(const QCommandLineParser &parser, keychain::Keychain &keychain,
                   QObject *parent = nullptr);
    ~CliEnvironment() override;
    /// Resolves the environment; for the built-in sandbox, starts it first when `startSandbox`.
    void prepare(bool startSandbox, Ready ready);

private:
    const QCommandLineParser &m_parser;
    keychain::Keychain &m_keychain;
    std::unique_ptr<keychain::Keychain> m_sandboxKeychain; ///< always the built-in profile
    std::unique_ptr<emulatorhost::BuiltInEnvironment> m_sandbox;
};

} // namespace aerodesk::cli
