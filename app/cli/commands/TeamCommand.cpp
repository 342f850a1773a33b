#include "TeamCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliInput.h"
#include "TeamRotationCommand.h"
#include "core/team/EnrolmentKeyPair.h"
#include "core/team/EnrolmentPublicKey.h"
#include "core/team/TeamKeyExport.h"
#include "core/team/TeamKeyExporter.h"
#include "core/team/TeamKeyImporter.h"
#include "core/team/TeamKeyInventory.h"
#include "core/team/TeamKeychain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimer>

#include <cstdio>
#include <memory>

namespace aerodesk::cli {

namespace {

constexpr qint64 kMaxExportBytes = 64 << 10;

void printRaw(const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

/// Drops `object` on the next event-loop turn, not inside the keychain callback that holds it.
template<class T> void releaseLater(std::shared_ptr<T> object)
{
    QTimer::singleShot(0, QCoreApplication::instance(), [object] {});
}

int exitFor(const team::TeamError &e)
{
    using K = team::TeamError::Kind;
    switch (e.kind) {
    case K::Keychain:
    case K::Missing:
        return Keychain;
    case K::AlreadyPresent:
        return Negative;
    default:
        return BadInput;
    }
}

void fail(CliContext &ctx, const team::TeamError &e)
{
    ctx.out.error(team::TeamError::kindName(e.kind), e.message);
}

QString osUser()
{
    return team::TeamKeyInventory::defaultAgentName();
}

/// The first line of `input` (without its end of line) into wiping memory; `rest` gets what
/// follows it. `input` is wiped.
crypto::SecureBytes takeFirstLine(QByteArray &input, QByteArray *rest)
{
    qsizetype eol = input.indexOf('\n');
    const qsizetype next = eol < 0 ? input.size() : eol + 1;
    if (eol < 0)
        eol = input.size();
    if (eol > 0 && input.at(eol - 1) == '\r')
        --eol;
    crypto::SecureBytes line(input.constData(), std::size_t(eol));
    if (rest)
        *rest = input.mid(next);
    crypto::secureWipe(input);
    return line;
}

} // namespace

void TeamCommand::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("team"),
                  QStringLiteral("The team's name (its keychain profile is "
                                 "\"Team: <name>\")."),
                  QStringLiteral("name") });
    p.addOption({ QStringLiteral("passphrase-stdin"),
                  QStringLiteral("export/import: the passphrase is the first line of standard "
                                 "input (export: at least 12 characters).") });
    p.addOption({ QStringLiteral("to"),
                  QStringLiteral("export: wrap for this agent's enrolment public key file."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("key-id"),
                  QStringLiteral("export: export this held key (the next epoch's, during a key "
                                 "rotation) instead of the current one."),
                  QStringLiteral("tk1-id") });
    p.addOption({ QStringLiteral("input"),
                  QStringLiteral("import: the export file (default: standard input)."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("created-by"),
                  QStringLiteral("export/enrol-key: who made it (default: the OS user)."),
                  QStringLiteral("name") });
    p.addOption({ QStringLiteral("next-key-id"),
                  QStringLiteral("import: when the team already has a key, accept this one (the "
                                 "next epoch's, during a key rotation) beside it."),
                  QStringLiteral("tk1-id") });
    p.addOption(
        { QStringLiteral("replace"),
          QStringLiteral("enrol-key: replace this console's enrolment key for the team.") });
    TeamRotationCommand::addOptions(p);
    CliAuditTrail::addOptions(p);
}

void TeamCommand::run(CliContext &ctx, Finish finish)
{
    const QString sub = ctx.args.value(0);
    const QString teamName = ctx.options->value(QStringLiteral("team")).trimmed();
    const QStringList subs { QStringLiteral("create-key"), QStringLiteral("export"),
                             QStringLiteral("enrol-key"), QStringLiteral("import"),
                             QStringLiteral("status") };
    if (TeamRotationCommand::handles(sub) && !teamName.isEmpty() &&
        !team::TeamKeychain::teamNameProblem(teamName))
        return TeamRotationCommand::run(ctx, teamName, finish);
    if (ctx.args.size() != 1 || !subs.contains(sub)) {
        ctx.out.error(
            QStringLiteral("usage"),
            QStringLiteral("Use `aerodesk-cli team create-key|export|enrol-key|import|status` "
                           "(see `aerodesk-cli team --help`)."));
        return finish(Usage);
    }
    if (sub != QLatin1String("import") && teamName.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("`team %1` needs --team NAME.").arg(sub));
        return finish(Usage);
    }
    if (!teamName.isEmpty()) {
        if (auto problem = team::TeamKeychain::teamNameProblem(teamName)) {
            ctx.out.error(QStringLiteral("usage"), QStringLiteral("--team: %1").arg(*problem));
            return finish(Usage);
        }
    }
    if (sub == QLatin1String("create-key"))
        return createKey(ctx, teamName, finish);
    if (sub == QLatin1String("enrol-key"))
        return enrolKey(ctx, teamName, finish);
    if (sub == QLatin1String("export"))
        return exportKey(ctx, teamName, finish);
    if (sub == QLatin1String("status"))
        return status(ctx, teamName, finish);
    importKey(ctx, finish);
}

