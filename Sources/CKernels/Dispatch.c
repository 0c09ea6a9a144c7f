// Which paths the CPU runs, and the public entry points that route each call to its path.
#include "include/CKernels.h"

#define CK_DECLARE(suffix)                                                                                      \
    void ck_matmul_##suffix(long, long, long, const double *, long, long, const double *, double *);          \
    void ck_binary_##suffix(int, long, const double *, const double *, double *);                             \
    void ck_binary_scalar_right_##suffix(int, long, const double *, double, double *);                        \
    void ck_binary_scalar_left_##suffix(int, long, double, const double *, double *);                         \
    void ck_relu_##suffix(long, const double *, double *);                                                    \
    void ck_relu_backward_##suffix(long, const double *, const double *, double *);                           \
    void ck_adam_##suffix(long, double *, const double *, double *, double *, double *, const ck_adam_options *); \
    void ck_sgd_##suffix(long, double *, const double *, double *, const ck_sgd_options *);                   \
    void ck_momentum_##suffix(long, double *, const double *, double *, const ck_rule_options *);             \
    void ck_adagrad_##suffix(long, double *, const double *, double *, const ck_rule_options *);              \
    void ck_rmsprop_##suffix(long, long, double *, const double *, double *, const ck_rule_options *);        \
    void ck_adadelta_##suffix(long, long, double *, const double *, double *, const ck_rule_options *);       \
    void ck_nadam_##suffix(long, long, double *, const double *, double *, const ck_rule_options *);

CK_DECLARE(scalar)
CK_DECLARE(baseline)
#if defined(__x86_64__)
CK_DECLARE(avx2)
CK_DECLARE(avx512)
#endif

int ck_path_supported(int path) {
    switch (path) {
    case CK_PATH_SCALAR:
    case CK_PATH_BASELINE:
        return 1;
#if defined(__x86_64__)
    // __builtin_cpu_supports also checks that the OS saves the wide registers (XGETBV).
    case CK_PATH_AVX2:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") ? 1 : 0;
    case CK_PATH_AVX512:
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") ? 1 : 0;
#endif
    default:
        return 0;
    }
}

int ck_best_path(void) {
    for (int path = CK_PATH_AVX512; path > CK_PATH_BASELINE; path--) {
        if (ck_path_supported(path)) return path;
    }
    return CK_PATH_BASELINE;
}

// An unsupported path falls back to the baseline, which gives the same bits.
#if defined(__x86_64__)
#define CK_ROUTE(name, ...)                                                                  \
    switch (path) {                                                                          \
    case CK_PATH_SCALAR: name##_scalar(__VA_ARGS__); return;                                 \
    case CK_PATH_AVX2: if (ck_path_supported(path)) { name##_avx2(__VA_ARGS__); return; } break;     \
    case CK_PATH_AVX512: if (ck_path_supported(path)) { name##_avx512(__VA_ARGS__); return; } break; \
    default: break;                                                                          \
    }                                                                                        \
    name##_baseline(__VA_ARGS__);
#else
#define CK_ROUTE(name, ...)                                                                  \
    if (path == CK_PATH_SCALAR) { name##_scalar(__VA_ARGS__); return; }                      \
    name##_baseline(__VA_ARGS__);
#endif

void ck_matmul(int path, long m, long n, long k, const double *a, long row_stride, long column_stride,
               const double *b, double *c) {
    CK_ROUTE(ck_matmul, m, n, k, a, row_stride, column_stride, b, c)
}

void ck_binary(int path, int op, long n, const double *a, const double *b, double *out) {
    CK_ROUTE(ck_binary, op, n, a, b, out)
}

void ck_binary_scalar_right(int path, int op, long n, const double *a, double s, double *out) {
    CK_ROUTE(ck_binary_scalar_right, op, n, a, s, out)
}

void ck_binary_scalar_left(int path, int op, long n, double s, const double *a, double *out) {
    CK_ROUTE(ck_binary_scalar_left, op, n, s, a, out)
}

void ck_relu(int path, long n, const double *a, double *out) { CK_ROUTE(ck_relu, n, a, out) }

void ck_relu_backward(int path, long n, const double *g, const double *x, double *out) {
    CK_ROUTE(ck_relu_backward, n, g, x, out)
}

void ck_adam(int path, long n, double *w, const double *g, double *m, double *v, double *vmax,
             const ck_adam_options *options) {
    CK_ROUTE(ck_adam, n, w, g, m, v, vmax, options)
}

void ck_sgd(int path, long n, double *w, const double *g, double *b, const ck_sgd_options *options) {
    CK_ROUTE(ck_sgd, n, w, g, b, options)
}

void ck_momentum(int path, long n, double *w, const double *g, double *s, const ck_rule_options *options) {
    CK_ROUTE(ck_momentum, n, w, g, s, options)
}

void ck_adagrad(int path, long n, double *w, const double *g, double *s, const ck_rule_options *options) {
    CK_ROUTE(ck_adagrad, n, w, g, s, options)
}

void ck_rmsprop(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options) {
    CK_ROUTE(ck_rmsprop, n, stride, w, g, s, options)
}

void ck_adadelta(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options) {
    CK_ROUTE(ck_adadelta, n, stride, w, g, s, options)
}

void ck_nadam(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options) {
    CK_ROUTE(ck_nadam, n, stride, w, g, s, options)
}
