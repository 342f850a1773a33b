#pragma once

#include "core/store/Migration.h"

#include <QList>

namespace aerodesk::store {

/// The store's ordered migrations. To add v2: append a Migration{2, "...", apply} to
/// migrations(); never edit an applied one.
///
/// v1: store_meta(key, value) — holds "key_check", the AEAD-sealed constant that proves the
///     data key; connections — blind indexes + sealed identifiers + plain non-identifying
///     columns; connection_events — per-connection history (sealed detail), cascade-deleted.
class StoreSchema
{
public:
    static QList<Migration> migrations();
};

} // namespace aerodesk::store
