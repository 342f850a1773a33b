// core/bundle: what the redactor keeps and drops in each form, the builder's parts, and the
// ZIP read back by libzip's read API and by Info-ZIP's unzip (an independent reader), its
// manifest hashes checked with `sha256sum`.
#include "core/bundle/BundleBuilder.h"
#include "core/bundle/BundleManifest.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/ConnectionBundleSources.h"
#include "core/bundle/WebhookEvidenceLog.h"
#include "core/bundle/ZipBundleWriter.h"
#include "core/connections/IdMask.h"
#include "core/util/FixedClock.h"
#include "core/webhooks/WebhookLog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <cmath>
#include <gtest/gtest.h>

namespace {

using namespace aerodesk;
using namespace aerodesk::bundle;

const QString kId = QStringLiteral("0123456789abcdef0123456789abcdef");
const QString kUuid = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kOther = QStringLiteral("fedcba9876543210fedcba9876543210");

TEST(BundleRedactor, SecretsGoInBothFormsAndOnlyTheSubjectsIdsStayInTheProviderForm)
{
    const QJsonObject in {
        { "connectionId", kId },
        { "aeroPassUserUuid", kUuid },
        { "jobId", kOther },
        { "accountNumber", "9876543210" },
        { "token", "tok-abc" },
        { "apiSecret", "s3cr3t-value" },
        { "userCode", "uc-abc" },
        { "webhook_secret", "whsec" },
        { "partnerPrivateKey", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----" },
        { "nested", QJsonArray { QJsonObject { { "access_token", "tok-2" } } } },
        { "note", QStringLiteral("seen on %1 with Bearer tok-3, other %2").arg(kId, kOther) },
        { "status", "CONNECTED" },
    };
    for (auto form : { BundleRedactor::Form::Masked, BundleRedactor::Form::Provider }) {
        const BundleRedactor r(form, { kId, kUuid });
        const QJsonObject out = r.redact(in);
        const QByteArray text = QJsonDocument(out).toJson();
        for (const char *secret :
             { "tok-abc", "s3cr3t-value", "uc-abc", "whsec\"", "AAAA", "tok-2", "tok-3" })
            EXPECT_FALSE(text.contains(secret)) << secret << " in " << text.toStdString();
        EXPECT_EQ(out.value("token").toString(), QLatin1String(BundleRedactor::kRedacted));
        EXPECT_EQ(out.value("status").toString(), "CONNECTED");
        EXPECT_FALSE(text.contains(kOther.toUtf8())) << "other ids are masked in both forms";
        EXPECT_FALSE(text.contains("9876543210"));
        if (form == BundleRedactor::Form::Masked) {
            EXPECT_FALSE(text.contains(kId.toUtf8()));
            EXPECT_FALSE(text.contains(kUuid.toUtf8()));
            EXPECT_EQ(out.value("connectionId").toString(), connections::IdMask::mask(kId));
            EXPECT_TRUE(out.value("note").toString().contains(connections::IdMask::mask(kId)));
        } else {
            EXPECT_EQ(out.value("connectionId").toString(), kId);
            EXPECT_EQ(out.value("aeroPassUserUuid").toString(), kUuid);
            EXPECT_TRUE(out.value("note").toString().contains(kId)) << "the id in text stays too";
        }
    }
}

TEST(BundleRedactor, IdNamesAreTheApisSpellingsNotEveryWordEndingInId)
{
    for (const char *name :
         { "id", "connectionId", "jobId", "merchant_id", "delivery_id", "aeroPassUserUuid",
           "userUUID", "accountIds", "user", "accountNumber", "routing_number", "partnerID" })
        EXPECT_TRUE(BundleRedactor::isIdName(QLatin1String(name))) << name;
    for (const char *name : { "valid", "paid", "status", "bankName", "kind", "period" })
        EXPECT_FALSE(BundleRedactor::isIdName(QLatin1String(name))) << name;
    for (const char *name : { "token", "access_token", "apiSecret", "x-api-key", "userCode",
                              "partnerPrivateKey", "secret_key", "Authorization", "payload" })
        EXPECT_TRUE(BundleRedactor::isSecretName(QLatin1String(name))) << name;
    EXPECT_FALSE(BundleRedactor::isSecretName(QStringLiteral("signatureHeader")));
}

TEST(WebhookEvidenceLog, KeepsBodiesAndSignaturesBoundedAndFindsThemByTheIdInTheBody)
{
    WebhookEvidenceLog log(2);
    webhooks::WebhookLogEntry entry;
    entry.receivedAt = QDateTime::currentDateTimeUtc();
    entry.verdict.kind = webhooks::WebhookVerdict::Kind::Valid;
    entry.verdict.secret = webhooks::WebhookVerdict::Secret::Current;
    entry.httpStatus = 200;
    auto body = [](const QString &id) {
        return QStringLiteral("{\"event\":\"job.balance\",\"data\":{\"connectionId\":\"%1\"}}")
            .arg(id)
            .toUtf8();
    };
    log.append(entry, body(kOther), { { "x-webhook-signature", "sha256=00" } });
    log.append(entry, body(kId), { { "X-Webhook-Signature", "sha256=11" } });
    EXPECT_EQ(log.forSubject(kOther).size(), 1);
    log.append(entry, body(kId), { { "Content-Type", "application/json" } });
    EXPECT_EQ(log.size(), 2) << "bounded: the oldest went";
    EXPECT_TRUE(log.forSubject(kOther).isEmpty());
    const QList<BundleWebhookEvidence> mine = log.forSubject(kId);
    ASSERT_EQ(mine.size(), 2);
    EXPECT_EQ(mine.at(0).signatureHeader, "sha256=11") << "header names without case";
    EXPECT_TRUE(mine.at(1).signatureHeader.isEmpty());
    EXPECT_EQ(mine.at(0).verdict, "valid");
    EXPECT_EQ(mine.at(0).verdictSecret, "current");
    EXPECT_TRUE(log.forSubject(kId.left(8)).isEmpty()) << "whole values only";
}

TEST(BundleRedactor, FormNamesRoundTrip)
{
    for (auto form : { BundleRedactor::Form::Masked, BundleRedactor::Form::Provider })
        EXPECT_EQ(BundleRedactor::formFromName(BundleRedactor::formName(form)), form);
    EXPECT_FALSE(BundleRedactor::formFromName("plain").has_value());
}

BundleSources sampleSources()
{
    connections::Connection c;
    c.connectionId = kId;
    c.aeroPassUserUuid = kUuid;
    c.bankName = "Sandbox Bank";
    c.status = "CONNECTED";
    QList<connections::ConnectionEvent> events {
        { QDateTime(QDate(2026, 11, 30), QTime(10, 0), Qt::UTC),
          "job",
          { { "jobId", kOther }, { "state", "COMPLETED" } } },
        { QDateTime(QDate(2026, 11, 30), QTime(10, 1), Qt::UTC),
          "error",
          { { "code", "AC-112" }, { "token", "leaky" } } },
    };
    const QByteArray body =
        QStringLiteral("{\"event\":\"job.balance\",\"data\":{\"connectionId\":\"%1\"}}")
            .arg(kId)
            .toUtf8();
    QList<BundleWebhookEvidence> hooks { { QDateTime::currentDateTimeUtc(), body,
                                           "sha256=" + QByteArray(64, 'a'), "valid", "current",
                                           "ok", 200 } };
    BundleSources s = ConnectionBundleSources::fromValues(c, events, "custom-sandbox", hooks);
    s.diagnosticLog = [] {
        return QStringList { QStringLiteral("line one %1").arg(kId),
                             "POST /v2/token apiSecret=zzz" };
    };
    return s;
}

QString tool(const QString &name)
{
    const QString path = QStandardPaths::findExecutable(name);
    EXPECT_FALSE(path.isEmpty()) << name.toStdString() << " missing: run scripts/install-deps.sh";
    return path;
}

TEST(BundleBuilder, EveryPartIsListedInTheManifestWithItsSizeAndHash)
{
    const FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(19, 40), Qt::UTC));
    const QList<BundlePart> parts =
        BundleBuilder(clock).build(sampleSources(), BundleRedactor::Form::Masked);
    QStringList names;
    for (const BundlePart &p : parts)
        names << p.name;
    EXPECT_EQ(names,
              (QStringList { "manifest.json", "connection.json", "timeline.json", "webhooks.json",
                             "versions.json", "diagnostic-log.txt" }));
    const QJsonObject manifest = QJsonDocument::fromJson(parts.first().bytes).object();
    EXPECT_EQ(manifest.value("createdAt").toString(), "2026-11-30T19:40:00Z");
    EXPECT_EQ(manifest.value("form").toString(), "masked");
    EXPECT_EQ(manifest.value("environmentKind").toString(), "custom-sandbox");
    EXPECT_FALSE(manifest.value("qt").toString().isEmpty());
    EXPECT_TRUE(manifest.value("openssl").toString().startsWith("OpenSSL"));
    EXPECT_EQ(manifest.value("files").toArray().size(), 5);
    EXPECT_FALSE(BundleManifest::verify(manifest, parts).has_value());
    // A changed byte is caught.
    QList<BundlePart> tampered = parts;
    tampered[2].bytes.append(' ');
    EXPECT_TRUE(BundleManifest::verify(manifest, tampered).has_value());
    // A size no file can have (beyond any integer) is a difference, not a conversion.
    for (const double size : { 1e300, -1.0, std::nan("") }) {
        QJsonObject odd = manifest;
        QJsonArray files = odd.value("files").toArray();
        QJsonObject first = files.first().toObject();
        first.insert("size", size);
        files[0] = first;
        odd.insert("files", files);
        EXPECT_EQ(BundleManifest::verify(odd, parts).value_or(QString()),
                  first.value("name").toString() + QStringLiteral(": the size differs"))
            << size;
    }

