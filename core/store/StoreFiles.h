#pragma once

#include "core/store/StoreError.h"
#include "core/util/Result.h"

#include <QString>

namespace aerodesk::store {

/// File modes of the store, independent of the process umask (POSIX; elsewhere a no-op):
/// the folder is created 0700, the database file is created 0600 before SQLite opens it, and an
/// existing database, -wal and -shm are tightened to 0600. SQLite creates -wal and -shm with
/// the database file's mode, so they are 0600 too.
class StoreFiles
{
public:
    /// Creates the folder (0700, only if missing) and the file (0600), or tightens both files.
    static Status<StoreError> preparePrivate(const QString &path);
    /// Creates `dir` (and parents) if missing; the last level gets 0700. `tighten` also sets
    /// 0700 on an existing `dir` (only for AeroDesk's own folder).
    static bool makePrivateDirectory(const QString &dir, bool tighten = false);
};

} // namespace aerodesk::store