void TeamCommand::createKey(CliContext &ctx, const QString &teamName, Finish finish)
{
    auto keychain = std::make_shared<team::TeamKeychain>(teamName);
    const team::TeamKey key = team::TeamKey::create();
    keychain->saveTeamKey(
        key, [&ctx, keychain, finish](Result<team::TeamKeychain::Saved, team::TeamError> saved) {
            releaseLater(keychain);
            if (!saved) {
                fail(ctx, saved.error());
                return finish(exitFor(saved.error()));
            }
            ctx.out.progress(QStringLiteral("team key %1 created for team \"%2\" (keychain only)")
                                 .arg(saved->keyId, keychain->team()));
            ctx.out.result({ { QStringLiteral("team"), keychain->team() },
                             { QStringLiteral("keyId"), saved->keyId },
                             { QStringLiteral("profile"), keychain->profile() } });
            finish(Ok);
        });
}

void TeamCommand::status(CliContext &ctx, const QString &teamName, Finish finish)
{
    auto keychain = std::make_shared<team::TeamKeychain>(teamName);
    keychain->readTeamKey([&ctx, keychain, finish](Result<team::TeamKey, team::TeamError> key) {
        if (!key && key.error().kind != team::TeamError::Kind::Missing) {
            releaseLater(keychain);
            fail(ctx, key.error());
            return finish(exitFor(key.error()));
        }
        const QJsonObject teamKey { { QStringLiteral("present"), key.ok() },
                                    { QStringLiteral("keyId"), key ? key->keyId() : QString() } };
        keychain->readEnrolmentKey(
            [&ctx, keychain, teamKey, finish](Result<crypto::SecureBytes, team::TeamError> secret) {
                releaseLater(keychain);
                if (!secret && secret.error().kind != team::TeamError::Kind::Missing) {
                    fail(ctx, secret.error());
                    return finish(exitFor(secret.error()));
                }
                QString enrolmentId;
                if (secret) {
                    auto pair = team::EnrolmentKeyPair::fromPrivate(secret.value());
                    if (pair)
                        enrolmentId = team::EnrolmentPublicKey::keyIdOf(pair->publicKey());
                }
                ctx.out.result({ { QStringLiteral("team"), keychain->team() },
                                 { QStringLiteral("profile"), keychain->profile() },
                                 { QStringLiteral("teamKey"), teamKey },
                                 { QStringLiteral("enrolmentKey"),
                                   QJsonObject { { QStringLiteral("present"), secret.ok() },
                                                 { QStringLiteral("keyId"), enrolmentId } } } });
                // Scripts branch on it: 0 when this console holds the team's key.
                finish(teamKey.value(QStringLiteral("present")).toBool() ? Ok : Negative);
            });
    });
}

