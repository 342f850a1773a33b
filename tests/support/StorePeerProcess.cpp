#include "tests/support/StorePeerProcess.h"

#include <QDeadlineTimer>

namespace aerodesk::test {

QStringList StorePeerProcess::targetArgs(const StoreBackend &where)
{
    const store::StoreTarget &t = where.target();
    if (!where.isPostgres())
        return { QStringLiteral("sqlite"), t.path() };
    return { QStringLiteral("postgres"),
             t.host(),
             QString::number(t.port()),
             t.database(),
             t.user(),
             t.caFile() };
}

StorePeerProcess::StorePeerProcess(const QString &program, const StoreBackend &where,
                                   const crypto::SecureBytes &key, const QStringList &command)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, targetArgs(where) + command);
    m_process.waitForStarted(10000);
    const crypto::SecureBytes password = where.password();
    m_process.write(key.rawView().toHex() + '\n' + password.rawView() + '\n');
    m_process.waitForBytesWritten(5000);
}

StorePeerProcess::~StorePeerProcess()
{
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000))
        m_process.kill();
    m_process.waitForFinished(5000);
}

QString StorePeerProcess::next(int ms)
{
    const QDeadlineTimer deadline(ms);
    while (!m_process.canReadLine() && !deadline.hasExpired() &&
           m_process.state() != QProcess::NotRunning)
        m_process.waitForReadyRead(50);
    return QString::fromUtf8(m_process.readLine()).trimmed();
}

void StorePeerProcess::go()
{
    m_process.write("go\n");
    m_process.waitForBytesWritten(5000);
}

} // namespace aerodesk::test
