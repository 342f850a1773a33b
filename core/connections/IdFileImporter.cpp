#include "core/connections/IdFileImporter.h"

#include "core/connections/ConnectionId.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace aerodesk::connections {

namespace {
using Outcome = IdFileImporter::Outcome;

void add(Outcome &out, QSet<QString> &seen, int line, const QString &id, const QString &user,
         const QString &where)
{
    auto valid = ConnectionId::validate(id);
    if (!valid) {
        out.errors.append({ line, where.arg(line) + valid.error().message });
        return;
    }
    if (seen.contains(*valid)) {
        ++out.duplicates;
        return;
    }
    seen.insert(*valid);
    out.entries.append({ *valid, user.trimmed(), line });
}

QStringList splitCsv(const QString &line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < line.size() && line.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"')
                quoted = false;
            else
                field += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            fields.append(field.trimmed());
            field.clear();
        } else {
            field += c;
        }
    }
    fields.append(field.trimmed());
    return fields;
}

void parseJson(const QByteArray &content, Outcome &out)
{
    out.format = Outcome::Format::Json;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(content, &error);
    if (error.error != QJsonParseError::NoError) {
        out.fatal = QStringLiteral("Not valid JSON at offset %1: %2.")
                        .arg(error.offset)
                        .arg(error.errorString());
        return;
    }
    if (!doc.isArray()) {
        out.fatal = QStringLiteral(
            "The JSON must be an array of ids or of {connectionId, aeroPassUserUuid} objects.");
        return;
    }
    QSet<QString> seen;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const int item = int(i) + 1;
        const QJsonValue v = array.at(i);
        if (v.isString()) {
            add(out, seen, item, v.toString(), {}, QStringLiteral("Item %1: "));
        } else if (v.isObject()) {
            const QJsonObject o = v.toObject();
            if (!o.value(QLatin1String("connectionId")).isString())
                out.errors.append(
                    { item, QStringLiteral("Item %1 has no string \"connectionId\".").arg(item) });
            else
                add(out, seen, item, o.value(QLatin1String("connectionId")).toString(),
                    o.value(QLatin1String("aeroPassUserUuid")).toString(),
                    QStringLiteral("Item %1: "));
        } else {
            out.errors.append(
                { item, QStringLiteral("Item %1 is neither a string nor an object.").arg(item) });
        }
    }
}
} // namespace

IdFileImporter::Outcome IdFileImporter::parse(const QByteArray &content)
{
    Outcome out;
    QByteArray body = content;
    if (body.startsWith("\xEF\xBB\xBF"))
        body.remove(0, 3);
    if (body.trimmed().startsWith('[')) {
        parseJson(body, out);
        return out;
    }
    const QStringList lines = QString::fromUtf8(body).split(u'\n');
    QSet<QString> seen;
    int idColumn = -1, userColumn = -1;
    bool headerSeen = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i) + 1;
        QString line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(u'#'))
            continue;
        if (!headerSeen) {
            headerSeen = true;
            const QStringList header = splitCsv(line);
            for (qsizetype c = 0; c < header.size(); ++c) {
                if (header.at(c).compare(QLatin1String("connectionId"), Qt::CaseInsensitive) == 0)
                    idColumn = int(c);
                if (header.at(c).compare(QLatin1String("aeroPassUserUuid"), Qt::CaseInsensitive) ==
                    0)
                    userColumn = int(c);
            }
            if (idColumn >= 0) {
                out.format = Outcome::Format::Csv;
                continue;
            }
            if (line.contains(u',')) {
                out.format = Outcome::Format::Csv;
                out.fatal =
                    QStringLiteral("Line %1: the CSV header has no \"connectionId\" column.")
                        .arg(lineNo);
                return out;
            }
        }
        if (out.format == Outcome::Format::Csv) {
            const QStringList fields = splitCsv(line);
            if (idColumn >= fields.size()) {
                out.errors.append(
                    { lineNo,
                      QStringLiteral("Line %1 has %2 fields; connectionId is column %3.")
                          .arg(lineNo)
                          .arg(fields.size())
                          .arg(idColumn + 1) });
                continue;
            }
            const QString user =
                userColumn >= 0 && userColumn < fields.size() ? fields.at(userColumn) : QString();
            add(out, seen, lineNo, fields.at(idColumn), user, QStringLiteral("Line %1: "));
        } else {
            add(out, seen, lineNo, line, {}, QStringLiteral("Line %1: "));
        }
    }
    return out;
}

QString IdFileImporter::formatName(Outcome::Format format)
{
    switch (format) {
    case Outcome::Format::Json:
        return QStringLiteral("json");
    case Outcome::Format::Csv:
        return QStringLiteral("csv");
    case Outcome::Format::Lines:
        break;
    }
    return QStringLiteral("lines");
}

} // namespace aerodesk::connections
