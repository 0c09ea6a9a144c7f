/// The vector kernels behind Descent's hot loops, one body compiled for each vector path.
///
/// Every function takes the path to run first (a `ck_path`), so the caller
/// chooses it and tests can force each one; `ck_path_supported` says which the
/// CPU and OS can run. All paths give the same bits: each output element is
/// computed by the same operations in the same order, with no fused
/// multiply-add (the sources set FP_CONTRACT OFF) and no reassociation, so a
/// wider vector only computes more elements at once.
#ifndef CKERNELS_H
#define CKERNELS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The vector paths, narrowest first.
typedef enum {
    /// One element at a time, vectorization disabled: the reference.
    CK_PATH_SCALAR = 0,
    /// The baseline the target always has: SSE2 on x86-64, NEON on arm64.
    CK_PATH_BASELINE = 1,
    /// 256-bit AVX2 (x86-64).
    CK_PATH_AVX2 = 2,
    /// 512-bit AVX-512F (x86-64).
    CK_PATH_AVX512 = 3,
} ck_path;

/// 1 when this CPU and OS can run `path`, else 0.
int ck_path_supported(int path);
/// The widest supported path.
int ck_best_path(void);

/// C[m×n] += A·B with B row-major k×n, C row-major with row stride n, and element
/// (i, p) of A at a[i * row_stride + p * column_stride]. Each C element is summed
/// from 0 over p = 0, 1, …, k−1 and then added to its old value.
void ck_matmul(int path, long m, long n, long k, const double *a, long row_stride, long column_stride,
               const double *b, double *c);

/// Element-wise operations. `out` may equal an input.
typedef enum { CK_ADD = 0, CK_SUBTRACT = 1, CK_MULTIPLY = 2, CK_DIVIDE = 3 } ck_binary_op;
/// out[i] = a[i] op b[i].
void ck_binary(int path, int op, long n, const double *a, const double *b, double *out);
/// out[i] = a[i] op s.
void ck_binary_scalar_right(int path, int op, long n, const double *a, double s, double *out);
/// out[i] = s op a[i].
void ck_binary_scalar_left(int path, int op, long n, double s, const double *a, double *out);
/// out[i] = a[i] > 0 ? a[i] : 0.
void ck_relu(int path, long n, const double *a, double *out);
/// out[i] = x[i] > 0 ? g[i] : 0, the ReLU pullback.
void ck_relu_backward(int path, long n, const double *g, const double *x, double *out);

/// Adam's constants for one step, computed by the caller exactly as its scalar rule does.
typedef struct {
    double beta1, beta2, eps, weight_decay;
    /// 1 − lr·weight_decay, for decoupled decay.
    double decay;
    /// lr / (1 − beta1^t).
    double step_size;
    /// 1 − beta2^t and its square root (pow(·, 0.5)).
    double bias_correction2, bias_correction2_sqrt;
    /// lr·sqrt(1 − beta2^t)/(1 − beta1^t), Keras's rate.
    double keras_rate;
    /// 0 none, 1 coupled (added to the gradient), 2 decoupled (AdamW).
    int decay_mode;
    int amsgrad;
    /// 0 outside (PyTorch), 1 inside, 2 hat (Keras).
    int placement;
} ck_adam_options;

/// One Adam step on n elements: parameter w, gradient g, moments m and v, running maximum vmax (amsgrad only).
void ck_adam(int path, long n, double *w, const double *g, double *m, double *v, double *vmax,
             const ck_adam_options *options);

/// SGD's constants: PyTorch's rule, or Keras's velocity form.
typedef struct {
    double lr, momentum, dampening, weight_decay;
    int has_momentum, nesterov, first_step, keras;
} ck_sgd_options;

/// One SGD step on n elements: parameter w, gradient g, momentum buffer b (unused without momentum).
void ck_sgd(int path, long n, double *w, const double *g, double *b, const ck_sgd_options *options);

/// The constants of the other optimizer rules (fields a rule does not use are ignored).
typedef struct {
    double lr, momentum, weight_decay, eps;
    /// RMSProp's alpha, AdaDelta's rho.
    double alpha;
    /// NAdam: beta1, beta2, 1 − beta2^t, the gradient and average scales, 1 − lr·weight_decay.
    double beta1, beta2, bias_correction2, gradient_scale, average_scale, decay;
    /// Momentum: 1 for the exponential-average form; RMSProp: 1 for Keras's momentum form.
    int variant;
    /// AdaGrad and RMSProp: epsilon inside the square root.
    int inside;
    /// RMSProp: divide by the centered variance.
    int centered;
    /// NAdam: 0 none, 1 coupled, 2 decoupled.
    int decay_mode;
} ck_rule_options;

/// One step of each rule on n elements of a parameter whose slots lie `stride` apart from `s` on
/// (Momentum and AdaGrad keep one slot). Each is its Swift optimizer's rule, operation for operation.
void ck_momentum(int path, long n, double *w, const double *g, double *s, const ck_rule_options *options);
void ck_adagrad(int path, long n, double *w, const double *g, double *s, const ck_rule_options *options);
void ck_rmsprop(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options);
void ck_adadelta(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options);
void ck_nadam(int path, long n, long stride, double *w, const double *g, double *s, const ck_rule_options *options);

/// Names the calling thread for the operating system (`ps -L`, /proc/thread-self/comm; at most 15
/// bytes): Descent's own threads say so, where a new thread would inherit its creator's name.
void ck_name_current_thread(const char *name);

/// One iteration of a spin-wait (x86 `pause`, arm64 `yield`): tells the core the thread is only
/// polling, so a sibling hardware thread (or a host's other vCPU) keeps its execution units.
void ck_spin_pause(void);

/// The correctly rounded square root, without errno: LLVM can vectorize loops that call it
/// (Swift's `squareRoot()` keeps errno's scalar fallback unless built with -fno-math-errno).
static inline __attribute__((always_inline)) double ck_sqrt(double x) { return __builtin_elementwise_sqrt(x); }

#ifdef __cplusplus
}
#endif

#endif
