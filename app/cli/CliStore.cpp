#include "CliStore.h"

#include "CliContext.h"
#include "CliExit.h"
#include "core/keychain/Keychain.h"
#include "core/session/EnvironmentProfiles.h"
#include "core/session/TeamStoreSettings.h"
#include "core/store/StoreLocation.h"
#include "core/store/StoreOpener.h"

#include <QSettings>
#include <QUrl>
#include <QUrlQuery>

namespace aerodesk::cli {

void CliStore::addOptions(QCommandLineParser &p, const QString &storeHelp)
{
    p.addOption({ QStringLiteral("store"), storeHelp, QStringLiteral("file|url") });
    p.addOption({ QStringLiteral("store-profile"),
                  QStringLiteral("Keychain profile of a store file's data key and audit head "
                                 "(default: \"Local store\"); of a team store's password "
                                 "(default: the environment's, --profile)."),
                  QStringLiteral("name") });
}

Result<store::StoreTarget, QString> CliStore::parseUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("postgresql"))
        return QStringLiteral("Not a postgresql:// URL: %1").arg(url.toDisplayString());
    if (!url.password().isEmpty())
        return QStringLiteral("The team store URL holds a password: the password belongs in the "
                              "keychain (entry teamStore.password), never on a command line.");
    const QUrlQuery query(url);
    session::TeamStoreChoice c;
    c.teamStore = true;
    c.host = url.host();
    c.port = url.port(5432);
    c.database = url.path().mid(1);
    c.user = url.userName();
    if (query.hasQueryItem(QStringLiteral("sslmode")))
        c.sslMode = query.queryItemValue(QStringLiteral("sslmode"), QUrl::FullyDecoded);
    c.caFile = query.queryItemValue(QStringLiteral("sslrootcert"), QUrl::FullyDecoded);
    c.team = query.queryItemValue(QStringLiteral("team"), QUrl::FullyDecoded);
    if (const auto problem = session::TeamStoreSettings::problem(c))
        return *problem;
    return session::TeamStoreSettings::target(c, QString());
}

Result<CliStore::Where, QString> CliStore::resolve(const CliContext &ctx)
{
    const QString environmentProfile = ctx.keychain ? ctx.keychain->profile() : QString();
    const bool profileGiven = ctx.options->isSet(QStringLiteral("store-profile"));
    const QString storeProfile = ctx.options->value(QStringLiteral("store-profile"));
    const auto teamWhere = [&](store::StoreTarget target) {
        return Where { std::move(target), profileGiven ? storeProfile : environmentProfile };
    };
    const auto fileWhere = [&](const QString &path) {
        return Where { store::StoreTarget(path),
                       profileGiven ? storeProfile
                                    : QString::fromLatin1(store::StoreLocation::kKeychainProfile) };
    };
    if (ctx.options->isSet(QStringLiteral("store"))) {
        const QString given = ctx.options->value(QStringLiteral("store"));
        if (!given.startsWith(QLatin1String("postgresql://")))
            return fileWhere(given);
        auto target = parseUrl(given);
        if (!target)
            return target.error();
        return teamWhere(target.value());
    }
    // The console's choice for this environment (Settings → Store).
    QSettings settings;
    const session::EnvironmentProfiles profiles(settings);
    if (const auto profile = profiles.findByKeychainProfile(environmentProfile)) {
        const session::TeamStoreChoice choice =
            session::TeamStoreSettings(settings).read(profile->id);
        if (choice.teamStore) {
            if (const auto problem = session::TeamStoreSettings::problem(choice))
                return QStringLiteral("The team store set in Settings for %1 cannot be used: %2")
                    .arg(profile->name, *problem);
            return teamWhere(session::TeamStoreSettings::target(choice, QString()));
        }
    }
    return fileWhere(store::Store::defaultPath());
}

bool CliStore::exists(const Where &where)
{
    return where.target.isPostgres() || store::Store::exists(where.target.path());
}

void CliStore::open(CliContext &ctx, const Where &where, CliCommand::Finish finish, Opened opened)
{
    auto keychain = std::make_shared<keychain::Keychain>(where.keychainProfile);
    auto opener = std::make_shared<store::StoreOpener>(*keychain);
    const store::StoreTarget target = where.target;
    opener->open(target,
                 [&ctx, keychain, opener, target, finish,
                  opened](Result<std::shared_ptr<store::Store>, store::StoreError> s) {
                     if (!s) {
                         using Kind = store::StoreError::Kind;
                         const Kind kind = s.error().kind;
                         const int code = kind == Kind::MissingKey || kind == Kind::Keychain
                             ? Keychain
                             : target.isPostgres() && kind == Kind::OpenFailed ? Unreachable
                                                                               : BadInput;
                         ctx.out.error(QStringLiteral("store"), s.error().message,
                                       { { QStringLiteral("store"), target.describe() } });
                         return finish(code);
                     }
                     opened(s.value(), keychain);
                 });
}

} // namespace aerodesk::cli
