// Momentum, AdaGrad, RMSProp, AdaDelta and NAdam steps, included by Bodies.h once per vector path.
//
// Each repeats its Swift rule (in Descent/Optimizers) operation for operation,
// with the same association, so every path gives the same bits as PyTorch's
// single-tensor loop. Flags become constants through the dispatch switches.

/// torch.lerp, as in Adam: the formula depends on the (uniform) weight.
#define CK_LERP(start, end, weight) \
    (__builtin_fabs(weight) < 0.5 ? (start) + (weight) * ((end) - (start)) : (end) - ((end) - (start)) * (1 - (weight)))

static inline __attribute__((always_inline)) void CK_NAME(momentum_run)(
    long n, double *w, const double *g, double *v, const ck_rule_options *o, const int average) {
#define MOMENTUM_BLOCK(i, t)                                                               \
    {                                                                                      \
        vd gv = IN(g, i, t), vv = IN(v, i, t), wv = IN(w, i, t);                           \
        vv = average ? o->momentum * vv + (1 - o->momentum) * gv : o->momentum * vv - o->lr * gv; \
        OUT(v, i, t, vv);                                                                  \
        OUT(w, i, t, average ? wv - o->lr * vv : wv + vv);                                 \
    }
    CK_EACH(n, MOMENTUM_BLOCK);
#undef MOMENTUM_BLOCK
}

void CK_NAME(ck_momentum)(long n, double *w, const double *g, double *s, const ck_rule_options *o) {
    if (o->variant) CK_NAME(momentum_run)(n, w, g, s, o, 1);
    else CK_NAME(momentum_run)(n, w, g, s, o, 0);
}

static inline __attribute__((always_inline)) void CK_NAME(adagrad_run)(
    long n, double *w, const double *g, double *sum, const ck_rule_options *o, const int decay, const int inside) {
#define ADAGRAD_BLOCK(i, t)                                                                \
    {                                                                                      \
        vd wv = IN(w, i, t), gv = IN(g, i, t);                                             \
        vd d = decay ? gv + o->weight_decay * wv : gv;                                     \
        vd s = IN(sum, i, t) + 1 * d * d;                                                  \
        OUT(sum, i, t, s);                                                                 \
        vd std = inside ? __builtin_elementwise_sqrt(s + o->eps) : __builtin_elementwise_sqrt(s) + o->eps; \
        OUT(w, i, t, wv + -o->lr * d / std);                                               \
    }
    CK_EACH(n, ADAGRAD_BLOCK);
#undef ADAGRAD_BLOCK
}

void CK_NAME(ck_adagrad)(long n, double *w, const double *g, double *s, const ck_rule_options *o) {
    switch ((o->weight_decay != 0) * 2 + (o->inside != 0)) {
    case 0: CK_NAME(adagrad_run)(n, w, g, s, o, 0, 0); break;
    case 1: CK_NAME(adagrad_run)(n, w, g, s, o, 0, 1); break;
    case 2: CK_NAME(adagrad_run)(n, w, g, s, o, 1, 0); break;
    default: CK_NAME(adagrad_run)(n, w, g, s, o, 1, 1); break;
    }
}

/// RMSProp; slots: square average at s, momentum buffer at s + n (momentum), gradient average at s + 2n (centered).
static inline __attribute__((always_inline)) void CK_NAME(rmsprop_run)(
    long n, double *w, const double *g, double *square, double *buffer, double *average, const ck_rule_options *o,
    const int decay, const int centered, const int inside, const int momentum, const int keras) {
#define RMSPROP_BLOCK(i, t)                                                                \
    {                                                                                      \
        vd wv = IN(w, i, t), gv = IN(g, i, t);                                             \
        vd d = decay ? gv + o->weight_decay * wv : gv;                                     \
        vd sq = IN(square, i, t) * o->alpha + (1 - o->alpha) * d * d;                      \
        OUT(square, i, t, sq);                                                             \
        vd variance = sq;                                                                  \
        if (centered) {                                                                    \
            vd a = IN(average, i, t);                                                      \
            a = CK_LERP(a, d, 1 - o->alpha);                                               \
            OUT(average, i, t, a);                                                         \
            variance = sq + -1 * a * a;                                                    \
        }                                                                                  \
        vd r = inside ? __builtin_elementwise_sqrt(variance + o->eps) : __builtin_elementwise_sqrt(variance) + o->eps; \
        if (momentum && keras) {                                                           \
            vd b = o->momentum * IN(buffer, i, t) + o->lr * d / r;                         \
            OUT(buffer, i, t, b);                                                          \
            OUT(w, i, t, wv - b);                                                          \
        } else if (momentum) {                                                             \
            vd b = IN(buffer, i, t) * o->momentum + 1 * d / r;                             \
            OUT(buffer, i, t, b);                                                          \
            OUT(w, i, t, wv + -o->lr * b);                                                 \
        } else {                                                                           \
            OUT(w, i, t, wv + -o->lr * d / r);                                             \
        }                                                                                  \
    }
    CK_EACH(n, RMSPROP_BLOCK);
#undef RMSPROP_BLOCK
}

#define RMSPROP_CASE(index, decay, centered, inside, momentum, keras) \
    case index: CK_NAME(rmsprop_run)(n, w, g, square, buffer, average, o, decay, centered, inside, momentum, keras); break;

