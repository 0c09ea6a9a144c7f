// The operating system's name for Descent's own threads (see ck_name_current_thread).
#define _GNU_SOURCE
#include <pthread.h>
#include "include/CKernels.h"

void ck_name_current_thread(const char *name) {
    // Names longer than 15 bytes are refused (ERANGE); Descent's are shorter.
    (void)pthread_setname_np(pthread_self(), name);
}