void TeamCommand::enrolKey(CliContext &ctx, const QString &teamName, Finish finish)
{
    auto pair = team::EnrolmentKeyPair::generate();
    if (!pair) {
        fail(ctx, pair.error());
        return finish(exitFor(pair.error()));
    }
    team::EnrolmentPublicKey publicKey { pair->publicKey(),
                                         ctx.options->isSet(QStringLiteral("created-by"))
                                             ? ctx.options->value(QStringLiteral("created-by"))
                                             : osUser(),
                                         QDateTime::currentDateTimeUtc().toString(Qt::ISODate) };
    auto keychain = std::make_shared<team::TeamKeychain>(teamName);
    keychain->saveEnrolmentKey(
        pair->privateKey(), ctx.options->isSet(QStringLiteral("replace")),
        [&ctx, keychain, publicKey, finish](Status<team::TeamError> saved) {
            releaseLater(keychain);
            if (!saved.ok()) {
                fail(ctx, saved.error());
                return finish(exitFor(saved.error()));
            }
            printRaw(publicKey.toArmoured());
            ctx.out.progress(QStringLiteral("enrolment key %1 for team \"%2\": its private half is "
                                            "in this keychain only; send the text above to your "
                                            "lead")
                                 .arg(publicKey.keyId(), keychain->team()));
            finish(Ok);
        });
}

void TeamCommand::exportKey(CliContext &ctx, const QString &teamName, Finish finish)
{
    const bool withPassphrase = ctx.options->isSet(QStringLiteral("passphrase-stdin"));
    if (withPassphrase == ctx.options->isSet(QStringLiteral("to"))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Give exactly one of --passphrase-stdin and --to FILE."));
        return finish(Usage);
    }
    // Read every input before touching the keychain, so a bad one changes and reveals nothing.
    auto passphrase = std::make_shared<crypto::SecureBytes>();
    auto agent = std::make_shared<team::EnrolmentPublicKey>();
    if (withPassphrase) {
        auto input = CliInput::read(QStringLiteral("-"), 4096);
        if (!input) {
            ctx.out.error(QStringLiteral("input"), input.error());
            return finish(BadInput);
        }
        *passphrase = takeFirstLine(input.value(), nullptr);
        if (auto problem = team::TeamKeyExporter::passphraseProblem(*passphrase)) {
            ctx.out.error(QStringLiteral("passphrase"), *problem);
            return finish(BadInput);
        }
    } else {
        auto text = CliInput::read(ctx.options->value(QStringLiteral("to")), kMaxExportBytes);
        if (!text) {
            ctx.out.error(QStringLiteral("input"), text.error());
            return finish(BadInput);
        }
        auto parsed = team::EnrolmentPublicKey::parse(text.value());
        if (!parsed) {
            fail(ctx, parsed.error());
            return finish(exitFor(parsed.error()));
        }
        *agent = parsed.value();
    }
    const QString createdBy = ctx.options->isSet(QStringLiteral("created-by"))
        ? ctx.options->value(QStringLiteral("created-by"))
        : osUser();
    // --key-id: another held key (the next epoch's during a rotation) instead of the current.
    const QString keyId = ctx.options->value(QStringLiteral("key-id"));
    CliAuditTrail::open(
        ctx, finish,
        [&ctx, teamName, createdBy, withPassphrase, passphrase, agent, keyId,
         finish](std::shared_ptr<CliAuditTrail> audit) {
            auto exporter = std::make_shared<team::TeamKeyExporter>(teamName);
            const QString object = withPassphrase
                ? QStringLiteral("team key of %1 (passphrase)").arg(teamName)
                : QStringLiteral("team key of %1 for %2").arg(teamName, agent->keyId());
            auto done = [&ctx, exporter, object, agent, audit,
                         finish](Result<team::TeamKeyExporter::Exported, team::TeamError> out) {
                releaseLater(exporter);
                if (!out) {
                    fail(ctx, out.error());
                    return audit->finish(audit::AuditAction::Export, object,
                                         audit::AuditOutcome::Failed, exitFor(out.error()));
                }
                printRaw(out->armoured);
                ctx.out.progress(
                    out->recipientKeyId.isEmpty()
                        ? QStringLiteral("team key %1 exported under a passphrase (scrypt N=2^%2, "
                                         "r=%3, p=%4)")
                              .arg(out->keyId)
                              .arg(out->scrypt.logN)
                              .arg(out->scrypt.r)
                              .arg(out->scrypt.p)
                        : QStringLiteral("team key %1 exported for enrolment key %2 (%3)")
                              .arg(out->keyId, out->recipientKeyId, agent->agent));
                audit->finish(audit::AuditAction::Export, object, audit::AuditOutcome::Ok, Ok);
            };
            if (withPassphrase)
                return exporter->withPassphrase(std::move(*passphrase), createdBy, keyId, done);
            exporter->forAgent(*agent, createdBy, keyId, done);
        });
}

