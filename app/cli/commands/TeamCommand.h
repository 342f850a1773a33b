#pragma once

#include "../CliCommand.h"

namespace aerodesk::cli {

/// `team create-key|export|enrol-key|import` (issue 16, docs/team.md): the team data key and
/// its enrolment exports. Keys go only to and from the keychain (profile "Team: <name>");
/// passphrases are read from standard input, never from the command line.
///  - create-key --team T: a fresh team key into the keychain (refused if T has one).
///  - export --team T (--passphrase-stdin | --to AGENT.pub): the armoured export on stdout.
///  - enrol-key --team T: an X25519 enrolment key pair; the private half into the keychain,
///    the armoured public half on stdout (to send to the lead).
///  - import [--input FILE] [--passphrase-stdin]: an export (stdin, or after the passphrase's
///    line) unwrapped into the keychain.
///  - status --team T: the key ids this console holds for T (never a key); exit 1 without one.
///  - rotate-key, rotation status|start|resume|abort: key rotation (TeamRotationCommand).
class TeamCommand final : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("team"); }
    QString arguments() const override
    {
        return QStringLiteral("create-key|export|enrol-key|import|status|rotate-key|rotation");
    }
    QString summary() const override
    {
        return QStringLiteral("Create, export, enrol and import a team's data key (team mode).");
    }
    void addOptions(QCommandLineParser &parser) override;
    void run(CliContext &ctx, Finish finish) override;

private:
    static void createKey(CliContext &ctx, const QString &teamName, Finish finish);
    static void exportKey(CliContext &ctx, const QString &teamName, Finish finish);
    static void enrolKey(CliContext &ctx, const QString &teamName, Finish finish);
    static void importKey(CliContext &ctx, Finish finish);
    static void status(CliContext &ctx, const QString &teamName, Finish finish);
};

} // namespace aerodesk::cli
