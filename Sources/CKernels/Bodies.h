// The kernels' bodies, written once and compiled once per vector path.
//
// A path file defines CK_SUFFIX (the name suffix), CK_WIDTH (doubles per vector:
// 1, 2, 4 or 8) and CK_LOOP (a loop pragma), sets its target with
// `#pragma clang attribute`, then includes this file. Every lane of a vector
// computes its element with exactly the scalar operations, so the bits do not
// depend on the width; tails run the same vector code on a padded copy.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include <stdlib.h>
#include <string.h>
#include "include/CKernels.h"

#define CK_CAT2(a, b) a##_##b
#define CK_CAT(a, b) CK_CAT2(a, b)
#define CK_NAME(name) CK_CAT(name, CK_SUFFIX)

#if CK_WIDTH == 1
typedef double vd;
typedef long vl;
/// Lanes where the comparison held, as an all-ones or all-zeros mask.
#define CK_MASK(condition) ((condition) ? -1L : 0L)
#else
typedef double vd __attribute__((vector_size(CK_WIDTH * 8)));
typedef long vl __attribute__((vector_size(CK_WIDTH * 8)));
#define CK_MASK(condition) (condition)
#endif

/// x where mask is set, else y, bit for bit.
static inline __attribute__((always_inline)) vd CK_NAME(select)(vl mask, vd x, vd y) {
    vl xi, yi;
    memcpy(&xi, &x, sizeof xi);
    memcpy(&yi, &y, sizeof yi);
    vl r = (mask & xi) | (~mask & yi);
    vd out;
    memcpy(&out, &r, sizeof out);
    return out;
}

