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
    /// An existing store must be writable — the file and its folder (SQLite's -wal and -shm live
    /// there) — or nothing it is given can be kept. On a read-only disk (EROFS, root included) or
    /// without write permission: an OpenFailed error that says the store is read-only, what to
    /// do, and that nothing was changed (SQLite itself would only say it is "unable to open").
    static Status<StoreError> checkWritable(const QString &path);
    /// Creates `dir` (and parents) if missing; the last level gets 0700. `tighten` also sets
    /// 0700 on an existing `dir` (only for AeroDesk's own folder).
    static bool makePrivateDirectory(const QString &dir, bool tighten = false);
};

} // namespace aerodesk::store
