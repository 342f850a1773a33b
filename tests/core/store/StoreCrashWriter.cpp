// A test-only writer for StoreCrashTest: opens the store exactly as the console does
// (StoreOpener: the data key from the real keychain, Store::open, migrations) and then writes
// without end — single upserts, 3-row upsertMany transactions and keyed history events — and
// prints one line per record to stdout only after its commit returned:
//   ready                      the store is open
//   C <connectionId>           a committed connection (accountNumber = first 12 hex digits)
//   E <connectionId> <key>     a committed history event "crash" with detail {key}
// It is killed with SIGKILL by the test; it stops by itself after 60 s.
//
// usage: aerodesk_store_crash_writer <store path> <keychain profile>
#include "core/keychain/Keychain.h"
#include "core/store/Store.h"
#include "core/store/StoreOpener.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QUuid>

#include <cstdio>

using namespace aerodesk;

namespace {
void say(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

connections::Connection fresh()
{
    connections::Connection c;
    c.connectionId = QUuid::createUuid().toString(QUuid::Id128);
    c.bankName = QStringLiteral("Crash Bank");
    c.status = QStringLiteral("CONNECTED");
    c.accountSummary = QJsonObject { { QStringLiteral("accountNumber"), c.connectionId.left(12) } };
    return c;
}

int writeForever(store::Store &s)
{
    QElapsedTimer running;
    running.start();
    for (int n = 0; running.elapsed() < 60000; ++n) {
        QList<connections::Connection> batch;
        for (int i = 0; i < (n % 4 == 3 ? 3 : 1); ++i)
            batch.append(fresh());
        const auto written = batch.size() == 1 ? s.connections().upsert(batch[0])
                                               : s.connections().upsertMany(batch);
        if (!written) {
            std::fprintf(stderr, "write failed: %s\n", qPrintable(written.error().message));
            return 3;
        }
        for (const auto &c : batch)
            say("C " + c.connectionId.toLatin1());
        if (n % 3 == 0) {
            const QString id = batch.last().connectionId;
            const QString key = QStringLiteral("k-%1").arg(n);
            auto recorded = s.history().record(id,
                                               { QDateTime::currentDateTimeUtc(),
                                                 QStringLiteral("crash"),
                                                 { { QStringLiteral("key"), key } } },
                                               key);
            if (!recorded || !*recorded) {
                std::fprintf(stderr, "history write failed\n");
                return 3;
            }
            say("E " + id.toLatin1() + ' ' + key.toLatin1());
        }
    }
    return 0;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: aerodesk_store_crash_writer <store> <keychain profile>\n");
        return 2;
    }
    keychain::Keychain keychain(args.at(2));
    store::StoreOpener opener(keychain);
    opener.open(args.at(1), [&app](Result<std::shared_ptr<store::Store>, store::StoreError> r) {
        if (!r) {
            std::fprintf(stderr, "cannot open: %s\n", qPrintable(r.error().message));
            return app.exit(2);
        }
        say("ready");
        app.exit(writeForever(**r));
    });
    return app.exec();
}
