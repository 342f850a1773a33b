#pragma once

namespace aerodesk {

/// `aerodesk --self-test`: runs selftest::SelfTest under a QCoreApplication (no display
/// needed), prints one line per step with its verdict (and the fix for a failure) and returns
/// the exit code: 0 only when every step passed.
class SelfTestRunner
{
public:
    static int run(int argc, char **argv);
};

} // namespace aerodesk
