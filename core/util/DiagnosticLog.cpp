#include "core/util/DiagnosticLog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QStandardPaths>

namespace aerodesk {

namespace {

struct LogState
{
    QMutex mutex;
    QtMessageHandler previous = nullptr;
    bool installed = false;
    DiagnosticLog::Options options;
    QFile file;
};

// Never destroyed: a message may arrive while static objects are being torn down.
LogState &state()
{
    static LogState *s = new LogState;
    return *s;
}

QString baseFilePath(const QString &directory)
{
    return QDir(directory).filePath(QString::fromLatin1(DiagnosticLog::kFileName));
}

QString rotatedPath(const QString &base, int index)
{
    return index == 0 ? base : base + QLatin1Char('.') + QString::number(index);
}

bool openFile(LogState &s)
{
    s.file.setFileName(baseFilePath(s.options.directory));
    if (!s.file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return false;
    s.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

void rotate(LogState &s)
{
    const QString base = s.file.fileName();
    s.file.close();
    const int keep = std::max(1, s.options.keepFiles);
    QFile::remove(rotatedPath(base, keep - 1));
    for (int i = keep - 2; i >= 0; --i)
        QFile::rename(rotatedPath(base, i), rotatedPath(base, i + 1));
    QFile::remove(base); // keepFiles == 1: start over
    openFile(s);
}

// Called with the mutex held.
void append(LogState &s, const QByteArray &bytes)
{
    if (!s.file.isOpen() && !openFile(s))
        return;
    if (s.file.size() > 0 && s.file.size() + bytes.size() > s.options.maxBytes)
        rotate(s);
    if (!s.file.isOpen())
        return;
    s.file.write(bytes);
    s.file.flush();
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    LogState &s = state();
    // A message raised while writing one (by Qt's file code) goes only to the previous handler.
    static thread_local bool inside = false;
    QtMessageHandler previous = nullptr;
    if (!inside) {
        inside = true;
        QString line = DiagnosticLog::formatLine(type, context.category, message);
        QMutexLocker lock(&s.mutex);
        if (s.installed) {
            if (s.options.redact)
                line = DiagnosticLog::redact(line);
            append(s, line.toUtf8() + '\n');
        }
        previous = s.previous;
        inside = false;
    } else {
        QMutexLocker lock(&s.mutex);
        previous = s.previous;
    }
    if (previous)
        previous(type, context, message);
}

QString levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QStringLiteral("debug");
    case QtInfoMsg:
        return QStringLiteral("info");
    case QtWarningMsg:
        return QStringLiteral("warning");
    case QtCriticalMsg:
        return QStringLiteral("critical");
    case QtFatalMsg:
        return QStringLiteral("fatal");
    }
    return QStringLiteral("unknown");
}

QStringList lastLines(const QString &path, int maxLines)
{
    QFile f(path);
    if (maxLines <= 0 || !f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() > maxLines)
        lines = lines.mid(lines.size() - maxLines);
    return lines;
}

} // namespace

QString DiagnosticLog::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
        QStringLiteral("/logs");
}

bool DiagnosticLog::install(const Options &options)
{
    LogState &s = state();
    Options o = options;
    if (o.directory.isEmpty())
        o.directory = defaultDirectory();
    if (!QDir().mkpath(o.directory))
        return false;
    QFile::setPermissions(o.directory,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    {
        QMutexLocker lock(&s.mutex);
        s.file.close();
        s.options = o;
        openFile(s);
        if (s.installed)
            return true;
        s.installed = true;
    }
    QtMessageHandler previous = qInstallMessageHandler(handler);
    QMutexLocker lock(&s.mutex);
    s.previous = previous;
    return true;
}

bool DiagnosticLog::install()
{
    return install(Options());
}

void DiagnosticLog::uninstall()
{
    LogState &s = state();
    QtMessageHandler previous = nullptr;
    {
        QMutexLocker lock(&s.mutex);
        if (!s.installed)
            return;
        s.installed = false;
        s.file.close();
        previous = s.previous;
    }
    qInstallMessageHandler(previous);
}

bool DiagnosticLog::isInstalled()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return s.installed;
}

QString DiagnosticLog::filePath()
{
    LogState &s = state();
    QMutexLocker lock(&s.mutex);
    return baseFilePath(s.installed ? s.options.directory : defaultDirectory());
}

QStringList DiagnosticLog::tail(int maxLines)
{
    const QString path = filePath();
    int files = Options().keepFiles;
    {
        LogState &s = state();
        QMutexLocker lock(&s.mutex);
        if (s.file.isOpen())
            s.file.flush();
        if (s.installed)
            files = std::max(1, s.options.keepFiles);
    }
    QStringList lines;
    for (int i = 0; i < files && lines.size() < maxLines; ++i)
        lines = lastLines(rotatedPath(path, i), maxLines - int(lines.size())) + lines;
    return lines;
}

QString DiagnosticLog::formatLine(QtMsgType type, const char *category, const QString &message)
{
    QString text = message;
    text.replace(QLatin1Char('\n'),
                 QStringLiteral("\n    ")); // continuation lines stay inside the entry
    return QStringLiteral("%1 %2 %3: %4")
        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), levelName(type),
             category && *category ? QString::fromUtf8(category) : QStringLiteral("default"), text);
}

QString DiagnosticLog::redact(const QString &line)
{
    using RE = QRegularExpression;
    static const RE pem(QStringLiteral("-----BEGIN [A-Z0-9 ]+-----.*?(-----END [A-Z0-9 ]+-----|$)"),
                        RE::DotMatchesEverythingOption);
    static const RE jwt(
        QStringLiteral("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"));
    static const RE bearer(QStringLiteral("\\b(Bearer\\s+)\\S+"), RE::CaseInsensitiveOption);
    static const RE field(
        QStringLiteral("(\\b(?:apiKey|apiSecret|api_key|x-api-key|secret|token|userCode|password|"
                       "passphrase|aeroPassUserUuid)\"?\\s*[:=]\\s*\"?)[^\"\\s,&}]+"),
        RE::CaseInsensitiveOption);
    static const RE uuid(QStringLiteral(
        "\\b[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}\\b"));
    static const RE longHex(QStringLiteral("\\b[0-9A-Fa-f]{32,}\\b"));
    QString out = line;
    out.replace(pem, QStringLiteral("[redacted PEM]"));
    out.replace(bearer, QStringLiteral("\\1[redacted]"));
    out.replace(jwt, QStringLiteral("[redacted token]"));
    out.replace(field, QStringLiteral("\\1[redacted]"));
    out.replace(uuid, QStringLiteral("[redacted id]"));
    out.replace(longHex, QStringLiteral("[redacted hex]"));
    return out;
}

} // namespace aerodesk
