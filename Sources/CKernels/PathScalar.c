// The reference path: one element at a time, with the vectorizers turned off for every loop.
#define CK_SUFFIX scalar
#define CK_WIDTH 1
#define CK_LOOP _Pragma("clang loop vectorize(disable) interleave(disable)")
#include "Bodies.h"
