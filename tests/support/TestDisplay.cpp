#include "tests/support/TestDisplay.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/file.h>
#include <unistd.h>

namespace aerodesk::test {
namespace {

std::string env(const char *name)
{
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

/// The display number in ctest's allocation "id:d<n>,slots:1" (scripts/run-headless.sh names
/// its displays d<n>: a resource id may not start with a digit), or empty.
std::string allocatedDisplay()
{
    if (env("CTEST_RESOURCE_GROUP_COUNT").empty())
        return {};
    const std::string allocation = env("CTEST_RESOURCE_GROUP_0_DISPLAYS");
    const std::string prefix = "id:d";
    if (allocation.compare(0, prefix.size(), prefix) != 0)
        return {};
    const std::string rest = allocation.substr(prefix.size());
    const std::size_t end = rest.find(',');
    const std::string number = rest.substr(0, end);
    if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos)
        return {};
    return number;
}

} // namespace

void claimDisplay()
{
    if (env("AERODESK_TEST_NEEDS_DISPLAY") != "1")
        return;
    const std::string number = allocatedDisplay();
    if (!number.empty()) {
        const std::string display = ":" + number;
        ::setenv("DISPLAY", display.c_str(), 1);
        return;
    }
    // No allocation: one such test at a time on this display. The descriptor stays open (and
    // the lock held) until the process ends.
    std::string display = env("DISPLAY");
    for (char &c : display) {
        if (c == '/' || c == ':' || c == '.')
            c = '_';
    }
    std::string dir = env("XDG_RUNTIME_DIR");
    if (dir.empty())
        dir = "/tmp";
    const std::string path = dir + "/aerodesk-test-display" + display + ".lock";
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ::flock(fd, LOCK_EX) != 0)
        std::fprintf(stderr, "claimDisplay: cannot lock %s (%s); running unserialised\n",
                     path.c_str(), std::strerror(errno));
}

} // namespace aerodesk::test
