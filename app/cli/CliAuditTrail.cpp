#include "CliAuditTrail.h"

#include "CliContext.h"
#include "CliExit.h"
#include "core/audit/AuditTrail.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreLocation.h"
#include "core/store/StoreOpener.h"

#include <QCoreApplication>

#include <cstdio>

namespace aerodesk::cli {

void CliAuditTrail::addOptions(QCommandLineParser &p)
{
    p.addOption({ QStringLiteral("store"),
                  QStringLiteral("The store whose audit log records this command (without it "
                                 "nothing is recorded)."),
                  QStringLiteral("file") });
    p.addOption(
        { QStringLiteral("store-profile"),
          QStringLiteral("Keychain profile of the store's data key (default: \"Local store\")."),
          QStringLiteral("name") });
}

void CliAuditTrail::open(CliContext &ctx, CliCommand::Finish finish,
                         std::function<void(std::shared_ptr<CliAuditTrail>)> ready)
{
    auto self = std::make_shared<CliAuditTrail>();
    self->m_finish = finish;
    if (!ctx.options->isSet(QStringLiteral("store"))) {
        std::fputs("not recorded in the audit log: no store (--store)\n", stderr);
        std::fflush(stderr);
        return ready(self);
    }
    const QString path = ctx.options->value(QStringLiteral("store"));
    if (!store::Store::exists(path)) {
        // Never creates a store (nor a key) just to record in it.
        ctx.out.error(QStringLiteral("store"),
                      QStringLiteral("No store at %1: nothing can be recorded.").arg(path),
                      { { QStringLiteral("store"), path } });
        return finish(BadInput);
    }
    const QString profile = ctx.options->isSet(QStringLiteral("store-profile"))
        ? ctx.options->value(QStringLiteral("store-profile"))
        : QString::fromLatin1(store::StoreLocation::kKeychainProfile);
    self->m_keychain = std::make_shared<keychain::Keychain>(profile);
    auto opener = std::make_shared<store::StoreOpener>(*self->m_keychain);
    opener->open(path,
                 [&ctx, self, opener, path, finish,
                  ready](Result<std::shared_ptr<store::Store>, store::StoreError> s) {
                     if (!s) {
                         const bool keyProblem =
                             s.error().kind == store::StoreError::Kind::MissingKey ||
                             s.error().kind == store::StoreError::Kind::Keychain;
                         ctx.out.error(QStringLiteral("store"), s.error().message,
                                       { { QStringLiteral("store"), path } });
                         return finish(keyProblem ? Keychain : BadInput);
                     }
                     self->m_trail = std::make_shared<audit::AuditTrail>(
                         s.value(), *self->m_keychain, ctx.clock);
                     self->m_trail->setProfile(ctx.keychain ? ctx.keychain->profile() : QString());
                     ready(self);
                 });
}

bool CliAuditTrail::record(audit::AuditAction action, const QString &object,
                           audit::AuditOutcome outcome, const QString &reason)
{
    return !m_trail || m_trail->record(action, object, outcome, reason);
}

void CliAuditTrail::finish(audit::AuditAction action, const QString &object,
                           audit::AuditOutcome outcome, int code, const QString &reason)
{
    record(action, object, outcome, reason);
    done(code);
}

void CliAuditTrail::done(int code)
{
    if (!m_trail)
        return m_finish(code);
    // The CLI exits only once the keychain head follows the new record.
    auto trail = m_trail;
    auto keychain = m_keychain;
    auto done = m_finish;
    trail->whenIdle([trail, keychain, done, code] {
        releaseLater(trail, keychain);
        done(code);
    });
}

void CliAuditTrail::releaseLater(std::shared_ptr<audit::AuditTrail> trail,
                                 std::shared_ptr<keychain::Keychain> keychain)
{
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [trail = std::move(trail), keychain = std::move(keychain)] {},
        Qt::QueuedConnection);
}

} // namespace aerodesk::cli
