#pragma once

#include "core/api/Environment.h"
#include "core/bundle/BundlePart.h"
#include "core/bundle/BundleRedactor.h"
#include "core/bundle/BundleSources.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace aerodesk::bundle {

/// manifest.json, the first file of every bundle (docs/bundle.md):
///
///     { "format": "aerodesk-escalation-bundle", "formatVersion": 1,
///       "createdAt": "2026-11-30T19:40:00Z", "form": "masked",
///       "subject": { "kind": "connection", "id": "3f0c…4e5f" },
///       "application": "0.1.0", "qt": "6.4.2", "openssl": "OpenSSL 3.0.x …",
///       "environmentKind": "built-in-sandbox",
///       "files": [ { "name": "connection.json", "mediaType": "application/json",
///                    "size": 812, "sha256": "<64 lowercase hex>" }, … ] }
///
/// Every other file of the ZIP is listed with its size and SHA-256 (the manifest cannot hash
/// itself); verify() checks a set of files read back against it.
class BundleManifest
{
public:
    static constexpr const char *kFileName = "manifest.json";
    static constexpr const char *kFormat = "aerodesk-escalation-bundle";
    static constexpr int kFormatVersion = 1;

    BundleManifest(QDateTime createdAt, BundleRedactor::Form form, BundleSources::Subject subject,
                   QString subjectIdShown, QString environmentKind);

    /// Adds `part` to the file list (name, media type, size, SHA-256).
    void add(const BundlePart &part);
    QJsonObject toJson() const;
    BundlePart toPart() const; ///< manifest.json, indented UTF-8 JSON

    /// Lowercase hex SHA-256 (QCryptographicHash; the tests check it with sha256sum).
    static QString sha256Hex(const QByteArray &bytes);
    /// Why `files` (name → bytes, the manifest included or not) do not match `manifest`: a
    /// listed file missing, a size or hash that differs, a file not listed. nullopt: they match.
    static std::optional<QString> verify(const QJsonObject &manifest,
                                         const QList<BundlePart> &files);

    static QString environmentKindName(api::Environment::Kind kind);

private:
    QDateTime m_createdAt;
    BundleRedactor::Form m_form;
    BundleSources::Subject m_subject;
    QString m_subjectId;
    QString m_environmentKind;
    QJsonArray m_files;
};

} // namespace aerodesk::bundle
