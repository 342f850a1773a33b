#include "core/bundle/ZipBundleWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileDevice>
#include <QSaveFile>

#include <cstdio>
#include <zip.h>

namespace aerodesk::bundle {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("aerodesk::bundle::ZipBundleWriter", text);
}

QString errorText(zip_error_t *error)
{
    return QString::fromUtf8(zip_error_strerror(error));
}

/// The whole content of an in-memory source that libzip has finished writing.
Result<QByteArray, QString> drain(zip_source_t *source)
{
    if (zip_source_is_deleted(source))
        return QByteArray();
    if (zip_source_open(source) < 0)
        return errorText(zip_source_error(source));
    QByteArray out;
    if (zip_source_seek(source, 0, SEEK_END) == 0) {
        const zip_int64_t size = zip_source_tell(source);
        if (size >= 0 && zip_source_seek(source, 0, SEEK_SET) == 0) {
            out.resize(qsizetype(size));
            const zip_int64_t got = zip_source_read(source, out.data(), zip_uint64_t(size));
            if (got != size)
                out.clear();
        }
    }
    QString error;
    if (out.isEmpty())
        error = errorText(zip_source_error(source));
    zip_source_close(source);
    if (!error.isEmpty())
        return error;
    return out;
}

} // namespace

Result<QByteArray, QString> ZipBundleWriter::toZip(const QList<BundlePart> &parts,
                                                   const QDateTime &modified)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *memory = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!memory) {
        const QString why = errorText(&error);
        zip_error_fini(&error);
        return why;
    }
    zip_source_keep(memory); // still ours after zip_close(), to read the archive back
    zip_t *archive = zip_open_from_source(memory, ZIP_TRUNCATE, &error);
    if (!archive) {
        const QString why = errorText(&error);
        zip_error_fini(&error);
        zip_source_free(memory);
        return why;
    }
    zip_error_fini(&error);
    for (const BundlePart &part : parts) {
        // The bytes stay valid until zip_close(): `parts` outlives this function's work.
        zip_source_t *data =
            zip_source_buffer(archive, part.bytes.constData(), zip_uint64_t(part.bytes.size()), 0);
        const zip_int64_t index = data
            ? zip_file_add(archive, part.name.toUtf8().constData(), data, ZIP_FL_ENC_UTF_8)
            : -1;
        if (index < 0) {
            const QString why = QString::fromUtf8(zip_strerror(archive));
            if (data)
                zip_source_free(data);
            zip_discard(archive);
            zip_source_free(memory);
            return why;
        }
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 9);
        if (modified.isValid())
            zip_file_set_mtime(archive, zip_uint64_t(index), time_t(modified.toSecsSinceEpoch()),
                               0);
    }
    if (zip_close(archive) < 0) {
        const QString why = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(memory);
        return why;
    }
    Result<QByteArray, QString> bytes = drain(memory);
    zip_source_free(memory);
    return bytes;
}

std::optional<QString> ZipBundleWriter::write(const QString &path, const QList<BundlePart> &parts,
                                              const QDateTime &modified)
{
    Result<QByteArray, QString> zip = toZip(parts, modified);
    if (!zip)
        return tr("The ZIP could not be made: %1").arg(zip.error());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(zip.value()) != zip.value().size() || !file.commit())
        return tr("%1 could not be written: %2").arg(path, file.errorString());
    return std::nullopt;
}

Result<QList<BundlePart>, QString> ZipBundleWriter::read(const QString &path)
{
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!archive) {
        zip_error_t error;
        zip_error_init_with_code(&error, code);
        const QString why = errorText(&error);
        zip_error_fini(&error);
        return why;
    }
    QList<BundlePart> parts;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        zip_file_t *file = nullptr;
        if (zip_stat_index(archive, zip_uint64_t(i), 0, &stat) < 0 ||
            !(file = zip_fopen_index(archive, zip_uint64_t(i), 0))) {
            const QString why = QString::fromUtf8(zip_strerror(archive));
            zip_discard(archive);
            return why;
        }
        QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t got = zip_fread(file, bytes.data(), stat.size);
        zip_fclose(file);
        if (got != zip_int64_t(stat.size)) {
            zip_discard(archive);
            return tr("%1: entry %2 is truncated").arg(path).arg(i);
        }
        parts << BundlePart { QString::fromUtf8(stat.name), bytes, {} };
    }
    zip_discard(archive);
    return parts;
}

} // namespace aerodesk::bundle
