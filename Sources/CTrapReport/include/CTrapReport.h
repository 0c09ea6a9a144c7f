#ifndef CTRAPREPORT_H
#define CTRAPREPORT_H

/// Installs handlers for the signals a crashing process gets (SIGILL, SIGSEGV, SIGBUS, SIGFPE,
/// SIGABRT) that write one line to standard error before the process dies of the same
/// signal: `trap: signal N at PC; frames: sym1 < sym2 < ...` with the innermost frames' symbols
/// (mangled; the parent demangles them). Call before entering the sandbox: it preloads what
/// backtrace() would otherwise load inside the handler. Returns 0, or -1 when a handler could
/// not be installed.
int gradus_install_trap_report(void);

#endif
