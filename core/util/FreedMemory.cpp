#include "core/util/FreedMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace aerodesk::util {

void FreedMemory::release()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

} // namespace aerodesk::util
