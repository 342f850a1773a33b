#include "emulator/SelfSignedCertificate.h"

#include "core/crypto/Hex.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>

#include <memory>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

namespace aerodesk::emulator {

namespace {
struct X509Free
{
    void operator()(X509 *x) const { X509_free(x); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY *k) const { EVP_PKEY_free(k); }
};
struct BioFree
{
    void operator()(BIO *b) const { BIO_free(b); }
};

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return QByteArray(data, qsizetype(len));
}

bool addExtension(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION *ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    if (!ext)
        return false;
    const bool ok = X509_add_ext(cert, ext, -1) == 1;
    X509_EXTENSION_free(ext);
    return ok;
}

QString opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    char buf[256] = {};
    ERR_error_string_n(code, buf, sizeof buf);
    return QString::fromLatin1(buf);
}
} // namespace

SelfSignedCertificate SelfSignedCertificate::generate(QString *error)
{
    std::unique_ptr<EVP_PKEY, PkeyFree> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    std::unique_ptr<X509, X509Free> cert(X509_new());
    if (!key || !cert) {
        if (error)
            *error = QStringLiteral("cannot create a key: %1").arg(opensslError());
        return {};
    }
    X509_set_version(cert.get(), 2);
    // A random serial: clients cache certificates by issuer + serial.
    BIGNUM *serial = BN_new();
    BN_rand(serial, 63, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial, X509_get_serialNumber(cert.get()));
    BN_free(serial);
    X509_gmtime_adj(X509_getm_notBefore(cert.get()), -60);
    X509_gmtime_adj(X509_getm_notAfter(cert.get()), 365L * 24 * 3600);
    X509_set_pubkey(cert.get(), key.get());
    X509_NAME *name = X509_get_subject_name(cert.get());
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("AeroDesk Sandbox"), -1, -1,
                               0);
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char *>("AeroDesk"), -1, -1, 0);
    X509_set_issuer_name(cert.get(), name);
    const bool extOk =
        addExtension(cert.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost") &&
        addExtension(cert.get(), NID_basic_constraints, "critical,CA:TRUE") &&
        addExtension(cert.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") &&
        addExtension(cert.get(), NID_ext_key_usage, "serverAuth");
    if (!extOk || X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) {
        if (error)
            *error = QStringLiteral("cannot sign the certificate: %1").arg(opensslError());
        return {};
    }
    SelfSignedCertificate out;
    std::unique_ptr<BIO, BioFree> certBio(BIO_new(BIO_s_mem()));
    std::unique_ptr<BIO, BioFree> keyBio(BIO_new(BIO_s_mem()));
    PEM_write_bio_X509(certBio.get(), cert.get());
    PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    out.certificatePem = bioBytes(certBio.get());
    out.privateKeyPem = bioBytes(keyBio.get());
    unsigned char *der = nullptr;
    const int len = i2d_X509(cert.get(), &der);
    out.sha256Hex = crypto::Hex::encode(QCryptographicHash::hash(
        QByteArrayView(reinterpret_cast<const char *>(der), len), QCryptographicHash::Sha256));
    OPENSSL_free(der);
    return out;
}

SelfSignedCertificate SelfSignedCertificate::load(const QString &certFile, const QString &keyFile,
                                                  QString *error)
{
    QFile c(certFile);
    QFile k(keyFile);
    if (!c.open(QIODevice::ReadOnly) || !k.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read %1").arg(!c.isOpen() ? certFile : keyFile);
        return {};
    }
    SelfSignedCertificate out;
    out.certificatePem = c.readAll();
    out.privateKeyPem = k.readAll();
    const QSslCertificate cert(out.certificatePem, QSsl::Pem);
    if (cert.isNull()) {
        if (error)
            *error = QStringLiteral("%1 is not a PEM certificate").arg(certFile);
        return {};
    }
    out.certificatePem = cert.toPem();
    out.sha256Hex = cert.digest(QCryptographicHash::Sha256).toHex();
    return out;
}

} // namespace aerodesk::emulator
