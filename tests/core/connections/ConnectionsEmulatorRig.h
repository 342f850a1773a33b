#pragma once
// Shared by the connections tests that talk to the real sandbox: ClientHarness (sandbox over
// HTTPS, credentials in the real keychain, pinned ApiClient) plus a real encrypted store in a
// temporary directory.

#include "core/crypto/Random.h"
#include "core/store/Store.h"
#include "tests/core/api/ClientHarness.h"

#include <QJsonArray>
#include <QTemporaryDir>

namespace aerodesk::test {

struct ConnectionsEmulatorRig
{
    bool start(const QStringList &args = { QStringLiteral("--seed"), QStringLiteral("42"),
                                           QStringLiteral("--time-scale"), QStringLiteral("0.05") })
    {
        if (!h.start(args))
            return false;
        client = h.makeClient(clock);
        auto opened = store::Store::open(dir.filePath(QStringLiteral("aerodesk.sqlite")),
                                         crypto::Random::secretBytes(32));
        if (!opened.ok()) {
            ADD_FAILURE() << "store: " << opened.error().message.toStdString();
            return false;
        }
        db = std::move(opened).value();
        return true;
    }

    store::ConnectionRepository &repo() { return db->connections(); }

    /// POST /sandbox/seed {count}; returns the sandbox's new total (or -1).
    int seed(int count)
    {
        const auto r =
            h.sandbox.request("POST", QStringLiteral("/sandbox/seed"),
                              QJsonObject { { QStringLiteral("count"), count } }, {}, 60000);
        EXPECT_EQ(r.status, 200) << r.body.toStdString();
        return r.json.value(QStringLiteral("total")).toInt(-1);
    }

    /// The whole sandbox listing, read with the fixture's own HTTPS client (not the code under
    /// test).
    QJsonArray listing()
    {
        QJsonArray all;
        for (int offset = 0;; offset += 5000) {
            const auto r = h.sandbox.request(
                "GET", QStringLiteral("/sandbox/connections?offset=%1&limit=5000").arg(offset), {},
                h.sandbox.bearer(), 60000);
            EXPECT_EQ(r.status, 200) << r.body.left(200).toStdString();
            const QJsonArray page = r.json.value(QStringLiteral("connections")).toArray();
            for (const QJsonValue &v : page)
                all.append(v);
            if (page.isEmpty() || all.size() >= r.json.value(QStringLiteral("total")).toInt())
                return all;
        }
    }

    QStringList listingIds()
    {
        QStringList ids;
        for (const QJsonValue &v : listing())
            ids.append(v.toObject().value(QStringLiteral("connectionId")).toString());
        return ids;
    }

    ClientHarness h;
    SystemClock clock;
    std::unique_ptr<api::ApiClient> client;
    QTemporaryDir dir;
    std::unique_ptr<store::Store> db;
    QObject ctx;
};

} // namespace aerodesk::test