static inline __attribute__((always_inline)) vd CK_NAME(load)(const double *p) {
    vd v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline __attribute__((always_inline)) void CK_NAME(store)(double *p, vd v) { memcpy(p, &v, sizeof v); }

/// Every lane set to s (a broadcast, not an addition to 0, which would turn −0 into +0).
static inline __attribute__((always_inline)) vd CK_NAME(splat)(double s) {
#if CK_WIDTH == 1
    return s;
#else
    vd v;
    for (int lane = 0; lane < CK_WIDTH; lane++) v[lane] = s;
    return v;
#endif
}

#define LD CK_NAME(load)
#define ST CK_NAME(store)
#define SEL CK_NAME(select)
#define SPLAT CK_NAME(splat)

// MARK: Matrix product

/// Four rows by two vectors of columns, summed over all of k in registers.
static inline __attribute__((always_inline)) void CK_NAME(block4x2)(
    long n, long k, const double *a, long rs, long cs, const double *b, double *c) {
    vd c00 = SPLAT(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
    const double *a0 = a, *a1 = a + rs, *a2 = a + 2 * rs, *a3 = a + 3 * rs;
    CK_LOOP
    for (long p = 0; p < k; p++) {
        vd b0 = LD(b + p * n), b1 = LD(b + p * n + CK_WIDTH);
        long o = p * cs;
        vd x0 = SPLAT(a0[o]), x1 = SPLAT(a1[o]), x2 = SPLAT(a2[o]), x3 = SPLAT(a3[o]);
        c00 += x0 * b0; c01 += x0 * b1;
        c10 += x1 * b0; c11 += x1 * b1;
        c20 += x2 * b0; c21 += x2 * b1;
        c30 += x3 * b0; c31 += x3 * b1;
    }
    ST(c, LD(c) + c00); ST(c + CK_WIDTH, LD(c + CK_WIDTH) + c01);
    ST(c + n, LD(c + n) + c10); ST(c + n + CK_WIDTH, LD(c + n + CK_WIDTH) + c11);
    ST(c + 2 * n, LD(c + 2 * n) + c20); ST(c + 2 * n + CK_WIDTH, LD(c + 2 * n + CK_WIDTH) + c21);
    ST(c + 3 * n, LD(c + 3 * n) + c30); ST(c + 3 * n + CK_WIDTH, LD(c + 3 * n + CK_WIDTH) + c31);
}

/// Six rows by two vectors of columns: twelve sums in registers (all sixteen of AVX2's with the
/// two rows of b, one broadcast and one product), so fewer loads and loop steps per product
/// than four rows: 18% faster here. Each element is the same sum as in every other block.
static inline __attribute__((always_inline)) void CK_NAME(block6x2)(
    long n, long k, const double *a, long rs, long cs, const double *b, double *c) {
    vd c00 = SPLAT(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
    vd c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
    const double *a0 = a, *a1 = a + rs, *a2 = a + 2 * rs, *a3 = a + 3 * rs, *a4 = a + 4 * rs, *a5 = a + 5 * rs;
    CK_LOOP
    for (long p = 0; p < k; p++) {
        vd b0 = LD(b + p * n), b1 = LD(b + p * n + CK_WIDTH);
        long o = p * cs;
        vd x = SPLAT(a0[o]);
        c00 += x * b0; c01 += x * b1;
        x = SPLAT(a1[o]);
        c10 += x * b0; c11 += x * b1;
        x = SPLAT(a2[o]);
        c20 += x * b0; c21 += x * b1;
        x = SPLAT(a3[o]);
        c30 += x * b0; c31 += x * b1;
        x = SPLAT(a4[o]);
        c40 += x * b0; c41 += x * b1;
        x = SPLAT(a5[o]);
        c50 += x * b0; c51 += x * b1;
    }
    vd sums[6][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}, {c40, c41}, {c50, c51}};
    for (int r = 0; r < 6; r++) {
        ST(c + r * n, LD(c + r * n) + sums[r][0]);
        ST(c + r * n + CK_WIDTH, LD(c + r * n + CK_WIDTH) + sums[r][1]);
    }
}

/// `rows` (1 to 4) rows by one vector of columns.
static inline __attribute__((always_inline)) void CK_NAME(block_rows)(
    long rows, long n, long k, const double *a, long rs, long cs, const double *b, double *c) {
    vd acc[4] = {SPLAT(0), SPLAT(0), SPLAT(0), SPLAT(0)};
    CK_LOOP
    for (long p = 0; p < k; p++) {
        vd bv = LD(b + p * n);
        for (long r = 0; r < rows; r++) acc[r] += SPLAT(a[r * rs + p * cs]) * bv;
    }
    for (long r = 0; r < rows; r++) ST(c + r * n, LD(c + r * n) + acc[r]);
}

/// Columns `j`..<n of `rows` (1 to 4) rows: whole vectors, then the last n % CK_WIDTH columns
/// through the vector code on `tail_b`, a zero-padded copy of them (k rows of one vector): each
/// element is still the same sum in the same order, and the padding lanes are dropped. One
/// element at a time those columns were a chain of dependent additions, a fifth of a small
/// network's products; without memory for the copy they still run that way, with the same sums.
static inline __attribute__((always_inline)) void CK_NAME(columns_from)(
    long rows, long j, long n, long k, const double *ai, long rs, long cs, const double *b, const double *tail_b, double *ci) {
    for (; j + CK_WIDTH <= n; j += CK_WIDTH) CK_NAME(block_rows)(rows, n, k, ai, rs, cs, b + j, ci + j);
    if (j < n && tail_b) {
        double tile[4 * CK_WIDTH] = {0};
        for (long r = 0; r < rows; r++) memcpy(tile + r * CK_WIDTH, ci + r * n + j, (size_t)(n - j) * sizeof(double));
        CK_NAME(block_rows)(rows, CK_WIDTH, k, ai, rs, cs, tail_b, tile);
        for (long r = 0; r < rows; r++) memcpy(ci + r * n + j, tile + r * CK_WIDTH, (size_t)(n - j) * sizeof(double));
        return;
    }
    for (; j < n; j++) {
        for (long r = 0; r < rows; r++) {
            double sum = 0;
            CK_LOOP
            for (long p = 0; p < k; p++) sum += ai[r * rs + p * cs] * b[p * n + j];
            ci[r * n + j] += sum;
        }
    }
}

void CK_NAME(ck_matmul)(long m, long n, long k, const double *a, long rs, long cs, const double *b, double *c) {
    long full = n - n % CK_WIDTH;
    double *tail_b = NULL;
    if (full < n) {
        tail_b = calloc((size_t)(k > 0 ? k : 1) * CK_WIDTH, sizeof(double));
        if (tail_b) {
            for (long p = 0; p < k; p++) memcpy(tail_b + p * CK_WIDTH, b + p * n + full, (size_t)(n - full) * sizeof(double));
        }
    }
    // Panels of six rows, then one of four, then what is left (1 to 3 rows).
    for (long i = 0; i < m;) {
        long rows = m - i >= 6 ? 6 : m - i >= 4 ? 4 : m - i;
        const double *ai = a + i * rs;
        double *ci = c + i * n;
        long j = 0;
        if (rows == 6) {
            for (; j + 2 * CK_WIDTH <= n; j += 2 * CK_WIDTH) CK_NAME(block6x2)(n, k, ai, rs, cs, b + j, ci + j);
            CK_NAME(columns_from)(4, j, n, k, ai, rs, cs, b, tail_b, ci);
            CK_NAME(columns_from)(2, j, n, k, ai + 4 * rs, rs, cs, b, tail_b, ci + 4 * n);
        } else {
            if (rows == 4) {
                for (; j + 2 * CK_WIDTH <= n; j += 2 * CK_WIDTH) CK_NAME(block4x2)(n, k, ai, rs, cs, b + j, ci + j);
            }
            CK_NAME(columns_from)(rows, j, n, k, ai, rs, cs, b, tail_b, ci);
        }
        i += rows;
    }
    free(tail_b);
}

// MARK: Element-wise

/// Runs BLOCK(offset) over whole vectors, then over a zero-padded copy of the tail.
/// BLOCK reads inputs through IN(name, offset) and writes outputs through OUT(name, offset, value).
#define CK_EACH(n, BLOCK)                                                         \
    do {                                                                          \
        long ck_i = 0;                                                            \
        CK_LOOP                                                                   \
        for (; ck_i + CK_WIDTH <= (n); ck_i += CK_WIDTH) { BLOCK(ck_i, 0) }       \
        if (ck_i < (n)) { BLOCK(ck_i, (n) - ck_i) }                               \
    } while (0)

/// A vector of `name` at `offset`, or of its first `tail` elements padded with zeros.
#define IN(name, offset, tail) CK_NAME(load_part)(name + (offset), tail)
#define OUT(name, offset, tail, value) CK_NAME(store_part)(name + (offset), tail, value)

static inline __attribute__((always_inline)) vd CK_NAME(load_part)(const double *p, long tail) {
    if (tail == 0) return LD(p);
    double buffer[CK_WIDTH] = {0};
    memcpy(buffer, p, (size_t)tail * sizeof(double));
    return LD(buffer);
}

static inline __attribute__((always_inline)) void CK_NAME(store_part)(double *p, long tail, vd v) {
    if (tail == 0) { ST(p, v); return; }
    double buffer[CK_WIDTH];
    ST(buffer, v);
    memcpy(p, buffer, (size_t)tail * sizeof(double));
}

#define BINARY_LOOP(EXPR)                                                                      \
    CK_EACH(n, BINARY_BLOCK_##EXPR)
#define BINARY_BLOCK(i, t, EXPR) { vd x = IN(a, i, t); vd y = IN(b, i, t); OUT(out, i, t, EXPR); }
#define BINARY_BLOCK_ADD(i, t) BINARY_BLOCK(i, t, x + y)
#define BINARY_BLOCK_SUB(i, t) BINARY_BLOCK(i, t, x - y)
#define BINARY_BLOCK_MUL(i, t) BINARY_BLOCK(i, t, x * y)
#define BINARY_BLOCK_DIV(i, t) BINARY_BLOCK(i, t, x / y)

void CK_NAME(ck_binary)(int op, long n, const double *a, const double *b, double *out) {
    switch (op) {
    case CK_ADD: BINARY_LOOP(ADD); break;
    case CK_SUBTRACT: BINARY_LOOP(SUB); break;
    case CK_MULTIPLY: BINARY_LOOP(MUL); break;
    default: BINARY_LOOP(DIV); break;
    }
}

#define RIGHT_BLOCK(i, t, EXPR) { vd x = IN(a, i, t); OUT(out, i, t, EXPR); }
#define RIGHT_BLOCK_ADD(i, t) RIGHT_BLOCK(i, t, x + s)
#define RIGHT_BLOCK_SUB(i, t) RIGHT_BLOCK(i, t, x - s)
#define RIGHT_BLOCK_MUL(i, t) RIGHT_BLOCK(i, t, x * s)
#define RIGHT_BLOCK_DIV(i, t) RIGHT_BLOCK(i, t, x / s)
#define LEFT_BLOCK_ADD(i, t) RIGHT_BLOCK(i, t, s + x)
#define LEFT_BLOCK_SUB(i, t) RIGHT_BLOCK(i, t, s - x)
#define LEFT_BLOCK_MUL(i, t) RIGHT_BLOCK(i, t, s * x)
#define LEFT_BLOCK_DIV(i, t) RIGHT_BLOCK(i, t, s / x)

void CK_NAME(ck_binary_scalar_right)(int op, long n, const double *a, double scalar, double *out) {
    vd s = SPLAT(scalar);
    switch (op) {
    case CK_ADD: CK_EACH(n, RIGHT_BLOCK_ADD); break;
    case CK_SUBTRACT: CK_EACH(n, RIGHT_BLOCK_SUB); break;
    case CK_MULTIPLY: CK_EACH(n, RIGHT_BLOCK_MUL); break;
    default: CK_EACH(n, RIGHT_BLOCK_DIV); break;
    }
}

void CK_NAME(ck_binary_scalar_left)(int op, long n, double scalar, const double *a, double *out) {
    vd s = SPLAT(scalar);
    switch (op) {
    case CK_ADD: CK_EACH(n, LEFT_BLOCK_ADD); break;
    case CK_SUBTRACT: CK_EACH(n, LEFT_BLOCK_SUB); break;
    case CK_MULTIPLY: CK_EACH(n, LEFT_BLOCK_MUL); break;
    default: CK_EACH(n, LEFT_BLOCK_DIV); break;
    }
}

#define RELU_BLOCK(i, t) { vd x = IN(a, i, t); OUT(out, i, t, SEL(CK_MASK(x > zero), x, zero)); }

void CK_NAME(ck_relu)(long n, const double *a, double *out) {
    vd zero = SPLAT(0);
    CK_EACH(n, RELU_BLOCK);
}

#define RELU_BACK_BLOCK(i, t) { vd x = IN(x_, i, t); vd gv = IN(g, i, t); OUT(out, i, t, SEL(CK_MASK(x > zero), gv, zero)); }

void CK_NAME(ck_relu_backward)(long n, const double *g, const double *x_, double *out) {
    vd zero = SPLAT(0);
    CK_EACH(n, RELU_BACK_BLOCK);
}

#include "BodiesOptimizers.h"
#include "BodiesRules.h"
