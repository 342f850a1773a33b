#include "tests/support/Wait.h"

#include <QTest>

namespace aerodesk::test {

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    return QTest::qWaitFor(done, timeoutMs);
}

} // namespace aerodesk::test
