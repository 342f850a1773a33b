#pragma once

#include <QByteArray>
#include <QString>

namespace aerodesk::emulator {

/// A self-signed TLS certificate for the sandbox's loopback HTTPS server: EC P-256 key,
/// CN "AeroDesk Sandbox", SAN IP:127.0.0.1 and DNS:localhost, valid one year. A client that makes
/// this certificate its only CA verifies the server normally, then checks the SHA-256 pin.
struct SelfSignedCertificate
{
    QByteArray certificatePem;
    QByteArray privateKeyPem; ///< kept in the sandbox process only
    QByteArray sha256Hex; ///< SHA-256 of the DER certificate, lowercase hex

    /// Generates a fresh certificate; on failure returns an empty one and sets `error`.
    static SelfSignedCertificate generate(QString *error);
    /// Loads a certificate and its key from PEM files (--cert/--key); null + `error` on failure.
    static SelfSignedCertificate load(const QString &certFile, const QString &keyFile,
                                      QString *error);
    bool isNull() const { return certificatePem.isEmpty(); }
};

} // namespace aerodesk::emulator
