// The escalation bundle (issue 15) of a real sandbox run: a connection with a balance job and
// its signed webhook, and a partner user who just got a userCode. The sources the bundle is made
// from are planted with the run's secrets the way the console could meet them (secret-named
// fields, "Bearer …" and "userCode=…" log lines, a PEM key); the bundle is written with libzip,
// unpacked with `unzip` (an independent reader), and every file is searched raw, as hex and as
// base64 for every secret, token and userCode the sandbox issued (AERODESK_SANDBOX_ISSUED_SECRETS),
// the webhook secret and the partner's private key: zero hits. Every part is there, the manifest's
// hashes match `sha256sum`, the masked form holds no plain connectionId and the provider form does.
#include "ExternalTools.h"
#include "IntegrationEmulatorRig.h"
#include "SecretSearch.h"
#include "WebhookReceiver.h"
#include "core/bundle/BundleBuilder.h"
#include "core/bundle/BundleManifest.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/PartnerUserBundleSources.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/crypto/Random.h"
#include "core/util/Clock.h"
#include "tests/support/Wait.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>

#include <cstdio>
#include <gtest/gtest.h>

namespace {

using namespace aerodesk;
using namespace aerodesk::test;
using bundle::BundleRedactor;

QStringList plantedLog(const QList<Secret> &secrets, const QString &connectionId)
{
    QStringList lines;
    for (const Secret &s : secrets) {
        const QString v = QString::fromLatin1(s.value);
        lines << QStringLiteral(
                     "2026-11-30T19:00:00.000Z debug aerodesk.api: Authorization: Bearer %1")
                     .arg(v)
              << QStringLiteral("2026-11-30T19:00:00.001Z debug aerodesk.embedded: userCode=%1")
                     .arg(v)
              << QStringLiteral(
                     "2026-11-30T19:00:00.002Z debug aerodesk.api: {\"apiSecret\":\"%1\"}")
                     .arg(v);
    }
    lines << QStringLiteral("2026-11-30T19:00:01.000Z info aerodesk.jobs: job on %1 done")
                 .arg(connectionId);
    return lines;
}

struct Unpacked
{
    QStringList names;
    QList<Place> places;
    QJsonObject manifest;
};

Unpacked unpack(const QString &zip, const QString &dir)
{
    Unpacked u;
    const QString unzip = ExternalTools::find(QStringLiteral("unzip"));
    EXPECT_FALSE(unzip.isEmpty())
        << ExternalTools::missingMessage(QStringLiteral("unzip")).toStdString();
    const auto run = ExternalTools::run(
        unzip, { QStringLiteral("-q"), QStringLiteral("-o"), zip, QStringLiteral("-d"), dir });
    EXPECT_EQ(run.exitCode, 0) << run.describe().toStdString();
    u.places = filesUnder(dir);
    for (const Place &p : u.places)
        u.names << p.name.mid(1);
    u.names.sort();
    QFile m(dir + QStringLiteral("/manifest.json"));
    if (m.open(QIODevice::ReadOnly))
        u.manifest = QJsonDocument::fromJson(m.readAll()).object();
    return u;
}

/// Each listed file's SHA-256 and size, by `sha256sum` (the peer) and the file system.
void expectManifestMatches(const Unpacked &u, const QString &dir)
{
    const QJsonArray files = u.manifest.value(QStringLiteral("files")).toArray();
    ASSERT_EQ(files.size() + 1, u.names.size()) << "every file but the manifest is listed";
    const QString sha256sum = ExternalTools::find(QStringLiteral("sha256sum"));
    ASSERT_FALSE(sha256sum.isEmpty());
    for (const QJsonValue &v : files) {
        const QJsonObject f = v.toObject();
        const QString path = dir + QLatin1Char('/') + f.value(QStringLiteral("name")).toString();
        const auto run = ExternalTools::run(sha256sum, { path });
        ASSERT_EQ(run.exitCode, 0) << run.describe().toStdString();
        EXPECT_EQ(QString::fromLatin1(run.out.left(64)),
                  f.value(QStringLiteral("sha256")).toString())
            << path.toStdString();
        EXPECT_EQ(QFileInfo(path).size(), qint64(f.value(QStringLiteral("size")).toDouble()));
    }
}

bool anyContains(const QList<Place> &places, const QString &text)
{
    for (const Place &p : places) {
        if (p.content.contains(text.toUtf8()))
            return true;
    }
    return false;
}

TEST(BundleSecretScan, ABundleOfASandboxRunHoldsEveryPartAndNoneOfItsSecrets)
{
    QTemporaryDir outside;
    QTemporaryDir work;
    ASSERT_TRUE(outside.isValid() && work.isValid());
    const QString issuedPath = outside.filePath(QStringLiteral("issued.hex"));
    qputenv("AERODESK_SANDBOX_ISSUED_SECRETS", QFile::encodeName(issuedPath));
    IntegrationEmulatorRig sandbox;
    ASSERT_TRUE(sandbox.start()) << sandbox.lastError().toStdString();
    qunsetenv("AERODESK_SANDBOX_ISSUED_SECRETS");
    ASSERT_TRUE(sandbox.isRealExecutable()) << "the scan runs against the real sandbox over HTTPS";
    const QString token = sandbox.token();
    ASSERT_FALSE(token.isEmpty());

    // A signed webhook for a real balance job.
    WebhookReceiver receiver;
    ASSERT_TRUE(receiver.listen());
    const QByteArray webhookSecret = "whsec_" + crypto::Random::hex(24);
    const auto sub = sandbox.call("POST", QStringLiteral("/webhooks/subscribe"),
                                  { { "url", receiver.url() },
                                    { "events", QJsonArray { "job.balance" } },
                                    { "secret_key", QString::fromLatin1(webhookSecret) } });
    ASSERT_TRUE(sub.status == 200 || sub.status == 201) << sub.body.toStdString();
    const QString connectionId = sandbox.startBalanceJob();
    ASSERT_FALSE(connectionId.isEmpty()) << sandbox.lastError().toStdString();
    ASSERT_TRUE(waitUntil([&] { return !receiver.hits().isEmpty(); }, 30000))
        << "no webhook delivery";
    const auto account = sandbox.call("GET", QStringLiteral("/v2/accounts/%1").arg(connectionId));
    ASSERT_EQ(account.status, 200) << account.body.toStdString();

    // A partner user who was handed a userCode; the partner's private key.
    const auto keys = sandbox.call("GET", QStringLiteral("/sandbox/eb/keys"));
    ASSERT_EQ(keys.status, 200);
    const QByteArray privatePem = keys.json.value("partnerPrivateKeyPem").toString().toUtf8();
    ASSERT_TRUE(privatePem.startsWith("-----BEGIN"));
    const QString partnerUser = QStringLiteral("bundle-user");
    const auto connect = sandbox.call("POST", QStringLiteral("/sandbox/eb/connect-event"),
                                      { { "user", partnerUser } });
    ASSERT_EQ(connect.status, 200) << connect.body.toStdString();

    // The secrets of the run.
    QList<Secret> secrets = issuedSecrets(issuedPath);
    // apiKey, apiSecret, control token, an API token, a userCode.
    ASSERT_GE(secrets.size(), 5) << "the sandbox listed too few issued secrets";
    secrets << Secret { QStringLiteral("webhook secret"), webhookSecret }
            << Secret { QStringLiteral("partner private key"), privatePem }
            << Secret { QStringLiteral("API token"), token.toUtf8() };

    std::fprintf(stderr, "searching %d secret(s) of the run\n", int(secrets.size()));

    // The sources, planted.
    connections::Connection c;
    c.connectionId = connectionId;
    c.aeroPassUserUuid = account.json.value("aeroPassUserUuid")
                             .toString(QStringLiteral("apu-") + crypto::Random::hex(16));
    c.bankName = account.json.value("bankName").toString();
    c.status = account.json.value("connectionStatus").toString();
    c.accountSummary = account.json;
    QList<connections::ConnectionEvent> events;
    int n = 0;
    for (const Secret &s : secrets) {
        events << connections::ConnectionEvent {
            QDateTime::currentDateTimeUtc(),
            QStringLiteral("job"),
            { { "jobId", QStringLiteral("job-%1").arg(++n) },
              { "connectionId", connectionId },
              { "token", QString::fromLatin1(s.value) },
              { "userCode", QString::fromLatin1(s.value) },
              { "response", QJsonObject { { "access_token", QString::fromLatin1(s.value) } } },
              { "note", QStringLiteral("Bearer %1").arg(QString::fromLatin1(s.value)) } }
        };
    }
    QList<bundle::BundleWebhookEvidence> webhooks;
    for (const WebhookReceiver::Hit &hit : receiver.hits())
        webhooks << bundle::BundleWebhookEvidence { QDateTime::currentDateTimeUtc(),
                                                    hit.body,
                                                    hit.signature,
                                                    QStringLiteral("valid"),
                                                    QStringLiteral("current"),
                                                    QStringLiteral("The signature matched."),
                                                    hit.answeredWith };
    ASSERT_TRUE(webhooks.first().body.contains(connectionId.toUtf8()))
        << "the webhook body names the connection (the masked form must hide it)";
    bundle::BundleSources sources = bundle::ConnectionBundleSources::fromValues(
        c, events, QStringLiteral("built-in-sandbox"), webhooks);
    const QStringList log = plantedLog(secrets, connectionId);
    sources.diagnosticLog = [log] { return log; };

    // The search finds what is there: the planted log itself is full of hits.
    QByteArray rawLog = log.join(QLatin1Char('\n')).toUtf8();
    ASSERT_FALSE(hits(secrets, { Place { QStringLiteral("planted log"), rawLog } }).isEmpty());

    SystemClock clock;
    const bundle::BundleBuilder builder(clock);
    const QStringList expected {
        QStringLiteral("connection.json"), QStringLiteral("diagnostic-log.txt"),
        QStringLiteral("manifest.json"),   QStringLiteral("timeline.json"),
        QStringLiteral("versions.json"),   QStringLiteral("webhooks.json")
    };
    for (const BundleRedactor::Form form :
         { BundleRedactor::Form::Masked, BundleRedactor::Form::Provider }) {
        const QString name = BundleRedactor::formName(form);
        SCOPED_TRACE(name.toStdString());
        const QString zip = work.filePath(name + QStringLiteral(".zip"));
        ASSERT_FALSE(bundle::ZipBundleWriter::write(zip, builder.build(sources, form)).has_value());
        const QString dir = work.filePath(name);
        const Unpacked u = unpack(zip, dir);
        EXPECT_EQ(u.names, expected);
        EXPECT_EQ(u.manifest.value("form").toString(), name);
        expectManifestMatches(u, dir);
        const QStringList found = hits(secrets, u.places);
        EXPECT_TRUE(found.isEmpty()) << found.size() << " hit(s):\n"
                                     << found.join(QLatin1Char('\n')).toStdString();
        // The signature header is evidence: kept as received.
        EXPECT_TRUE(anyContains(u.places, QString::fromLatin1(webhooks.first().signatureHeader)));
        if (form == BundleRedactor::Form::Masked) {
            EXPECT_FALSE(anyContains(u.places, connectionId))
                << "a plain connectionId in the masked form";
            EXPECT_FALSE(anyContains(u.places, c.aeroPassUserUuid));
            EXPECT_TRUE(anyContains(u.places, connections::IdMask::mask(connectionId)));
        } else {
            const Place *state = nullptr;
            for (const Place &p : u.places)
                if (p.name == QLatin1String("/connection.json"))
                    state = &p;
            ASSERT_NE(state, nullptr);
            EXPECT_TRUE(state->content.contains(connectionId.toUtf8()));
            EXPECT_TRUE(anyContains(u.places, c.aeroPassUserUuid));
        }
    }

    // The partner user's bundle: the userCode never, the user's id only in the provider form.
    embedded::PartnerUser user;
    user.id = partnerUser;
    user.connectedSince = QDateTime::currentDateTimeUtc();
    user.changedAt = user.connectedSince;
    embedded::EventOutcome outcome;
    outcome.result = embedded::EventOutcome::Result::Answered;
    outcome.action = QStringLiteral("connect");
    outcome.user = partnerUser;
    outcome.statusSent = QStringLiteral("OK");
    outcome.httpStatus = 204;
    outcome.codeStored = true;
    outcome.at = user.connectedSince;
    QString leaky;
    for (const Secret &s : secrets)
        leaky += QStringLiteral(" userCode=%1 token: %2")
                     .arg(QString::fromLatin1(s.value), QString::fromLatin1(s.value.toHex()));
    outcome.message = leaky;
    bundle::BundleSources eb = bundle::PartnerUserBundleSources::fromValues(
        user, { outcome }, QStringLiteral("built-in-sandbox"));
    eb.diagnosticLog = [log] { return log; };
    for (const BundleRedactor::Form form :
         { BundleRedactor::Form::Masked, BundleRedactor::Form::Provider }) {
        const QString name = QStringLiteral("eb-") + BundleRedactor::formName(form);
        SCOPED_TRACE(name.toStdString());
        const QString zip = work.filePath(name + QStringLiteral(".zip"));
        ASSERT_FALSE(bundle::ZipBundleWriter::write(zip, builder.build(eb, form)).has_value());
        const QString dir = work.filePath(name);
        const Unpacked u = unpack(zip, dir);
        EXPECT_TRUE(u.names.contains(QStringLiteral("partner-user.json")));
        expectManifestMatches(u, dir);
        const QStringList found = hits(secrets, u.places);
        EXPECT_TRUE(found.isEmpty()) << found.size() << " hit(s):\n"
                                     << found.join(QLatin1Char('\n')).toStdString();
        EXPECT_EQ(anyContains(u.places, QStringLiteral("\"") + partnerUser + QStringLiteral("\"")),
                  form == BundleRedactor::Form::Provider);
    }
}

} // namespace
