// Which X display a test that puts windows up uses, when several are shared by a parallel run.
#pragma once

namespace aerodesk::test {

/// For a test that needs a display to itself (aerodesk_add_gtest's GUI and BUILTIN_SANDBOX
/// tests; they run with AERODESK_TEST_NEEDS_DISPLAY=1): points DISPLAY at the one ctest
/// allocated to it (the `displays` resource of scripts/run-headless.sh's resource spec), or,
/// when ctest allocated none (run without --resource-spec-file), waits for an exclusive lock
/// on the current DISPLAY so that such tests still take turns. Call before the application
/// object exists; children started afterwards inherit the DISPLAY. Does nothing for other tests.
void claimDisplay();

} // namespace aerodesk::test
