// Eight-double AVX-512F vectors. avx512f makes fused multiply-add instructions available,
// but FP_CONTRACT is off (Bodies.h), so the compiler never fuses a product and a sum.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f"))), apply_to = function)
#define CK_SUFFIX avx512
#define CK_WIDTH 8
#define CK_LOOP
#include "Bodies.h"
#pragma clang attribute pop
#endif
