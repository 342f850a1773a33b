// aerodesk-sandbox: the offline Aerosync emulator (docs/sandbox.md). Start-up wiring only.
#include "EmulatorCommandLine.h"
#include "ShutdownWatcher.h"
#include "core/crypto/SecureBytes.h"
#include "core/util/ProcessHardening.h"
#include "emulator/EmulatorServer.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QThreadPool>

#include <cerrno>
#include <cstdio>
#include <openssl/crypto.h>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

namespace {

/// --secret-fd: "<apiSecret>\n" to `fd`, then close it (the parent reads to end of file).
bool handOverSecret(int fd, const QString &apiSecret)
{
    // Only a pipe: a descriptor the parent did not pass could have been reused by now.
    using FileStatus = struct stat;
    FileStatus st {};
    if (::fstat(fd, &st) != 0 || !S_ISFIFO(st.st_mode))
        return false;
    QByteArray bytes = apiSecret.toUtf8();
    bytes.append('\n');
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    const bool ok = done == bytes.size();
    aerodesk::crypto::secureWipe(bytes);
    ::close(fd);
    return ok;
}

} // namespace

int main(int argc, char **argv)
{
    // No OPENSSL_cleanup at exit: it races with threads Qt ends during exit() (ASan saw it free
    // a thread's state twice); the process is ending and the kernel takes its memory back.
    OPENSSL_init_crypto(OPENSSL_INIT_NO_ATEXIT, nullptr);
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
    QJsonObject startLine = server.startLine();
    if (extra.secretFd >= 0) {
        // Before the start line: whoever reads that line finds the secret already in the pipe.
        startLine.remove(QStringLiteral("apiSecret"));
        if (!handOverSecret(extra.secretFd, server.apiSecret())) {
            std::fprintf(
                stderr,
                "aerodesk-sandbox: cannot hand the apiSecret over --secret-fd %d (an open pipe)\n",
                extra.secretFd);
            return 2;
        }
    }
    const QByteArray line = QJsonDocument(startLine).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
    const int status = app.exec();
    // Pool threads end while OpenSSL is still initialised (not during exit()).
    QThreadPool::globalInstance()->waitForDone();
    return status;
}
