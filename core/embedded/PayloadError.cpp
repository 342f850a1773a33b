#include "core/embedded/PayloadError.h"

namespace aerodesk::embedded {

QString payloadErrcName(PayloadErrc code)
{
    switch (code) {
    case PayloadErrc::Empty:
        return QStringLiteral("empty");
    case PayloadErrc::BadHex:
        return QStringLiteral("bad-hex");
    case PayloadErrc::WrongLength:
        return QStringLiteral("wrong-length");
    case PayloadErrc::WrongKey:
        return QStringLiteral("wrong-key");
    case PayloadErrc::WrongPadding:
        return QStringLiteral("wrong-padding");
    case PayloadErrc::WrongOaepHash:
        return QStringLiteral("wrong-oaep-hash");
    case PayloadErrc::DecryptFailed:
        return QStringLiteral("decrypt-failed");
    case PayloadErrc::NotUtf8:
        return QStringLiteral("not-utf8");
    case PayloadErrc::NotJson:
        return QStringLiteral("not-json");
    case PayloadErrc::NotObject:
        return QStringLiteral("not-object");
    case PayloadErrc::UnknownShape:
        return QStringLiteral("unknown-shape");
    case PayloadErrc::BadField:
        return QStringLiteral("bad-field");
    case PayloadErrc::BadRetUrl:
        return QStringLiteral("bad-ret-url");
    case PayloadErrc::NoKey:
        return QStringLiteral("no-key");
    case PayloadErrc::EncryptFailed:
        return QStringLiteral("encrypt-failed");
    }
    return QStringLiteral("unknown");
}

} // namespace aerodesk::embedded
