#include "emulator/EmbeddedError.h"

#include "emulator/EmulatorHttp.h"

namespace aerodesk::emulator {

QHttpServerResponse EmbeddedError::toResponse() const
{
    return EmulatorHttp::error(status, code, message);
}

} // namespace aerodesk::emulator
