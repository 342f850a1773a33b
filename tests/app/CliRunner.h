#pragma once
// Runs the built aerodesk-cli as a script would (tests/app): exit code, stdout parsed as the one
// JSON document, stderr.

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace aerodesk::test {

struct CliRun
{
    int exitCode = -1;
    QJsonObject json;
    QByteArray out;
    QString err;
};

/// Fails the current test (and returns exitCode -1) when the executable does not start or
/// finish. `environment`: the child's environment (default: this process's).
CliRun cli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 90000,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

inline QString str(const CliRun &r, const char *key)
{
    return r.json.value(QLatin1String(key)).toString();
}
inline QString errorField(const CliRun &r, const char *key)
{
    return r.json.value(QLatin1String("error")).toObject().value(QLatin1String(key)).toString();
}

} // namespace aerodesk::test
