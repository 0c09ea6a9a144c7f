// Four-double AVX2 vectors, compiled for AVX2 alone (no FMA, so no fused multiply-add can appear).
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#define CK_SUFFIX avx2
#define CK_WIDTH 4
#define CK_LOOP
#include "Bodies.h"
#pragma clang attribute pop
#endif
