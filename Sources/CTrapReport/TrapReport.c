// A last line from a kernel that dies of a signal, so a trap says where it happened.
//
// A Swift runtime trap (overflow, a failed precondition, libdispatch's internal crash) is a
// bare ud2: SIGILL with no message. The handler runs on its own stack, writes the signal, the
// faulting address and the symbols of the innermost frames on one line (the parent shows a
// kernel's last line of standard error), restores the default action and returns, so the
// faulting instruction runs again and the process ends with the signal it got. The alternate
// stack is static storage because a handler cannot allocate; it serves the installing thread.
#define _GNU_SOURCE
#include "CTrapReport.h"

#include <dlfcn.h>
#include <execinfo.h>
#include <signal.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

enum { stackSize = 64 * 1024, maxFrames = 24, lineSize = 2048 };  // the parent keeps 4 KiB of standard error
static char alternateStack[stackSize];
// Not SIGTRAP: returning from its handler would resume after the breakpoint instead of dying.
static const int signals[] = { SIGILL, SIGSEGV, SIGBUS, SIGFPE, SIGABRT };

static size_t append(char *line, size_t used, const char *text) {
    size_t length = strlen(text);
    if (used + length >= lineSize - 2) length = lineSize - 2 - used;
    memcpy(line + used, text, length);
    return used + length;
}

static size_t appendHex(char *line, size_t used, uintptr_t value) {
    char digits[2 + 2 * sizeof(uintptr_t) + 1];
    int count = 0;
    char reversed[2 * sizeof(uintptr_t)];
    do { reversed[count++] = "0123456789abcdef"[value & 0xf]; value >>= 4; } while (value && count < (int)sizeof(reversed));
    digits[0] = '0'; digits[1] = 'x';
    for (int i = 0; i < count; i++) digits[2 + i] = reversed[count - 1 - i];
    digits[2 + count] = 0;
    return append(line, used, digits);
}

static void report(int signal, siginfo_t *info, void *context) {
    (void)context;
    char line[lineSize];
    size_t used = append(line, 0, "trap: signal ");
    char number[4] = { (char)('0' + (signal / 10) % 10), (char)('0' + signal % 10), 0, 0 };
    used = append(line, used, signal >= 10 ? number : number + 1);
    if (info->si_code <= 0) {
        used = append(line, used, " sent");
    } else {
        used = append(line, used, " at ");
        used = appendHex(line, used, (uintptr_t)info->si_addr);
    }
    used = append(line, used, "; frames:");
    void *frames[maxFrames];
    int count = backtrace(frames, maxFrames);
    // Frame 0 is this handler and frame 1 the kernel's signal trampoline.
    for (int i = 2; i < count; i++) {
        Dl_info symbol;
        memset(&symbol, 0, sizeof symbol);
        used = append(line, used, i == 2 ? " " : " < ");
        if (dladdr(frames[i], &symbol) && symbol.dli_sname) {
            used = append(line, used, symbol.dli_sname);
        } else if (symbol.dli_fname && symbol.dli_fbase) {
            // A function the library does not export: its file and offset, for `addr2line -f -e`.
            const char *file = strrchr(symbol.dli_fname, '/');
            used = append(line, used, file ? file + 1 : symbol.dli_fname);
            used = append(line, used, "+");
            used = appendHex(line, used, (uintptr_t)frames[i] - (uintptr_t)symbol.dli_fbase);
        } else {
            used = appendHex(line, used, (uintptr_t)frames[i]);
        }
    }
    line[used++] = '\n';
    (void)!write(2, line, used);
    struct sigaction fallback;
    memset(&fallback, 0, sizeof fallback);
    fallback.sa_handler = SIG_DFL;
    sigemptyset(&fallback.sa_mask);
    sigaction(signal, &fallback, NULL);
    // A fault runs again and ends the process; a signal that was sent (raise, abort, kill) is sent again.
    if (info->si_code <= 0) raise(signal);
}

int gradus_install_trap_report(void) {
    void *warmUp[1];
    backtrace(warmUp, 1);
    stack_t stack;
    memset(&stack, 0, sizeof stack);
    stack.ss_sp = alternateStack;
    stack.ss_size = stackSize;
    if (sigaltstack(&stack, NULL) != 0) return -1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = report;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        if (sigaction(signals[i], &action, NULL) != 0) return -1;
    }
    return 0;
}
