#include "tests/support/EmbeddedState.h"

#include "core/embedded/EmulatorEventSource.h"
#include "core/keychain/Keychain.h"
#include "core/keychain/KeychainEntries.h"
#include "core/store/UserCodeVault.h"
#include "tests/support/SessionRig.h"
#include "tests/support/Wait.h"

#include <QRandomGenerator>

#include <gtest/gtest.h>
#include <optional>

namespace aerodesk::test {

QJsonObject sandboxEbState(SessionRig &rig)
{
    auto *events = rig.session().sandboxEvents();
    if (!events) {
        ADD_FAILURE() << "the session has no sandbox event source";
        return {};
    }
    std::optional<QJsonObject> state;
    QString error;
    events->state([&](Result<QJsonObject, api::ApiError> r) {
        if (r)
            state = r.value();
        else
            error = r.error().message;
        if (!state)
            state = QJsonObject {};
    });
    if (!waitUntil([&] { return state.has_value(); }, 20000))
        ADD_FAILURE() << "/sandbox/eb/state did not answer";
    if (!error.isEmpty())
        ADD_FAILURE() << "/sandbox/eb/state: " << error.toStdString();
    return state.value_or(QJsonObject {});
}

QJsonObject sandboxEbUser(SessionRig &rig, const QString &user)
{
    return embedded::EmulatorEventSource::sandboxUserState(sandboxEbState(rig), user);
}

QJsonArray sandboxEbLog(SessionRig &rig, const QString &kind, const QString &user)
{
    QJsonArray rows;
    for (const QJsonValue &row : sandboxEbState(rig).value(QStringLiteral("log")).toArray()) {
        const QJsonObject o = row.toObject();
        if (o.value(QStringLiteral("kind")).toString() == kind &&
            o.value(QStringLiteral("user")).toString() == user)
            rows.append(o);
    }
    return rows;
}

keychain::KeychainError::Kind storedUserCode(SessionRig &rig, const QString &user)
{
    std::optional<keychain::KeychainError::Kind> kind;
    rig.keychain().read(store::UserCodeVault::keyName(user),
                        [&](const keychain::KeychainError &e, crypto::SecureBytes value) {
                            value.clear();
                            kind = e.kind;
                        });
    if (!waitUntil([&] { return kind.has_value(); }, 20000))
        ADD_FAILURE() << "the keychain did not answer";
    return kind.value_or(keychain::KeychainError::Kind::Timeout);
}

QString uniquePartnerUser(SessionRig &rig, const QString &prefix)
{
    const QString user = QStringLiteral("%1-%2").arg(prefix).arg(
        QRandomGenerator::global()->generate64() & 0xffffffffffULL, 0, 16);
    rig.removeAtEnd({ store::UserCodeVault::keyName(user),
                      QString::fromLatin1(keychain::entries::kPartnerUsers) });
    return user;
}

} // namespace aerodesk::test
