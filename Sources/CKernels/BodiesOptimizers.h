// Optimizer steps, included by Bodies.h once per vector path.
//
// Each rule repeats the Swift scalar rule operation for operation (the same
// products, in the same order and association), so a step gives torch's bits
// on every path. Options become compile-time constants through the switches
// below, so each variant is a branch-free loop.

/// One Adam block of CK_WIDTH elements at offset i (tail t), with the variant fixed by the last three arguments.
static inline __attribute__((always_inline)) void CK_NAME(adam_block)(
    long i, long t, double *w, const double *g, double *m, double *v, double *vmax,
    const ck_adam_options *o, const int decay_mode, const int ams, const int placement) {
    const double omb1 = 1 - o->beta1, omb2 = 1 - o->beta2;
    vd wv = IN(w, i, t), gv = IN(g, i, t), mv = IN(m, i, t), vv = IN(v, i, t);
    vd wi = decay_mode == 2 ? wv * o->decay : wv;
    vd d = decay_mode == 1 ? gv + o->weight_decay * wi : gv;
    if (placement == 2) {
        mv = mv + (d - mv) * omb1;
        vv = vv + (d * d - vv) * omb2;
    } else {
        // torch.lerp: the formula depends on the (uniform) weight.
        mv = __builtin_fabs(omb1) < 0.5 ? mv + omb1 * (d - mv) : d - (d - mv) * (1 - omb1);
        vv = vv * o->beta2 + omb2 * d * d;
    }
    OUT(m, i, t, mv);
    OUT(v, i, t, vv);
    vd second = vv;
    if (ams) {
        vd previous = IN(vmax, i, t);
        second = SEL(CK_MASK(vv >= previous), vv, previous);
        OUT(vmax, i, t, second);
    }
    vd updated;
    if (placement == 0) {
        updated = wi + -o->step_size * mv / (__builtin_elementwise_sqrt(second) / o->bias_correction2_sqrt + o->eps);
    } else if (placement == 1) {
        updated = wi + -o->step_size * mv / __builtin_elementwise_sqrt(second / o->bias_correction2 + o->eps);
    } else {
        updated = wi - mv * o->keras_rate / (__builtin_elementwise_sqrt(second) + o->eps);
    }
    OUT(w, i, t, updated);
}

static inline __attribute__((always_inline)) void CK_NAME(adam_run)(
    long n, double *w, const double *g, double *m, double *v, double *vmax, const ck_adam_options *o,
    const int decay_mode, const int ams, const int placement) {
#define ADAM_BLOCK(i, t) CK_NAME(adam_block)(i, t, w, g, m, v, vmax, o, decay_mode, ams, placement);
    CK_EACH(n, ADAM_BLOCK);
#undef ADAM_BLOCK
}

#define ADAM_CASE(decay, ams, placement) \
    case (decay) * 6 + (ams) * 3 + (placement): CK_NAME(adam_run)(n, w, g, m, v, vmax, o, decay, ams, placement); break;
#define ADAM_PLACEMENTS(decay, ams) ADAM_CASE(decay, ams, 0) ADAM_CASE(decay, ams, 1) ADAM_CASE(decay, ams, 2)

void CK_NAME(ck_adam)(long n, double *w, const double *g, double *m, double *v, double *vmax, const ck_adam_options *o) {
    int decay = o->decay_mode < 0 || o->decay_mode > 2 ? 0 : o->decay_mode;
    int placement = o->placement < 0 || o->placement > 2 ? 0 : o->placement;
    switch (decay * 6 + (o->amsgrad ? 1 : 0) * 3 + placement) {
    ADAM_PLACEMENTS(0, 0) ADAM_PLACEMENTS(0, 1)
    ADAM_PLACEMENTS(1, 0) ADAM_PLACEMENTS(1, 1)
    ADAM_PLACEMENTS(2, 0) ADAM_PLACEMENTS(2, 1)
    default: break;
    }
}

/// One SGD block: PyTorch's rule, or Keras's velocity form when `keras`.
static inline __attribute__((always_inline)) void CK_NAME(sgd_block)(
    long i, long t, double *w, const double *g, double *b, const ck_sgd_options *o,
    const int keras, const int decay, const int momentum, const int first, const int nesterov) {
    vd wv = IN(w, i, t), gv = IN(g, i, t);
    if (keras) {
        if (momentum) {
            vd s = IN(b, i, t) * o->momentum - gv * o->lr;
            OUT(b, i, t, s);
            wv = nesterov ? wv + (s * o->momentum - gv * o->lr) : wv + s;
        } else {
            wv = wv - gv * o->lr;
        }
        OUT(w, i, t, wv);
        return;
    }
    vd d = decay ? gv + o->weight_decay * wv : gv;
    if (momentum) {
        vd buffer = first ? d : IN(b, i, t) * o->momentum + (1 - o->dampening) * d;
        OUT(b, i, t, buffer);
        d = nesterov ? d + o->momentum * buffer : buffer;
    }
    OUT(w, i, t, wv + -o->lr * d);
}

static inline __attribute__((always_inline)) void CK_NAME(sgd_run)(
    long n, double *w, const double *g, double *b, const ck_sgd_options *o,
    const int keras, const int decay, const int momentum, const int first, const int nesterov) {
#define SGD_BLOCK(i, t) CK_NAME(sgd_block)(i, t, w, g, b, o, keras, decay, momentum, first, nesterov);
    CK_EACH(n, SGD_BLOCK);
#undef SGD_BLOCK
}

#define SGD_CASE(decay, momentum, first, nesterov)                                                   \
    case (decay) * 8 + (momentum) * 4 + (first) * 2 + (nesterov):                                    \
        CK_NAME(sgd_run)(n, w, g, b, o, 0, decay, momentum, first, nesterov); break;
#define SGD_CASES(decay, momentum) \
    SGD_CASE(decay, momentum, 0, 0) SGD_CASE(decay, momentum, 0, 1) SGD_CASE(decay, momentum, 1, 0) SGD_CASE(decay, momentum, 1, 1)

void CK_NAME(ck_sgd)(long n, double *w, const double *g, double *b, const ck_sgd_options *o) {
    int momentum = o->has_momentum != 0, nesterov = o->nesterov != 0;
    if (o->keras) {
        if (momentum && nesterov) CK_NAME(sgd_run)(n, w, g, b, o, 1, 0, 1, 0, 1);
        else if (momentum) CK_NAME(sgd_run)(n, w, g, b, o, 1, 0, 1, 0, 0);
        else CK_NAME(sgd_run)(n, w, g, b, o, 1, 0, 0, 0, 0);
        return;
    }
    switch ((o->weight_decay != 0) * 8 + momentum * 4 + (o->first_step != 0) * 2 + nesterov) {
    SGD_CASES(0, 0) SGD_CASES(0, 1) SGD_CASES(1, 0) SGD_CASES(1, 1)
    default: break;
    }
}
