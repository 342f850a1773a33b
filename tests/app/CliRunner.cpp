#include "tests/app/CliRunner.h"

#include "tests/support/TestPaths.h"

#include <QJsonDocument>
#include <QProcess>

#include <gtest/gtest.h>

namespace aerodesk::test {

CliRun cli(const QStringList &args, const QByteArray &input, int timeoutMs,
           const QProcessEnvironment &environment)
{
    QProcess p;
    p.setProcessEnvironment(environment);
    p.start(executable(QStringLiteral("aerodesk-cli")), args);
    CliRun r;
    if (!p.waitForStarted(10000)) {
        ADD_FAILURE() << "aerodesk-cli did not start";
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        ADD_FAILURE() << "aerodesk-cli did not finish: "
                      << args.join(QLatin1Char(' ')).toStdString();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = QString::fromUtf8(p.readAllStandardError());
    r.json = QJsonDocument::fromJson(r.out).object();
    return r;
}

} // namespace aerodesk::test
