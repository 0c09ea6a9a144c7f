// Two-double vectors, the width every x86-64 (SSE2) and arm64 (NEON) CPU has.
#define CK_SUFFIX baseline
#define CK_WIDTH 2
#define CK_LOOP
#include "Bodies.h"
