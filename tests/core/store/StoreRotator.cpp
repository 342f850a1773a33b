// A console driving team key rotation's re-encryption in a process of its own, for
// StoreRotationTest: the test SIGKILLs it mid-way and resumes, or writes beside it.
//
//   aerodesk_store_rotator sqlite PATH                       HOLDER BATCH PAUSE_MS
//   aerodesk_store_rotator postgres HOST PORT DB USER CAFILE HOLDER BATCH PAUSE_MS
//   stdin: the old key in hex, the new key in hex, the password (empty for SQLite)
//   stdout: "batch <rewritten> <cursor>" per committed batch, then "done" or "stopped <why>"
#include "core/crypto/SecureBytes.h"
#include "core/store/RotationWorker.h"

#include <QCoreApplication>

#include <iostream>
#include <string>

using namespace aerodesk;

namespace {
std::string rotatorLine()
{
    std::string s;
    std::getline(std::cin, s);
    return s;
}
crypto::SecureBytes hexKey()
{
    std::string hex = rotatorLine();
    QByteArray bytes = QByteArray::fromHex(QByteArray::fromStdString(hex));
    std::fill(hex.begin(), hex.end(), '\0');
    return crypto::SecureBytes::takeFrom(bytes);
}
void rotatorSay(const QString &text)
{
    std::cout << text.toStdString() << std::endl; // flushed: the parent waits for each line
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    int next = 0;
    store::StoreTarget target;
    if (args.value(0) == QLatin1String("sqlite")) {
        target = store::StoreTarget(args.value(1));
        next = 2;
    } else if (args.value(0) == QLatin1String("postgres")) {
        target = store::StoreTarget::postgres(args.value(1), args.value(2).toInt(), args.value(3),
                                              args.value(4), QStringLiteral("verify-full"),
                                              args.value(5));
        next = 6;
    } else {
        rotatorSay(QStringLiteral("stopped usage"));
        return 2;
    }
    std::vector<crypto::SecureBytes> keys;
    keys.push_back(hexKey());
    keys.push_back(hexKey());
    std::string pw = rotatorLine();
    crypto::SecureBytes password(pw.data(), pw.size());
    std::fill(pw.begin(), pw.end(), '\0');
    store::RotationWorker worker(target, std::move(keys), std::move(password), args.value(next),
                                 args.value(next + 2).toInt(), args.value(next + 1).toInt());
    int code = 1;
    QObject::connect(&worker, &store::RotationWorker::progress,
                     [](qint64 rewritten, qint64 cursor) {
                         rotatorSay(QStringLiteral("batch %1 %2").arg(rewritten).arg(cursor));
                     });
    QObject::connect(
        &worker, &store::RotationWorker::finished, [&code](bool done, const QString &message) {
            rotatorSay(done ? QStringLiteral("done") : QStringLiteral("stopped ") + message);
            code = done ? 0 : 1;
        });
    worker.run();
    return code;
}
