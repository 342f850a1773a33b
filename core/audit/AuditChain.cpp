#include "core/audit/AuditChain.h"

#include <QtEndian>

#include <openssl/evp.h>

namespace aerodesk::audit {

namespace {
void field(QByteArray &out, QByteArrayView bytes)
{
    const quint32 length = qToBigEndian(quint32(bytes.size()));
    out.append(reinterpret_cast<const char *>(&length), sizeof length);
    out.append(bytes.data(), bytes.size());
}
} // namespace

QByteArray AuditChain::canonical(const AuditRecord &r)
{
    QByteArray out(kFormat);
    field(out, QByteArray::number(r.seq));
    field(out, QByteArray::number(r.atMs));
    field(out, r.osUser.toUtf8());
    field(out, r.profile.toUtf8());
    field(out, AuditActions::name(r.action).toLatin1());
    field(out, r.object.toUtf8());
    field(out, r.connectionRef);
    field(out, AuditOutcomes::name(r.outcome).toLatin1());
    field(out, r.reason.toUtf8());
    field(out, r.prevHash);
    return out;
}

QByteArray AuditChain::sha256(QByteArrayView data)
{
    QByteArray digest(kHashBytes, '\0');
    unsigned int length = 0;
    if (EVP_Digest(data.data(), std::size_t(data.size()),
                   reinterpret_cast<unsigned char *>(digest.data()), &length, EVP_sha256(),
                   nullptr) != 1 ||
        length != unsigned(kHashBytes))
        return {};
    return digest;
}

QByteArray AuditChain::hashOf(const AuditRecord &record)
{
    return sha256(canonical(record));
}

void AuditChain::link(AuditRecord &record, const QByteArray &prevHash)
{
    record.prevHash = prevHash;
    record.hash = hashOf(record);
}

} // namespace aerodesk::audit
