#pragma once

namespace aerodesk::util {

/// Hands memory the allocator holds free back to the OS (glibc: malloc_trim(0), which also
/// releases whole free pages inside the heap and the worker threads' arenas). After a big load
/// the loader's pages and temporaries leave several MB free but mapped: measured 5–7 MB of the
/// 100k-row load's RSS, in under a millisecond (docs/performance.md). A no-op elsewhere.
class FreedMemory
{
public:
    static void release();
};

} // namespace aerodesk::util
