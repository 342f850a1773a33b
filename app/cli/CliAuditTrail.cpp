#include "CliAuditTrail.h"

#include "CliContext.h"
#include "CliExit.h"
#include "CliStore.h"
#include "core/audit/AuditTrail.h"
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"

#include <QCoreApplication>

#include <cstdio>

namespace aerodesk::cli {

void CliAuditTrail::addOptions(QCommandLineParser &p)
{
    CliStore::addOptions(p,
                         QStringLiteral("The store whose audit log records this command: a "
                                        "file or a team store's postgresql:// URL (without "
                                        "it nothing is recorded)."));
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
    const auto where = CliStore::resolve(ctx);
    if (!where) {
        ctx.out.error(QStringLiteral("store"), where.error());
        return finish(BadInput);
    }
    const QString path = where->target.describe();
    if (!CliStore::exists(*where)) {
        // Never creates a store (nor a key) just to record in it.
        ctx.out.error(QStringLiteral("store"),
                      QStringLiteral("No store at %1: nothing can be recorded.").arg(path),
                      { { QStringLiteral("store"), path } });
        return finish(BadInput);
    }
    CliStore::open(
        ctx, *where, finish,
        [&ctx, self, ready](std::shared_ptr<store::Store> opened,
                            std::shared_ptr<keychain::Keychain> keychain) {
            self->m_keychain = std::move(keychain);
            self->m_trail =
                std::make_shared<audit::AuditTrail>(opened, *self->m_keychain, ctx.clock);
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
