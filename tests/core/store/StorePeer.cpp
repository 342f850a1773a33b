// A second console in a process of its own, for the team-store tests (StoreTeamTest): opens the
// same store (SQLite file or PostgreSQL database) and, on "go" from its parent, either edits
// one connection or appends audit records. The key and the password come on stdin, never argv.
//
//   aerodesk_store_peer sqlite PATH                       edit ID STATUS | audit N NAME
//   aerodesk_store_peer postgres HOST PORT DB USER CAFILE edit ID STATUS | audit N NAME
//   stdin: the data key in hex, the password (empty for SQLite), then "go"
//   stdout: "read <version>" / "ready", then "ok <version>" / "conflict <status> <version>" /
//           "done <n>" / "error <message>"
#include "core/audit/AuditLog.h"
#include "core/crypto/SecureBytes.h"
#include "core/store/Store.h"

#include <QCoreApplication>

#include <iostream>
#include <string>

using namespace aerodesk;

namespace {
std::string line()
{
    std::string s;
    std::getline(std::cin, s);
    return s;
}
void say(const QString &text)
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
        say(QStringLiteral("error usage"));
        return 2;
    }
    std::string keyHex = line();
    QByteArray keyBytes = QByteArray::fromHex(QByteArray::fromStdString(keyHex));
    const crypto::SecureBytes key = crypto::SecureBytes::takeFrom(keyBytes);
    std::string pw = line();
    const crypto::SecureBytes password(pw.data(), pw.size());
    std::fill(pw.begin(), pw.end(), '\0');
    auto opened = store::Store::open(target, key, {}, password);
    if (!opened) {
        say(QStringLiteral("error ") + opened.error().message);
        return 1;
    }
    store::Store &s = **opened;
    const QString command = args.value(next);
    if (command == QLatin1String("edit")) {
        auto row = s.connections().get(args.value(next + 1));
        if (!row) {
            say(QStringLiteral("error ") + row.error().message);
            return 1;
        }
        say(QStringLiteral("read %1").arg(row->version));
        if (line() != "go")
            return 1;
        connections::Connection edited = *row;
        edited.status = args.value(next + 2);
        auto written = s.connections().upsert(edited);
        if (written.ok()) {
            say(QStringLiteral("ok %1").arg(s.connections().get(edited.connectionId)->version));
            return 0;
        }
        const auto &e = written.error();
        if (e.kind == store::StoreError::Kind::Conflict && e.current)
            say(QStringLiteral("conflict %1 %2").arg(e.current->status).arg(e.current->version));
        else
            say(QStringLiteral("error ") + e.message);
        return 1;
    }
    if (command == QLatin1String("audit")) {
        const int n = args.value(next + 1).toInt();
        const QString name = args.value(next + 2);
        audit::AuditLog log(s);
        say(QStringLiteral("ready"));
        if (line() != "go")
            return 1;
        for (int i = 0; i < n; ++i) {
            audit::AuditEntry e;
            e.action = audit::AuditAction::Export;
            e.object = QStringLiteral("%1-%2").arg(name).arg(i);
            auto r = log.append(e, 1'790'000'000'000 + i, name, QStringLiteral("team"));
            if (!r) {
                say(QStringLiteral("error %1 %2").arg(i).arg(r.error().message));
                return 1;
            }
        }
        say(QStringLiteral("done %1").arg(n));
        return 0;
    }
    say(QStringLiteral("error usage"));
    return 2;
}
