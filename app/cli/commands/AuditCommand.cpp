#include "AuditCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliStore.h"
#include "core/audit/AuditTrail.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "core/store/StoreOpener.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cstdio>
#include <memory>

namespace aerodesk::cli {

namespace {

void writeStd(const QByteArray &bytes, FILE *to)
{
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), to);
    std::fflush(to);
}

QJsonObject verdictJson(const audit::AuditVerification &v, const QString &path)
{
    QJsonObject o { { QStringLiteral("ok"), v.ok() },
                    { QStringLiteral("store"), path },
                    { QStringLiteral("intact"), v.ok() },
                    { QStringLiteral("records"), v.records },
                    { QStringLiteral("headSeq"), v.headSeq },
                    { QStringLiteral("problem"), audit::AuditVerification::problemName(v.problem) },
                    { QStringLiteral("message"), v.message } };
    if (v.firstBrokenSeq > 0)
        o.insert(QStringLiteral("firstBrokenSeq"), v.firstBrokenSeq);
    return o;
}

/// The filter from --action/--object/--from/--to; false (after a usage error) when malformed.
bool filterFrom(CliContext &ctx, audit::AuditFilter &filter)
{
    const auto value = [&ctx](const char *name) {
        return ctx.options->value(QString::fromLatin1(name));
    };
    if (!value("action").isEmpty()) {
        filter.action = audit::AuditActions::fromName(value("action"));
        if (!filter.action) {
            ctx.out.error(QStringLiteral("usage"),
                          QStringLiteral("Unknown action \"%1\".").arg(value("action")));
            return false;
        }
    }
    filter.objectContains = value("object");
    for (const char *name : { "from", "to" }) {
        if (value(name).isEmpty())
            continue;
        QDateTime t = QDateTime::fromString(value(name), Qt::ISODate);
        if (!t.isValid()) {
            ctx.out.error(QStringLiteral("usage"),
                          QStringLiteral("--%1 needs an ISO 8601 time.").arg(QLatin1String(name)));
            return false;
        }
        (qstrcmp(name, "from") == 0 ? filter.from : filter.to) = t;
    }
    return true;
}

} // namespace

void AuditCommand::addOptions(QCommandLineParser &p)
{
    CliStore::addOptions(p,
                         QStringLiteral("The store: a file, or a team store's postgresql:// URL "
                                        "(default: the one Settings chose for the environment)."));
    p.addOption({ QStringLiteral("output"),
                  QStringLiteral("export: write the CSV into this file instead of stdout."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("action"),
                  QStringLiteral("export: only this action (e.g. reveal.userCode)."),
                  QStringLiteral("name") });
    p.addOption({ QStringLiteral("object"),
                  QStringLiteral("export: only records whose object or reason contains this."),
                  QStringLiteral("text") });
    p.addOption({ QStringLiteral("from"), QStringLiteral("export: from this UTC time (ISO 8601)."),
                  QStringLiteral("time") });
    p.addOption({ QStringLiteral("to"), QStringLiteral("export: up to this UTC time (ISO 8601)."),
                  QStringLiteral("time") });
}

void AuditCommand::run(CliContext &ctx, Finish finish)
{
    const QString sub = ctx.args.value(0);
    if (ctx.args.size() != 1 ||
        (sub != QLatin1String("verify") && sub != QLatin1String("export"))) {
        ctx.out.error(QStringLiteral("usage"),
                      QStringLiteral("Use `aerodesk-cli audit verify` or `aerodesk-cli audit "
                                     "export [--output FILE]`."));
        return finish(Usage);
    }
    audit::AuditFilter filter;
    if (sub == QLatin1String("export") && !filterFrom(ctx, filter))
        return finish(Usage);
    const auto where = CliStore::resolve(ctx);
    if (!where) {
        ctx.out.error(QStringLiteral("store"), where.error());
        return finish(BadInput);
    }
    const QString path = where->target.describe();
    if (!CliStore::exists(*where)) {
        // Never creates a store (nor a key) just to say it is empty.
        ctx.out.error(
            QStringLiteral("store"),
            QStringLiteral("No store at %1: nothing has been recorded on this machine.").arg(path),
            { { QStringLiteral("store"), path } });
        return finish(BadInput);
    }
    CliStore::open(
        ctx, *where, finish,
        [&ctx, path, sub, filter, finish](std::shared_ptr<store::Store> opened,
                                          std::shared_ptr<keychain::Keychain> keychain) {
            auto trail = std::make_shared<audit::AuditTrail>(opened, *keychain, ctx.clock);
            trail->setProfile(ctx.keychain ? ctx.keychain->profile() : QString());
            if (sub == QLatin1String("verify")) {
                trail->verify([&ctx, trail, keychain, path, finish](audit::AuditVerification v) {
                    CliAuditTrail::releaseLater(trail, keychain);
                    ctx.out.result(verdictJson(v, path));
                    if (!v.ok()) {
                        writeStd(
                            QStringLiteral("audit log not intact%1: %2\n")
                                .arg(v.firstBrokenSeq > 0
                                         ? QStringLiteral(" at record %1").arg(v.firstBrokenSeq)
                                         : QString(),
                                     v.message)
                                .toUtf8(),
                            stderr);
                    }
                    finish(v.ok() ? Ok : Negative);
                });
                return;
            }
            const auto records = trail->log().read(filter);
            if (!records) {
                ctx.out.error(QStringLiteral("store"), records.error().message);
                return finish(BadInput);
            }
            const QByteArray csv = audit::AuditLog::toCsv(records.value());
            const QString output = ctx.options->value(QStringLiteral("output"));
            const QString object = QStringLiteral("audit log, %1 records to %2")
                                       .arg(records->size())
                                       .arg(output.isEmpty() ? QStringLiteral("stdout")
                                                             : QFileInfo(output).fileName());
            if (output.isEmpty()) {
                writeStd(csv, stdout);
            } else {
                QSaveFile file(output);
                if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() ||
                    !file.commit()) {
                    trail->record(audit::AuditAction::Export, object, audit::AuditOutcome::Failed);
                    ctx.out.error(
                        QStringLiteral("output"),
                        QStringLiteral("Cannot write %1: %2").arg(output, file.errorString()));
                    return trail->whenIdle([trail, keychain, finish] {
                        CliAuditTrail::releaseLater(trail, keychain);
                        finish(BadInput);
                    });
                }
                ctx.out.result({ { QStringLiteral("output"), output },
                                 { QStringLiteral("records"), records->size() } });
            }
            trail->record(audit::AuditAction::Export, object);
            // The CLI exits only once the keychain head follows the new record.
            trail->whenIdle([trail, keychain, finish] {
                CliAuditTrail::releaseLater(trail, keychain);
                finish(Ok);
            });
        });
}

} // namespace aerodesk::cli
