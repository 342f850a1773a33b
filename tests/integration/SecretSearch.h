#pragma once
// Searching a run's secrets in what was written (issue 13's secret-hygiene test, reused by the
// escalation bundle's scan): each secret raw, as hex (both cases) and as base64/base64url at
// the three byte alignments it can have inside a longer encoded stream; PEM bodies line by line.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace aerodesk::test {

struct Secret
{
    QString what; ///< e.g. "keychain apiSecret", "issued #3" — never the value
    QByteArray value;
};

struct Needle
{
    QString what;
    QByteArray bytes;
};

struct Place
{
    QString name;
    QByteArray content;
};

/// Raw, hex (both cases), and base64/base64url at the three alignments.
QList<Needle> needlesFor(const Secret &s);
/// PEM text: the base64 body lines are searched on their own too (a file could hold one line).
QList<Secret> withPemLines(const Secret &s);
/// Every file under `root` (hidden ones too), named by its path below `root`.
QList<Place> filesUnder(const QString &root);
/// "<needle> in <place>" for every needle of every secret found in a place.
QStringList hits(const QList<Secret> &secrets, const QList<Place> &places);
/// The secrets the sandbox listed in its AERODESK_SANDBOX_ISSUED_SECRETS file (one hex line
/// each), named "issued #n".
QList<Secret> issuedSecrets(const QString &path);

} // namespace aerodesk::test
