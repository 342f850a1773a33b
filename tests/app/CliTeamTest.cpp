// `aerodesk-cli team ...` run as a script runs it: the real binary, the real keychain
// (run-headless), Node's crypto as the independent peer. One keychain serves both "consoles"
// here, so an agent's side starts by removing the team key the lead's side made.
#include "core/keychain/Keychain.h"
#include "core/team/TeamKeychain.h"
#include "tests/app/CliRunner.h"
#include "tests/core/team/TeamPeer.h"
#include "tests/support/Wait.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <optional>

using aerodesk::Result;
using aerodesk::team::TeamError;
using aerodesk::team::TeamKey;
using aerodesk::team::TeamKeychain;
using aerodesk::test::cli;
using aerodesk::test::CliRun;
using aerodesk::test::errorField;
using aerodesk::test::runTeamPeer;
using aerodesk::test::str;
using aerodesk::test::uniqueTeam;
using aerodesk::test::waitUntil;

namespace {

const QByteArray kTeamPassphrase = QByteArrayLiteral("a long team passphrase");

QStringList args(std::initializer_list<const char *> items, const QString &team = {})
{
    QStringList out { QStringLiteral("--compact"), QStringLiteral("team") };
    for (const char *i : items)
        out << QString::fromUtf8(i);
    if (!team.isEmpty())
        out << QStringLiteral("--team") << team;
    return out;
}

QString writeFile(QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
    return path;
}

/// The kind of the team's keychain entry: "ok" with the key id, or the error's kind name.
QString keychainState(const QString &team)
{
    TeamKeychain keychain(team);
    std::optional<Result<TeamKey, TeamError>> result;
    keychain.readTeamKey([&result](auto r) { result.emplace(std::move(r)); });
    EXPECT_TRUE(waitUntil([&] { return result.has_value(); }, 20000));
    if (!result)
        return QStringLiteral("timeout");
    return result->ok() ? (*result)->keyId() : TeamError::kindName(result->error().kind);
}

void removeTeam(const QString &team)
{
    TeamKeychain keychain(team);
    int pending = 2;
    keychain.removeTeamKey([&pending](auto) { --pending; });
    keychain.removeEnrolmentKey([&pending](auto) { --pending; });
    EXPECT_TRUE(waitUntil([&] { return pending == 0; }, 20000));
}

/// The Secret Service label of an AeroDesk item (secret-tool search), or empty.
QString secretServiceLabel(const QString &qualifiedKey)
{
    QProcess p;
    p.start(QStandardPaths::findExecutable(QStringLiteral("secret-tool")),
            { QStringLiteral("search"), QStringLiteral("server"), QStringLiteral("AeroDesk"),
              QStringLiteral("user"), qualifiedKey });
    if (!p.waitForFinished(15000))
        return {};
    const QString all = QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
    for (const QString &line : all.split(QLatin1Char('\n')))
        if (line.startsWith(QLatin1String("label = ")))
            return line.mid(8);
    return {};
}

/// `team create-key` for a fresh team: its key id.
QString createKey(const QString &team)
{
    const CliRun r = cli(args({ "create-key" }, team));
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(str(r, "team"), team);
    EXPECT_EQ(str(r, "profile"), QStringLiteral("Team: ") + team);
    return str(r, "keyId");
}

} // namespace