void TeamCommand::importKey(CliContext &ctx, Finish finish)
{
    const bool withPassphrase = ctx.options->isSet(QStringLiteral("passphrase-stdin"));
    const QString inputPath = ctx.options->isSet(QStringLiteral("input"))
        ? ctx.options->value(QStringLiteral("input"))
        : QStringLiteral("-");
    auto passphrase = std::make_shared<crypto::SecureBytes>();
    QByteArray text;
    if (withPassphrase) {
        auto input = CliInput::read(QStringLiteral("-"), kMaxExportBytes);
        if (!input) {
            ctx.out.error(QStringLiteral("input"), input.error());
            return finish(BadInput);
        }
        *passphrase =
            takeFirstLine(input.value(), inputPath == QLatin1String("-") ? &text : nullptr);
    }
    if (!withPassphrase || inputPath != QLatin1String("-")) {
        auto input = CliInput::read(inputPath, kMaxExportBytes);
        if (!input) {
            ctx.out.error(QStringLiteral("input"), input.error());
            return finish(BadInput);
        }
        text = input.value();
    }
    const QString expectedTeam = ctx.options->value(QStringLiteral("team")).trimmed();
    auto parsed = team::TeamKeyExport::parse(text);
    if (parsed && !expectedTeam.isEmpty() && parsed->header.team != expectedTeam) {
        ctx.out.error(QStringLiteral("team"),
                      QStringLiteral("This export is for team \"%1\", not \"%2\". Nothing was "
                                     "imported.")
                          .arg(parsed->header.team, expectedTeam));
        return finish(BadInput);
    }
    CliAuditTrail::open(
        ctx, finish, [&ctx, text, passphrase, finish](std::shared_ptr<CliAuditTrail> audit) {
            auto importer = std::make_shared<team::TeamKeyImporter>();
            importer->acceptNextKey(ctx.options->value(QStringLiteral("next-key-id")));
            importer->import(
                text, std::move(*passphrase),
                [&ctx, importer, audit,
                 finish](Result<team::TeamKeyImporter::Imported, team::TeamError> imported) {
                    releaseLater(importer);
                    if (!imported) {
                        fail(ctx, imported.error());
                        if (imported.error().kind == team::TeamError::Kind::EmptyPassphrase)
                            ctx.out.progress(QStringLiteral("this export needs its passphrase: "
                                                            "use --passphrase-stdin"));
                        return audit->finish(audit::AuditAction::Import, QStringLiteral("team key"),
                                             audit::AuditOutcome::Refused,
                                             exitFor(imported.error()));
                    }
                    ctx.out.progress(QStringLiteral("team key %1 of team \"%2\" is in the keychain")
                                         .arg(imported->keyId, imported->team));
                    ctx.out.result({ { QStringLiteral("team"), imported->team },
                                     { QStringLiteral("keyId"), imported->keyId },
                                     { QStringLiteral("kind"), imported->kind },
                                     { QStringLiteral("alreadyThere"), imported->alreadyThere },
                                     { QStringLiteral("besideCurrent"), imported->besideCurrent },
                                     { QStringLiteral("profile"),
                                       team::TeamKeychain::profileFor(imported->team) } });
                    audit->finish(
                        audit::AuditAction::Import,
                        QStringLiteral("team key %1 of %2").arg(imported->keyId, imported->team),
                        audit::AuditOutcome::Ok, Ok);
                });
        });
}

} // namespace aerodesk::cli
