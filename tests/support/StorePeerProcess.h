#pragma once

#include "core/crypto/SecureBytes.h"
#include "tests/support/StoreBackend.h"

#include <QProcess>
#include <QStringList>

namespace aerodesk::test {

/// A second console in its own process: `tests/core/store/StorePeer` (AERODESK_STORE_PEER) run on
/// the test's store — PostgreSQL or SQLite, as `where` says — with `command` after the store's
/// arguments. The data key (hex) and the store password go to its stdin, never argv. Closing
/// the object closes the peer's stdin and waits for it (killed after 10 s).
class StorePeerProcess
{
public:
    StorePeerProcess(const QString &program, const StoreBackend &where,
                     const crypto::SecureBytes &key, const QStringList &command);
    ~StorePeerProcess();
    StorePeerProcess(const StorePeerProcess &) = delete;
    StorePeerProcess &operator=(const StorePeerProcess &) = delete;

    /// The store's arguments every helper process of the store tests takes first:
    /// "postgres <host> <port> <database> <user> <caFile>" or "sqlite <path>".
    static QStringList targetArgs(const StoreBackend &where);

    /// The next line it prints, trimmed (empty after `ms` without one, or once it has ended).
    QString next(int ms = 60000);
    /// Writes "go" and flushes it at once (QProcess buffers writes until its event loop or a
    /// wait).
    void go();

private:
    QProcess m_process;
};

} // namespace aerodesk::test