    const QJsonObject timeline = QJsonDocument::fromJson(parts.at(2).bytes).object();
    EXPECT_EQ(timeline.value("entries").toArray().size(), 2);
    const QByteArray all = [&] {
        QByteArray b;
        for (const BundlePart &p : parts)
            b += p.bytes;
        return b;
    }();
    EXPECT_FALSE(all.contains("leaky"));
    EXPECT_FALSE(all.contains("zzz"));
    EXPECT_FALSE(all.contains(kId.toUtf8()));
    EXPECT_TRUE(all.contains("sha256=" + QByteArray(64, 'a'))) << "the signature is kept";
    const QJsonObject hooks = QJsonDocument::fromJson(parts.at(3).bytes).object();
    const QJsonObject delivery = hooks.value("deliveries").toArray().first().toObject();
    EXPECT_EQ(
        delivery.value("body").toObject().value("data").toObject().value("connectionId").toString(),
        connections::IdMask::mask(kId));
}

TEST(ZipBundleWriter, TheZipReadsBackWithLibzipAndUnzipAndMatchesSha256sum)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const FixedClock clock(QDateTime(QDate(2026, 11, 30), QTime(19, 40), Qt::UTC));
    const QList<BundlePart> parts =
        BundleBuilder(clock).build(sampleSources(), BundleRedactor::Form::Provider);
    const QString zip = dir.filePath("bundle.zip");
    ASSERT_FALSE(ZipBundleWriter::write(zip, parts, clock.nowUtc()).has_value());
    EXPECT_EQ(QFile(zip).permissions() & (QFileDevice::ReadOther | QFileDevice::ReadGroup), 0);

    // libzip's read API.
    auto back = ZipBundleWriter::read(zip);
    ASSERT_TRUE(back) << back.error().toStdString();
    ASSERT_EQ(back.value().size(), parts.size());
    for (int i = 0; i < parts.size(); ++i) {
        EXPECT_EQ(back.value().at(i).name, parts.at(i).name);
        EXPECT_EQ(back.value().at(i).bytes, parts.at(i).bytes);
    }

    // Info-ZIP's unzip (an independent reader) tests and extracts; sha256sum hashes what it
    // wrote.
    const QString out = dir.filePath("x");
    QProcess test;
    test.start(tool("unzip"), { "-tq", zip });
    ASSERT_TRUE(test.waitForFinished(20000));
    ASSERT_EQ(test.exitCode(), 0) << test.readAllStandardOutput().toStdString();
    QProcess unzip;
    unzip.start(tool("unzip"), { "-q", zip, "-d", out });
    ASSERT_TRUE(unzip.waitForFinished(20000));
    ASSERT_EQ(unzip.exitCode(), 0) << unzip.readAllStandardError().toStdString();
    QFile m(out + "/manifest.json");
    ASSERT_TRUE(m.open(QIODevice::ReadOnly));
    const QJsonObject manifest = QJsonDocument::fromJson(m.readAll()).object();
    const QJsonArray files = manifest.value("files").toArray();
    ASSERT_EQ(files.size(), 5);
    for (const QJsonValue &v : files) {
        const QString name = v.toObject().value("name").toString();
        QProcess sum;
        sum.start(tool("sha256sum"), { out + "/" + name });
        ASSERT_TRUE(sum.waitForFinished(10000));
        EXPECT_EQ(QString::fromLatin1(sum.readAllStandardOutput().left(64)),
                  v.toObject().value("sha256").toString())
            << name.toStdString();
    }
    // The provider-facing form keeps the subject's ids.
    QFile state(out + "/connection.json");
    ASSERT_TRUE(state.open(QIODevice::ReadOnly));
    const QByteArray s = state.readAll();
    EXPECT_TRUE(s.contains(kId.toUtf8()));
    EXPECT_TRUE(s.contains(kUuid.toUtf8()));
}

TEST(ZipBundleWriter, AnUnwritablePathIsASentenceNotAHalfFile)
{
    const auto error =
        ZipBundleWriter::write("/proc/aerodesk-no/bundle.zip", { { "a.txt", "x", "text/plain" } });
    ASSERT_TRUE(error.has_value());
    EXPECT_TRUE(error->contains("/proc/aerodesk-no/bundle.zip"));
}

} // namespace