TEST(CliTeam, LeadCreatesAndExportsUnderAPassphraseAgentImportsIt)
{
    QTemporaryDir dir;
    const QString team = uniqueTeam();
    const QString keyId = createKey(team);
    ASSERT_TRUE(TeamKey::isKeyId(keyId)) << keyId.toStdString();
    EXPECT_EQ(keychainState(team), keyId);
    EXPECT_EQ(secretServiceLabel(QStringLiteral("Team: %1/teamKey").arg(team)),
              QStringLiteral("AeroDesk — Team: %1: team data key").arg(team));

    // A second create-key never replaces the key.
    const CliRun again = cli(args({ "create-key" }, team));
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_EQ(errorField(again, "kind"), QStringLiteral("already-present"));
    EXPECT_EQ(keychainState(team), keyId);

    const CliRun exported =
        cli(args({ "export", "--passphrase-stdin" }, team), kTeamPassphrase + '\n');
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    ASSERT_TRUE(exported.out.startsWith("-----BEGIN AERODESK TEAM KEY-----"));
    EXPECT_FALSE(exported.out.contains(kTeamPassphrase));
    EXPECT_FALSE(exported.err.contains(QString::fromLatin1(kTeamPassphrase)));
    const QString file = writeFile(dir, "team.key", exported.out);

    // Node opens the CLI's export with the passphrase: its key has the id create-key printed.
    bool ok = false;
    const QByteArray keyHex = runTeamPeer(
        { QStringLiteral("unwrap-passphrase"), file, QString::fromLatin1(kTeamPassphrase.toHex()) },
        &ok);
    ASSERT_TRUE(ok);
    const QByteArray nodeId =
        runTeamPeer({ QStringLiteral("key-id"), QString::fromLatin1(keyHex) }, &ok);
    EXPECT_EQ(QString::fromLatin1(nodeId), keyId);

    // The agent's console: no key yet; import reads the passphrase line then the export.
    removeTeam(team);
    ASSERT_EQ(keychainState(team), QStringLiteral("missing"));
    const CliRun imported =
        cli(args({ "import", "--passphrase-stdin" }), kTeamPassphrase + '\n' + exported.out);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(str(imported, "keyId"), keyId);
    EXPECT_EQ(str(imported, "kind"), QStringLiteral("passphrase"));
    EXPECT_FALSE(imported.json.value(QStringLiteral("alreadyThere")).toBool());
    EXPECT_EQ(keychainState(team), keyId);
    const CliRun status = cli(args({ "status" }, team));
    EXPECT_EQ(status.exitCode, 0) << status.err.toStdString();
    const QJsonObject teamKey = status.json.value(QStringLiteral("teamKey")).toObject();
    EXPECT_TRUE(teamKey.value(QStringLiteral("present")).toBool());
    EXPECT_EQ(teamKey.value(QStringLiteral("keyId")).toString(), keyId);
    EXPECT_EQ(status.out.count("tk1-"), 1) << "only the id, nothing else key-like";
    removeTeam(team);
    const CliRun none = cli(args({ "status" }, team));
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_FALSE(none.json.value(QStringLiteral("teamKey"))
                     .toObject()
                     .value(QStringLiteral("present"))
                     .toBool());
}

TEST(CliTeam, AgentEnrolsLeadWrapsForThePublicKeyAgentImports)
{
    QTemporaryDir dir;
    const QString team = uniqueTeam();
    const CliRun enrolled = cli(args({ "enrol-key", "--created-by", "agent-7" }, team));
    ASSERT_EQ(enrolled.exitCode, 0) << enrolled.err.toStdString();
    ASSERT_TRUE(enrolled.out.startsWith("-----BEGIN AERODESK ENROLMENT KEY-----"));
    const QString publicFile = writeFile(dir, "agent.pub", enrolled.out);
    const CliRun twice = cli(args({ "enrol-key" }, team));
    EXPECT_EQ(twice.exitCode, 1) << "an enrolment key was replaced without --replace";

    const QString keyId = createKey(team);
    const CliRun exported = cli(args({ "export" }, team) << QStringLiteral("--to") << publicFile);
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.err.contains(QStringLiteral("agent-7"))) << exported.err.toStdString();
    const QString exportFile = writeFile(dir, "for-agent.key", exported.out);

    // A fresh console for the agent: no team key, and a new enrolment key.
    removeTeam(team);
    const CliRun reEnrolled = cli(args({ "enrol-key" }, team));
    ASSERT_EQ(reEnrolled.exitCode, 0);
    // The old export was for the removed enrolment key: not for this one, nothing written.
    const CliRun stale = cli(args({ "import", "--input" }) << exportFile);
    EXPECT_EQ(stale.exitCode, 3);
    EXPECT_EQ(errorField(stale, "kind"), QStringLiteral("not-for-this-key"));
    EXPECT_EQ(keychainState(team), QStringLiteral("missing"));

    // Node (as the lead) wraps a key for the new enrolment key; the CLI imports it.
    const TeamKey nodeKey = TeamKey::create();
    bool ok = false;
    const QByteArray nodeExport = runTeamPeer(
        { QStringLiteral("wrap-x25519"), QString::fromLatin1(nodeKey.bytes().rawView().toHex()),
          writeFile(dir, "agent2.pub", reEnrolled.out), team },
        &ok);
    ASSERT_TRUE(ok);
    const CliRun imported = cli(args({ "import" }), nodeExport);
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_EQ(str(imported, "kind"), QStringLiteral("x25519"));
    EXPECT_EQ(str(imported, "keyId"), nodeKey.keyId());
    EXPECT_EQ(keychainState(team), nodeKey.keyId());
    EXPECT_NE(nodeKey.keyId(), keyId);

    // A rotation: the lead's next key reaches the agent, accepted only with its id.
    const TeamKey nextKey = TeamKey::create();
    const QByteArray nextExport = runTeamPeer(
        { QStringLiteral("wrap-x25519"), QString::fromLatin1(nextKey.bytes().rawView().toHex()),
          dir.filePath(QStringLiteral("agent2.pub")), team },
        &ok);
    ASSERT_TRUE(ok);
    const CliRun refused = cli(args({ "import" }), nextExport);
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_EQ(errorField(refused, "kind"), QStringLiteral("already-present"));
    const CliRun accepted = cli(args({ "import", "--next-key-id" }) << nextKey.keyId(), nextExport);
    ASSERT_EQ(accepted.exitCode, 0) << accepted.err.toStdString();
    EXPECT_TRUE(accepted.json.value(QStringLiteral("besideCurrent")).toBool());
    EXPECT_EQ(keychainState(team), nodeKey.keyId()) << "the current key is unchanged";
    {
        aerodesk::keychain::Keychain raw(TeamKeychain::profileFor(team));
        std::optional<bool> removed;
        raw.remove(TeamKeychain::otherKeyName(nextKey.keyId()),
                   [&removed](const aerodesk::keychain::KeychainError &e) { removed = e.ok(); });
        ASSERT_TRUE(waitUntil([&] { return removed.has_value(); }, 20000));
    }
    removeTeam(team);
}

