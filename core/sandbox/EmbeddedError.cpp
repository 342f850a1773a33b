#include "core/sandbox/EmbeddedError.h"

#include "core/sandbox/SandboxHttp.h"

namespace aerodesk::sandbox {

QHttpServerResponse EmbeddedError::toResponse() const
{
    return SandboxHttp::error(status, code, message);
}

} // namespace aerodesk::sandbox