void CK_NAME(ck_rmsprop)(long n, long stride, double *w, const double *g, double *s, const ck_rule_options *o) {
    int decay = o->weight_decay != 0, centered = o->centered != 0, inside = o->inside != 0;
    int momentum = o->momentum > 0, keras = o->variant != 0 && momentum;
    double *square = s, *buffer = momentum ? s + stride : s, *average = centered ? s + 2 * stride : s;
    switch (decay * 16 + centered * 8 + inside * 4 + momentum * 2 + keras) {
    RMSPROP_CASE(0, 0, 0, 0, 0, 0) RMSPROP_CASE(2, 0, 0, 0, 1, 0) RMSPROP_CASE(3, 0, 0, 0, 1, 1)
    RMSPROP_CASE(4, 0, 0, 1, 0, 0) RMSPROP_CASE(6, 0, 0, 1, 1, 0) RMSPROP_CASE(7, 0, 0, 1, 1, 1)
    RMSPROP_CASE(8, 0, 1, 0, 0, 0) RMSPROP_CASE(10, 0, 1, 0, 1, 0) RMSPROP_CASE(11, 0, 1, 0, 1, 1)
    RMSPROP_CASE(12, 0, 1, 1, 0, 0) RMSPROP_CASE(14, 0, 1, 1, 1, 0) RMSPROP_CASE(15, 0, 1, 1, 1, 1)
    RMSPROP_CASE(16, 1, 0, 0, 0, 0) RMSPROP_CASE(18, 1, 0, 0, 1, 0) RMSPROP_CASE(19, 1, 0, 0, 1, 1)
    RMSPROP_CASE(20, 1, 0, 1, 0, 0) RMSPROP_CASE(22, 1, 0, 1, 1, 0) RMSPROP_CASE(23, 1, 0, 1, 1, 1)
    RMSPROP_CASE(24, 1, 1, 0, 0, 0) RMSPROP_CASE(26, 1, 1, 0, 1, 0) RMSPROP_CASE(27, 1, 1, 0, 1, 1)
    RMSPROP_CASE(28, 1, 1, 1, 0, 0) RMSPROP_CASE(30, 1, 1, 1, 1, 0) RMSPROP_CASE(31, 1, 1, 1, 1, 1)
    default: break;
    }
}

static inline __attribute__((always_inline)) void CK_NAME(adadelta_run)(
    long n, double *w, const double *g, double *square, double *updates, const ck_rule_options *o, const int decay) {
#define ADADELTA_BLOCK(i, t)                                                               \
    {                                                                                      \
        vd wv = IN(w, i, t), gv = IN(g, i, t);                                             \
        vd d = decay ? gv + o->weight_decay * wv : gv;                                     \
        vd sq = IN(square, i, t) * o->alpha + (1 - o->alpha) * d * d;                      \
        OUT(square, i, t, sq);                                                             \
        vd std = __builtin_elementwise_sqrt(sq + o->eps);                                  \
        vd u = IN(updates, i, t);                                                          \
        vd delta = __builtin_elementwise_sqrt(u + o->eps) / std * d;                       \
        OUT(updates, i, t, u * o->alpha + (1 - o->alpha) * delta * delta);                 \
        OUT(w, i, t, wv + -o->lr * delta);                                                 \
    }
    CK_EACH(n, ADADELTA_BLOCK);
#undef ADADELTA_BLOCK
}

void CK_NAME(ck_adadelta)(long n, long stride, double *w, const double *g, double *s, const ck_rule_options *o) {
    if (o->weight_decay != 0) CK_NAME(adadelta_run)(n, w, g, s, s + stride, o, 1);
    else CK_NAME(adadelta_run)(n, w, g, s, s + stride, o, 0);
}

static inline __attribute__((always_inline)) void CK_NAME(nadam_run)(
    long n, double *w, const double *g, double *m, double *v, const ck_rule_options *o, const int decay_mode) {
#define NADAM_BLOCK(i, t)                                                                  \
    {                                                                                      \
        vd wv = IN(w, i, t), gv = IN(g, i, t);                                             \
        vd wi = decay_mode == 2 ? wv * o->decay : wv;                                      \
        vd d = decay_mode == 1 ? gv + o->weight_decay * wi : gv;                           \
        vd mv = IN(m, i, t);                                                               \
        mv = CK_LERP(mv, d, 1 - o->beta1);                                                 \
        OUT(m, i, t, mv);                                                                  \
        vd vv = IN(v, i, t) * o->beta2 + (1 - o->beta2) * d * d;                           \
        OUT(v, i, t, vv);                                                                  \
        vd denom = __builtin_elementwise_sqrt(vv / o->bias_correction2) + o->eps;          \
        vd partial = wi + o->gradient_scale * d / denom;                                   \
        OUT(w, i, t, partial + o->average_scale * mv / denom);                             \
    }
    CK_EACH(n, NADAM_BLOCK);
#undef NADAM_BLOCK
}

void CK_NAME(ck_nadam)(long n, long stride, double *w, const double *g, double *s, const ck_rule_options *o) {
    int mode = o->decay_mode < 0 || o->decay_mode > 2 ? 0 : o->decay_mode;
    if (mode == 2) CK_NAME(nadam_run)(n, w, g, s, s + stride, o, 2);
    else if (mode == 1) CK_NAME(nadam_run)(n, w, g, s, s + stride, o, 1);
    else CK_NAME(nadam_run)(n, w, g, s, s + stride, o, 0);
}
