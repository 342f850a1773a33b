#include "core/team/TeamError.h"

namespace aerodesk::team {

QString TeamError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::NotOurFormat:
        return QStringLiteral("not-our-format");
    case Kind::UnknownVersion:
        return QStringLiteral("unknown-version");
    case Kind::Corrupt:
        return QStringLiteral("corrupt");
    case Kind::BadHeader:
        return QStringLiteral("bad-header");
    case Kind::WrongKind:
        return QStringLiteral("wrong-kind");
    case Kind::NotForThisKey:
        return QStringLiteral("not-for-this-key");
    case Kind::CouldNotUnwrap:
        return QStringLiteral("could-not-unwrap");
    case Kind::Inconsistent:
        return QStringLiteral("inconsistent");
    case Kind::EmptyPassphrase:
        return QStringLiteral("empty-passphrase");
    case Kind::AlreadyPresent:
        return QStringLiteral("already-present");
    case Kind::Missing:
        return QStringLiteral("missing");
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::Internal:
        break;
    }
    return QStringLiteral("internal");
}

} // namespace aerodesk::team
