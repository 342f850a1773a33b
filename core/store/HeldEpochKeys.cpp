#include "core/store/HeldEpochKeys.h"

#include "core/store/Store.h"
#include "core/team/TeamKeychain.h"
#include "core/util/LogCategories.h"

#include <memory>

namespace aerodesk::store {

QStringList HeldEpochKeys::missing(const Store &store)
{
    const team::RotationPlan &plan = store.rotationPlan();
    QStringList ids;
    for (const team::RotationPlan::Epoch &epoch : { plan.next(), plan.current() }) {
        if (epoch.number > 0 && !epoch.keyId.isEmpty() && !store.epochKeys().count(epoch.number))
            ids << epoch.keyId;
    }
    return ids;
}

void HeldEpochKeys::take(Store &store, team::TeamKeychain &keychain,
                         std::function<void(int added)> done)
{
    const QStringList ids = missing(store);
    if (ids.isEmpty()) {
        if (done)
            done(0);
        return;
    }
    struct Progress
    {
        qsizetype left = 0;
        int added = 0;
    };
    auto progress = std::make_shared<Progress>();
    progress->left = ids.size();
    Store *db = &store;
    for (const QString &id : ids) {
        keychain.readKeyById(
            id, [db, id, progress, done](Result<team::TeamKey, team::TeamError> key) {
                if (key) {
                    if (auto added = db->addKey(key->bytes()); added) {
                        ++progress->added;
                        qCInfo(aerodesk::log::store).noquote()
                            << "team key" << id << "taken from the keychain for the rotation";
                    } else {
                        qCWarning(aerodesk::log::store).noquote()
                            << "team key" << id << "held but not added:" << added.error().message;
                    }
                } else if (key.error().kind != team::TeamError::Kind::Missing) {
                    qCWarning(aerodesk::log::store).noquote()
                        << "team key" << id << "could not be read:" << key.error().message;
                }
                if (--progress->left == 0 && done)
                    done(progress->added);
            });
    }
}

} // namespace aerodesk::store
