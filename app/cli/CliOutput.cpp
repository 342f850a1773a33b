#include "CliOutput.h"

#include <QJsonDocument>

#include <cstdio>

namespace aerodesk::cli {

void CliOutput::print(const QJsonObject &object) const
{
    const QByteArray text =
        QJsonDocument(object).toJson(m_compact ? QJsonDocument::Compact : QJsonDocument::Indented);
    std::fwrite(text.constData(), 1, std::size_t(text.size()), stdout);
    if (m_compact)
        std::fputc('\n', stdout);
    std::fflush(stdout);
}

void CliOutput::result(QJsonObject object) const
{
    if (!object.contains(QLatin1String("ok")))
        object.insert(QStringLiteral("ok"), true);
    print(object);
}

void CliOutput::error(const QString &kind, const QString &message, QJsonObject extra) const
{
    extra.insert(QStringLiteral("kind"), kind);
    extra.insert(QStringLiteral("message"), message);
    print(QJsonObject { { QStringLiteral("ok"), false }, { QStringLiteral("error"), extra } });
    const QByteArray line = "aerodesk-cli: " + message.toUtf8() + '\n';
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
}

QJsonObject CliOutput::toJson(const api::ApiError &e)
{
    QJsonObject o { { QStringLiteral("apiErrorKind"), api::apiErrorKindName(e.kind) } };
    if (e.httpStatus)
        o.insert(QStringLiteral("httpStatus"), e.httpStatus);
    if (!e.code.isEmpty())
        o.insert(QStringLiteral("code"), e.code);
    if (!e.info.title.isEmpty())
        o.insert(QStringLiteral("title"), e.info.title);
    if (!e.info.cause.isEmpty())
        o.insert(QStringLiteral("cause"), e.info.cause);
    if (!e.info.nextStep.isEmpty())
        o.insert(QStringLiteral("nextStep"), e.info.nextStep);
    return o;
}

void CliOutput::apiError(const api::ApiError &e) const
{
    error(QStringLiteral("api"), e.message, toJson(e));
}

void CliOutput::progress(const QString &line) const
{
    if (m_quiet)
        return;
    const QByteArray bytes = line.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stderr);
    std::fflush(stderr);
}

} // namespace aerodesk::cli
