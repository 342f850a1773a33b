#pragma once

#include "CliCommand.h"
#include "core/store/Store.h"
#include "core/store/StoreTarget.h"
#include "core/util/Result.h"

#include <QCommandLineParser>

#include <functional>
#include <memory>

namespace aerodesk::keychain {
class Keychain;
}

namespace aerodesk::cli {

struct CliContext;

/// The one way aerodesk-cli finds and opens the store (connections, audit, bundle and the audit
/// trail of the other commands; docs/cli.md, docs/team.md):
///   --store FILE                the SQLite file; its data key in --store-profile (default
///                               "Local store")
///   --store postgresql://user@host:port/database?sslmode=…&sslrootcert=…&team=…
///                               that team store: the team key of `team`, the password in the
///                               environment's keychain profile (--profile; or --store-profile)
///   neither                     what the console's Settings chose for the environment of
///                               --profile (TeamStoreSettings): its team store, or the default
///                               local file
/// The audit head is kept where the console keeps it: "Local store" (or --store-profile) for a
/// file, the password's profile for a team store.
class CliStore
{
public:
    struct Where
    {
        store::StoreTarget target;
        QString keychainProfile; ///< file: the data key's; team store: the password's
    };
    using Opened = std::function<void(std::shared_ptr<store::Store> store,
                                      std::shared_ptr<keychain::Keychain> keychain)>;

    /// --store and --store-profile, with `storeHelp` for --store.
    static void addOptions(QCommandLineParser &p, const QString &storeHelp);
    /// Where the command's store is (see above). An unusable --store URL is an error message.
    static Result<Where, QString> resolve(const CliContext &ctx);
    /// A postgresql:// URL as a team store target (no password in it: refused if there is one).
    static Result<store::StoreTarget, QString> parseUrl(const QString &url);
    /// A file that exists; a team store always (its server answers when it is opened).
    static bool exists(const Where &where);
    /// Opens the store with its keys from the keychain; on failure prints the store's error and
    /// finishes the command (Keychain for a missing/unreadable key, Unreachable for a team store
    /// that cannot be reached, BadInput otherwise). `opened` gets the store and the keychain of
    /// the audit head (keep both alive while recording).
    static void open(CliContext &ctx, const Where &where, CliCommand::Finish finish, Opened opened);
};

} // namespace aerodesk::cli
