#include "SecretSearch.h"

#include <QDirIterator>
#include <QFile>

namespace aerodesk::test {

QList<Needle> needlesFor(const Secret &s)
{
    QList<Needle> out;
    out << Needle { s.what + QStringLiteral(" (raw)"), s.value }
        << Needle { s.what + QStringLiteral(" (hex)"), s.value.toHex() }
        << Needle { s.what + QStringLiteral(" (HEX)"), s.value.toHex().toUpper() };
    for (int skip = 0; skip < 3; ++skip) {
        // Bytes `skip..`, preceded by (3 - skip) % 3 unknown bytes in the stream: encode from the
        // next multiple of three so the characters do not depend on the unknown bytes.
        const QByteArray aligned = s.value.mid(skip);
        const qsizetype whole = (aligned.size() / 3) * 3;
        if (whole < 9)
            continue;
        const QByteArray b64 = aligned.first(whole).toBase64(QByteArray::OmitTrailingEquals);
        const QByteArray url = aligned.first(whole).toBase64(QByteArray::Base64UrlEncoding |
                                                             QByteArray::OmitTrailingEquals);
        out << Needle { s.what + QStringLiteral(" (base64+%1)").arg(skip), b64 };
        if (url != b64)
            out << Needle { s.what + QStringLiteral(" (base64url+%1)").arg(skip), url };
    }
    return out;
}

QList<Secret> withPemLines(const Secret &s)
{
    QList<Secret> out { s };
    if (!s.value.startsWith("-----BEGIN"))
        return out;
    int n = 0;
    for (const QByteArray &line : s.value.split('\n')) {
        if (line.size() >= 40 && !line.startsWith("-----"))
            out << Secret { s.what + QStringLiteral(" PEM line %1").arg(++n), line };
    }
    return out;
}

QList<Place> filesUnder(const QString &root)
{
    QList<Place> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            out << Place { path.mid(root.size()), f.readAll() };
    }
    return out;
}

QStringList hits(const QList<Secret> &secrets, const QList<Place> &places)
{
    QStringList found;
    for (const Secret &s : secrets) {
        for (const Secret &part : withPemLines(s)) {
            for (const Needle &needle : needlesFor(part)) {
                for (const Place &place : places) {
                    if (place.content.contains(needle.bytes))
                        found << QStringLiteral("%1 in %2").arg(needle.what, place.name);
                }
            }
        }
    }
    return found;
}

QList<Secret> issuedSecrets(const QString &path)
{
    QList<Secret> out;
    QFile issued(path);
    if (!issued.open(QIODevice::ReadOnly))
        return out;
    int n = 0;
    for (const QByteArray &line : issued.readAll().split('\n')) {
        if (!line.isEmpty())
            out << Secret { QStringLiteral("issued #%1").arg(++n), QByteArray::fromHex(line) };
    }
    return out;
}

} // namespace aerodesk::test
