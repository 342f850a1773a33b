#pragma once

#include "CliOutput.h"
#include "core/api/ApiClient.h"
#include "core/keychain/Keychain.h"
#include "core/util/Clock.h"

#include <QCommandLineParser>
#include <QStringList>

#include <memory>

namespace aerodesk::cli {

/// What a command runs with: its own parsed options and arguments, the output, the keychain
/// profile of the chosen environment and, for commands that talk to the API, a client.
struct CliContext
{
    CliOutput out;
    QCommandLineParser *options = nullptr; ///< the command's parser (already parsed)
    QStringList args; ///< the command's positional arguments
    std::unique_ptr<keychain::Keychain> keychain;
    std::unique_ptr<api::ApiClient> client; ///< null unless the command needs the API
    /// The kind of the environment the global options chose (set before run()).
    api::Environment::Kind environmentKind = api::Environment::Kind::BuiltInSandbox;
    SystemClock clock;
};

} // namespace aerodesk::cli
