// libFuzzer's driver, for a Swift `main` that hands control to it.
//
// SwiftPM links an executable's `main` as an alias of the module's own entry point, so the
// fuzz target keeps a Swift `@main` and calls this instead of relying on libFuzzer's `main`.
// The symbol exists only when linked with `-sanitize=fuzzer`; other builds never call it.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
