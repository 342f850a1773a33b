#include "BundleCommand.h"

#include "../CliAuditTrail.h"
#include "../CliContext.h"
#include "../CliExit.h"
#include "../CliStore.h"
#include "../ConnectionIdInput.h"
#include "core/audit/AuditTrail.h"
#include "core/audit/BundleAudit.h"
#include "core/bundle/BundleBuilder.h"
#include "core/bundle/BundleManifest.h"
#include "core/bundle/BundleWritten.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/PartnerUserBundleSources.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/embedded/PartnerUserDirectory.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "core/store/StoreOpener.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

namespace aerodesk::cli {

namespace {

void writeBundle(CliContext &ctx, const bundle::BundleSources &sources,
                 bundle::BundleRedactor::Form form, const QString &output,
                 const CliCommand::Finish &finish)
{
    const QList<bundle::BundlePart> parts = bundle::BundleBuilder(ctx.clock).build(sources, form);
    if (auto error = bundle::ZipBundleWriter::write(output, parts, ctx.clock.nowUtc())) {
        ctx.out.error(QStringLiteral("output"), *error, { { QStringLiteral("output"), output } });
        return finish(BadInput);
    }
    // The audit seam: the process's hook (if one is installed) records the act.
    bundle::BundleWritten::notify(
        bundle::BundleWritten::describe(output, parts, ctx.clock.nowUtc(), sources));
    const QJsonObject manifest = QJsonDocument::fromJson(parts.first().bytes).object();
    ctx.out.result(
        { { QStringLiteral("output"), output },
          { QStringLiteral("form"), bundle::BundleRedactor::formName(form) },
          { QStringLiteral("subject"), bundle::BundleSources::subjectName(sources.subject) },
          { sources.subject == bundle::BundleSources::Subject::PartnerUser
                ? QStringLiteral("user")
                : QStringLiteral("connectionId"),
            connections::IdMask::mask(sources.subjectId) },
          { QStringLiteral("files"), manifest.value(QStringLiteral("files")) } });
    finish(Ok);
}

} // namespace

BundleCommand::BundleCommand() = default;
BundleCommand::~BundleCommand() = default;

void BundleCommand::addOptions(QCommandLineParser &p)
{
    ConnectionIdInput::addOptions(p);
    p.addOption({ QStringLiteral("user"),
                  QStringLiteral("A partner user's bundle instead of a connection's (the "
                                 "embedded-banking side; never the userCode)."),
                  QStringLiteral("id") });
    p.addOption({ QStringLiteral("output"), QStringLiteral("The ZIP to write (replaced)."),
                  QStringLiteral("file") });
    p.addOption({ QStringLiteral("form"),
                  QStringLiteral("masked (default: every id masked) or provider (keeps the "
                                 "connectionId and aeroPassUserUuid the provider asks for; "
                                 "secrets are never included)."),
                  QStringLiteral("form"), QStringLiteral("masked") });
    CliStore::addOptions(p,
                         QStringLiteral("The store: a file, or a team store's postgresql:// URL "
                                        "(default: the one Settings chose for the environment)."));
}

void BundleCommand::run(CliContext &ctx, Finish finish)
{
    const auto form =
        bundle::BundleRedactor::formFromName(ctx.options->value(QStringLiteral("form")));
    if (!form) {
        ctx.out.error(QStringLiteral("usage"), QStringLiteral("--form is masked or provider."));
        return finish(Usage);
    }
    const QString output = ctx.options->value(QStringLiteral("output"));
    if (output.isEmpty()) {
        ctx.out.error(QStringLiteral("usage"), QStringLiteral("Where to? Give --output FILE.zip."));
        return finish(Usage);
    }
    if (ctx.options->isSet(QStringLiteral("user")))
        return runForPartnerUser(ctx, ctx.options->value(QStringLiteral("user")), finish);
    const std::optional<QString> id = ConnectionIdInput::read(ctx, 0, finish);
    if (!id)
        return;
    const QString environmentKind =
        bundle::BundleManifest::environmentKindName(ctx.environmentKind);
    const auto where = CliStore::resolve(ctx);
    if (!where) {
        ctx.out.error(QStringLiteral("store"), where.error());
        return finish(BadInput);
    }
    const QString path = where->target.describe();
    if (!CliStore::exists(*where)) {
        // No store: a bundle of the id and the log only (never creates a store or a key).
        connections::Connection c;
        c.connectionId = *id;
        return writeBundle(ctx, bundle::ConnectionBundleSources::fromValues(c, {}, environmentKind),
                           *form, output, finish);
    }
    CliStore::open(
        ctx, *where, finish,
        [&ctx, path, id = *id, form = *form, output, environmentKind, finish](
            std::shared_ptr<store::Store> opened, std::shared_ptr<keychain::Keychain> keychain) {
            auto sources = bundle::ConnectionBundleSources::snapshot(*opened, id, environmentKind);
            if (!sources) {
                ctx.out.error(QStringLiteral("store"), sources.error(),
                              { { QStringLiteral("store"), path } });
                return finish(BadInput);
            }
            // The act is audited: one `export` record in this store's audit log
            // (the head moved in the keychain before the command ends).
            auto trail = std::make_shared<audit::AuditTrail>(opened, *keychain, ctx.clock);
            trail->setProfile(ctx.keychain ? ctx.keychain->profile() : QString());
            audit::BundleAudit::install([t = trail.get()] { return t; });
            writeBundle(ctx, sources.value(), form, output, [trail, keychain, finish](int code) {
                audit::BundleAudit::uninstall();
                trail->whenIdle([trail, keychain, finish, code] {
                    CliAuditTrail::releaseLater(trail, keychain);
                    finish(code);
                });
            });
        });
}

void BundleCommand::runForPartnerUser(CliContext &ctx, const QString &user, Finish finish)
{
    if (auto problem = embedded::PartnerUser::checkId(user)) {
        ctx.out.error(QStringLiteral("input"), *problem);
        return finish(BadInput);
    }
    const QString output = ctx.options->value(QStringLiteral("output"));
    const auto form =
        bundle::BundleRedactor::formFromName(ctx.options->value(QStringLiteral("form")));
    const QString environmentKind =
        bundle::BundleManifest::environmentKindName(ctx.environmentKind);
    m_users = std::make_unique<embedded::PartnerUserDirectory>(*ctx.keychain);
    m_users->load([this, &ctx, user, output, form, environmentKind,
                   finish](const keychain::KeychainError &e) {
        if (!e.ok()) {
            ctx.out.error(
                QStringLiteral("keychain"),
                QStringLiteral("The partner-user list could not be read: %1").arg(e.message));
            return finish(Keychain);
        }
        const std::optional<embedded::PartnerUser> found = m_users->find(user);
        if (!found) {
            ctx.out.error(QStringLiteral("input"),
                          QStringLiteral("No partner user \"%1\" in profile \"%2\".")
                              .arg(user, ctx.keychain->profile()));
            return finish(BadInput);
        }
        // The CLI keeps no workflow history: the timeline is empty here.
        writeBundle(ctx, bundle::PartnerUserBundleSources::fromValues(*found, {}, environmentKind),
                    *form, output, finish);
    });
}

} // namespace aerodesk::cli
