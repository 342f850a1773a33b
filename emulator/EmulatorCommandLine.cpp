#include "EmulatorCommandLine.h"

#include <QCommandLineParser>

#include <cstdio>
#include <cstdlib>

using aerodesk::emulator::EmulatorOptions;

namespace {
[[noreturn]] void usageError(const QString &message)
{
    std::fprintf(stderr, "aerodesk-sandbox: %s (see --help)\n", qPrintable(message));
    std::exit(2);
}
} // namespace

EmulatorOptions EmulatorCommandLine::parse(const QCoreApplication &app, Extra *extra)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Offline emulator of the Aerosync API, its widget and the embedded banking component, over "
        "HTTPS on 127.0.0.1. Prints one JSON line when ready: baseUrl, certSha256, certPem, "
        "apiKey, apiSecret (unless --secret-fd), controlToken. See docs/sandbox.md."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port on 127.0.0.1 (0 = a free one)."),
                                  QStringLiteral("n"), QStringLiteral("0"));
    const QCommandLineOption seed(
        QStringLiteral("seed"),
        QStringLiteral("Seed for every id, amount and timing (0 = random)."), QStringLiteral("n"),
        QStringLiteral("0"));
    const QCommandLineOption scale(
        QStringLiteral("time-scale"),
        QStringLiteral("Multiply every duration (jobs, MFA window, lockout) by f."),
        QStringLiteral("f"), QStringLiteral("1"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"),
                                 QStringLiteral("API token lifetime in seconds."),
                                 QStringLiteral("s"), QStringLiteral("1800"));
    const QCommandLineOption key(QStringLiteral("api-key"),
                                 QStringLiteral("Use this apiKey instead of a generated one."),
                                 QStringLiteral("key"));
    const QCommandLineOption secret(
        QStringLiteral("api-secret"),
        QStringLiteral("Use this apiSecret instead of a generated one."), QStringLiteral("secret"));
    const QCommandLineOption secretFd(
        QStringLiteral("secret-fd"),
        QStringLiteral("Write the apiSecret followed by a newline to this open file descriptor, "
                       "close it, and leave apiSecret off the start line."),
        QStringLiteral("fd"));
    const QCommandLineOption mfaLiteral(
        QStringLiteral("mfa-required-literal"),
        QStringLiteral("Polls say MFA_REQUIRED instead of \"Pending MFA\"."));
    const QCommandLineOption noStdin(
        QStringLiteral("no-stdin-watch"),
        QStringLiteral("Keep running when standard input (a pipe) closes."));
    const QCommandLineOption partner(QStringLiteral("partner-key"),
                                     QStringLiteral("Embedded banking: the partner's RSA private "
                                                    "key (PEM file) instead of a generated one."),
                                     QStringLiteral("file"));
    const QCommandLineOption provider(QStringLiteral("provider-key"),
                                      QStringLiteral("Embedded banking: the provider's RSA private "
                                                     "key (PEM file) instead of a generated one."),
                                      QStringLiteral("file"));
    const QCommandLineOption webhookCa(
        QStringLiteral("webhook-ca"),
        QStringLiteral("CA certificates (PEM file) to trust for https webhook receivers."),
        QStringLiteral("file"));
    const QCommandLineOption cert(
        QStringLiteral("cert"),
        QStringLiteral("TLS certificate (PEM) to serve instead of a generated one; needs --key."),
        QStringLiteral("file"));
    const QCommandLineOption certKey(QStringLiteral("key"),
                                     QStringLiteral("Private key (PEM) of --cert."),
                                     QStringLiteral("file"));
    const QCommandLineOption fault(
        QStringLiteral("fault"),
        QStringLiteral("Inject a data-API fault: server-error=N, rate-limit=N, malformed=N, drop=N "
                       "or latency-ms=N (repeatable)."),
        QStringLiteral("kind=N"));
    const QCommandLineOption requestTimeout(
        QStringLiteral("request-timeout-ms"),
        QStringLiteral("Close a connection whose request is not complete this many ms after its "
                       "first byte (a slow client)."),
        QStringLiteral("ms"), QStringLiteral("10000"));
    parser.addOptions({ port, seed, scale, ttl, key, secret, secretFd, mfaLiteral, noStdin, partner,
                        provider, webhookCa, cert, certKey, fault, requestTimeout });
    parser.process(app);

    EmulatorOptions o;
    bool ok = false;
    const uint p = parser.value(port).toUInt(&ok);
    if (!ok || p > 65535)
        usageError(QStringLiteral("--port must be 0..65535"));
    o.port = quint16(p);
    o.seed = parser.value(seed).toULongLong(&ok);
    if (!ok)
        usageError(QStringLiteral("--seed must be a whole number"));
    o.timeScale = parser.value(scale).toDouble(&ok);
    if (!ok || o.timeScale <= 0 || o.timeScale > 100)
        usageError(QStringLiteral("--time-scale must be a number in (0, 100]"));
    o.tokenTtlSeconds = parser.value(ttl).toLongLong(&ok);
    if (!ok || o.tokenTtlSeconds < 1)
        usageError(QStringLiteral("--token-ttl must be at least 1 second"));
    o.requestTimeoutMs = parser.value(requestTimeout).toInt(&ok);
    if (!ok || o.requestTimeoutMs < 50 || o.requestTimeoutMs > 600000)
        usageError(QStringLiteral("--request-timeout-ms must be 50..600000"));
    o.apiKey = parser.value(key);
    o.apiSecret = parser.value(secret);
    o.mfaRequiredLiteral = parser.isSet(mfaLiteral);
    if (parser.isSet(secretFd)) {
        extra->secretFd = parser.value(secretFd).toInt(&ok);
        if (!ok || extra->secretFd < 3)
            usageError(QStringLiteral("--secret-fd must be a descriptor number of 3 or more"));
    }
    extra->watchStdin = !parser.isSet(noStdin);
    extra->partnerKey = parser.value(partner);
    extra->providerKey = parser.value(provider);
    extra->webhookCa = parser.value(webhookCa);
    extra->certFile = parser.value(cert);
    extra->keyFile = parser.value(certKey);
    if (extra->certFile.isEmpty() != extra->keyFile.isEmpty())
        usageError(QStringLiteral("--cert and --key go together"));
    extra->faults = parser.values(fault);
    return o;
}
