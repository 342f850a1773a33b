#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// Team key rotation from the command line (docs/team.md "Key rotation", docs/cli.md), called
/// by `aerodesk-cli team` for these sub-commands. The store is a SQLite file (--store, default
/// the console's) whose data key is the team's key ("Team: <name>" / teamKey); the next epoch's
/// key lives beside it as teamKey.<key id> until the rotation finishes.
///  - rotate-key --team T: a fresh key for epoch N+1 into this console's keychain, then its key
///    check and id into the store; phase Distributing. Nothing is re-encrypted yet.
///  - rotation status --team T: the plan (phase, epochs and key ids, cursor, rows rewritten,
///    lease), rows per epoch, and what this console's keys allow. Never a key.
///  - rotation start --team T: ReEncrypting; writes go to the new epoch from now on.
///  - rotation resume --team T [--holder ID]: re-encrypts in batches until Finished (or the
///    lease is another console's), resuming from the committed cursor; then promotes the new
///    key to teamKey in this console's keychain.
///  - rotation abort --team T: back to Steady (only before re-encryption starts).
class TeamRotationCommand
{
public:
    static bool handles(const QString &sub)
    {
        return sub == QLatin1String("rotate-key") || sub == QLatin1String("rotation");
    }
    static void addOptions(QCommandLineParser &parser);
    static void run(CliContext &ctx, const QString &teamName, CliCommand::Finish finish);
};

} // namespace aerodesk::cli