TEST(CliTeam, BadInputsHaveTheirOwnErrorAndWriteNothing)
{
    QTemporaryDir dir;
    const QString team = uniqueTeam();
    createKey(team);
    const CliRun exported =
        cli(args({ "export", "--passphrase-stdin" }, team), kTeamPassphrase + '\n');
    ASSERT_EQ(exported.exitCode, 0);
    removeTeam(team);

    QByteArray cut = exported.out.left(exported.out.size() - 40);
    QByteArray badBase64 = exported.out;
    badBase64.insert(exported.out.indexOf('\n') + 4, "?!");
    const struct
    {
        const char *what;
        QByteArray input;
        int exit;
        const char *kind;
    } cases[] = {
        { "not our format", kTeamPassphrase + "\nhello there\n", 3, "not-our-format" },
        { "cut short", kTeamPassphrase + '\n' + cut, 3, "corrupt" },
        { "bad base64", kTeamPassphrase + '\n' + badBase64, 3, "corrupt" },
        { "wrong passphrase", QByteArray("a wrong passphrase\n") + exported.out, 3,
          "could-not-unwrap" },
    };
    for (const auto &c : cases) {
        const CliRun r = cli(args({ "import", "--passphrase-stdin" }), c.input);
        EXPECT_EQ(r.exitCode, c.exit) << c.what << ": " << r.err.toStdString();
        EXPECT_EQ(errorField(r, "kind"), QLatin1String(c.kind)) << c.what;
        EXPECT_FALSE(r.err.contains(QString::fromLatin1(kTeamPassphrase))) << c.what;
        EXPECT_EQ(keychainState(team), QStringLiteral("missing")) << c.what << " wrote a key";
    }
    // A team name that could not name a keychain profile cleanly.
    const CliRun slash = cli(args({ "create-key" }, QStringLiteral("a/b")));
    EXPECT_EQ(slash.exitCode, 2);
    EXPECT_EQ(keychainState(QStringLiteral("a/b")), QStringLiteral("missing"));
    // A passphrase is never taken from the command line.
    const CliRun argv = cli(args({ "export", "--passphrase", "on-the-command-line" }, team));
    EXPECT_EQ(argv.exitCode, 2);
    // An export for another team than --team says.
    const CliRun otherTeam = cli(args({ "import", "--passphrase-stdin", "--team", "Other" }),
                                 kTeamPassphrase + '\n' + exported.out);
    EXPECT_EQ(otherTeam.exitCode, 3);
    EXPECT_EQ(errorField(otherTeam, "kind"), QStringLiteral("team"));
    EXPECT_EQ(keychainState(team), QStringLiteral("missing"));
    // Exporting a team this console has no key for.
    const CliRun noKey =
        cli(args({ "export", "--passphrase-stdin" }, team), kTeamPassphrase + '\n');
    EXPECT_EQ(noKey.exitCode, 4);
    EXPECT_EQ(errorField(noKey, "kind"), QStringLiteral("missing"));
    EXPECT_TRUE(noKey.out.startsWith("{")) << "no export text without a key";
    removeTeam(team);
}

TEST(CliTeam, HelpListsTheTeamCommandAndItsSubCommands)
{
    const CliRun help = cli({ QStringLiteral("--help") });
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(
        "\n  team create-key|export|enrol-key|import|status|rotate-key|rotation\n"))
        << help.out.toStdString();
    const CliRun usage = cli({ QStringLiteral("team"), QStringLiteral("rotate") });
    EXPECT_EQ(usage.exitCode, 2);
    EXPECT_EQ(errorField(usage, "kind"), QStringLiteral("usage"));
    const CliRun noTeam = cli({ QStringLiteral("team"), QStringLiteral("create-key") });
    EXPECT_EQ(noTeam.exitCode, 2) << "create-key needs --team";
}
