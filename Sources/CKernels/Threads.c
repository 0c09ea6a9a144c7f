// What Descent's own threads need from the system: a name, and a polite way to spin.
#define _GNU_SOURCE
#include <pthread.h>
#include "include/CKernels.h"

void ck_name_current_thread(const char *name) {
    // Names longer than 15 bytes are refused (ERANGE); Descent's are shorter.
    (void)pthread_setname_np(pthread_self(), name);
}

void ck_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}
