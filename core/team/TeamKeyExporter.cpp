#include "core/team/TeamKeyExporter.h"

#include "core/util/LogCategories.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace aerodesk::team {

namespace {

QString trText(const char *text)
{
    return QCoreApplication::translate("aerodesk::team::TeamKeyExporter", text);
}

} // namespace

std::optional<QString> TeamKeyExporter::passphraseProblem(const crypto::SecureBytes &passphrase)
{
    if (qsizetype(passphrase.size()) >= kMinPassphraseBytes)
        return std::nullopt;
    return trText("The passphrase must be at least %1 characters long.").arg(kMinPassphraseBytes);
}

TeamKeyExporter::TeamKeyExporter(const QString &team)
    : m_keychain(team)
    , m_context(std::make_unique<QObject>())
{
}

TeamKeyExporter::~TeamKeyExporter() = default;

void TeamKeyExporter::readKey(const QString &keyId, TeamKeychain::KeyDone done)
{
    if (keyId.isEmpty())
        return m_keychain.readTeamKey(std::move(done));
    m_keychain.readKeyById(keyId, std::move(done));
}

void TeamKeyExporter::withPassphrase(crypto::SecureBytes passphrase, const QString &createdBy,
                                     const QString &keyId, Done done)
{
    if (auto problem = passphraseProblem(passphrase)) {
        passphrase.clear();
        return done(TeamError::make(TeamError::Kind::EmptyPassphrase, *problem));
    }
    auto pass = std::make_shared<crypto::SecureBytes>(std::move(passphrase));
    const TeamKeyWrapper::Meta meta { m_keychain.team(), createdBy };
    QObject *context = m_context.get();
    readKey(keyId, [context, pass, meta, done](Result<TeamKey, TeamError> key) {
        if (!key) {
            pass->clear();
            return done(key.error());
        }
        // A shared_ptr result: QFuture keeps a copy of what the worker returns until it is gone.
        using Wrapped = std::shared_ptr<Result<TeamKeyExport, TeamError>>;
        auto held = std::make_shared<TeamKey>(std::move(key).value());
        auto *watcher = new QFutureWatcher<Wrapped>(context);
        QObject::connect(watcher, &QFutureWatcher<Wrapped>::finished, context, [watcher, done] {
            watcher->deleteLater();
            const Wrapped wrapped = watcher->result();
            if (!*wrapped) {
                qCWarning(aerodesk::log::keychain).noquote()
                    << "team key export failed:" << TeamError::kindName(wrapped->error().kind);
                return done(wrapped->error());
            }
            const TeamKeyExport &out = wrapped->value();
            done(Exported { out.header.keyId, QString(), out.toArmoured(), out.header.scrypt });
        });
        watcher->setFuture(QtConcurrent::run([held, pass, meta]() -> Wrapped {
            auto wrapped = std::make_shared<Result<TeamKeyExport, TeamError>>(
                TeamKeyWrapper::wrapWithPassphrase(*held, *pass, meta));
            pass->clear();
            return wrapped;
        }));
    });
}

void TeamKeyExporter::forAgent(const EnrolmentPublicKey &agent, const QString &createdBy,
                               const QString &keyId, Done done)
{
    const TeamKeyWrapper::Meta meta { m_keychain.team(), createdBy };
    readKey(keyId, [agent, meta, done](Result<TeamKey, TeamError> key) {
        if (!key)
            return done(key.error());
        auto wrapped = TeamKeyWrapper::wrapFor(key.value(), agent, meta);
        if (!wrapped) {
            qCWarning(aerodesk::log::keychain).noquote()
                << "team key export failed:" << TeamError::kindName(wrapped.error().kind);
            return done(wrapped.error());
        }
        done(Exported { wrapped->header.keyId, agent.keyId(), wrapped->toArmoured(), {} });
    });
}

} // namespace aerodesk::team
