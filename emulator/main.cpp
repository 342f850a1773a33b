// aerodesk-sandbox: the offline Aerosync emulator (docs/sandbox.md). Start-up wiring only.
#include "EmulatorCommandLine.h"
#include "ShutdownWatcher.h"
#include "core/util/ProcessHardening.h"
#include "emulator/EmulatorServer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSslCertificate>

#include <cstdio>
#include <optional>

int main(int argc, char **argv)
{
    aerodesk::ProcessHardening::disableCoreDumps();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("aerodesk-sandbox"));
    QCoreApplication::setOrganizationName(QStringLiteral("AeroDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AERODESK_VERSION));

    if (!aerodesk::ProcessHardening::applied())
        std::fprintf(stderr, "aerodesk-sandbox: warning: %s\n",
                     qPrintable(aerodesk::ProcessHardening::warning()));

    EmulatorCommandLine::Extra extra;
    const aerodesk::emulator::EmulatorOptions options = EmulatorCommandLine::parse(app, &extra);
    ShutdownWatcher watcher(extra.watchStdin);

    aerodesk::emulator::EmulatorServer server(options);
    server.setEmbeddedKeys(extra.partnerKey, extra.providerKey);
    if (!extra.webhookCa.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromPath(extra.webhookCa);
        if (cas.isEmpty()) {
            std::fprintf(stderr, "aerodesk-sandbox: --webhook-ca %s holds no PEM certificate\n",
                         qPrintable(extra.webhookCa));
            return 2;
        }
        server.webhooks().setPinnedReceiverCa(cas);
    }
    for (const QString &fault : extra.faults) {
        QString why;
        if (!server.faults().apply(fault, &why)) {
            std::fprintf(stderr, "aerodesk-sandbox: --fault: %s\n", qPrintable(why));
            return 2;
        }
    }
    std::optional<aerodesk::emulator::SelfSignedCertificate> certificate;
    if (!extra.certFile.isEmpty()) {
        QString why;
        certificate =
            aerodesk::emulator::SelfSignedCertificate::load(extra.certFile, extra.keyFile, &why);
        if (certificate->isNull()) {
            std::fprintf(stderr, "aerodesk-sandbox: %s\n", qPrintable(why));
            return 2;
        }
    }
    QString error;
    if (!server.start(&error, certificate)) {
        std::fprintf(stderr, "aerodesk-sandbox: %s\n", qPrintable(error));
        return 1;
    }
    const QByteArray line = QJsonDocument(server.startLine()).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    return app.exec();
}
