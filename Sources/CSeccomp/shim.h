// Debian's libseccomp, plus the few kernel calls Swift cannot reach directly:
// function-like macros and variadic C functions are not imported into Swift.
#include <seccomp.h>
#include <sys/prctl.h>
#include <stdint.h>

/// SCMP_ACT_ERRNO(errno) as a function: the macro takes an argument, so Swift cannot import it.
static inline uint32_t gradus_scmp_act_errno(uint16_t error) {
    return SCMP_ACT_ERRNO(error);
}

/// prctl(PR_SET_NO_NEW_PRIVS, 1): prctl is variadic, so Swift cannot call it.
static inline int gradus_set_no_new_privs(void) {
    return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

/// unshare(2), declared here because <sched.h> hides it without _GNU_SOURCE.
static inline int gradus_unshare(int flags) {
    extern int unshare(int);
    return unshare(flags);
}
