#pragma once

#include <QString>

namespace aerodesk {

/// Versions of the parts AeroDesk is built from, for --version, the self-test and bug reports.
class CoreVersion
{
public:
    static QString application();
    static QString qtRuntime();
    static QString openSslRuntime();
};

} // namespace aerodesk
