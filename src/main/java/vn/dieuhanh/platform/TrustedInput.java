package vn.dieuhanh.platform;

import java.util.function.Supplier;

/**
 * Marks engine calls whose variables the application built itself from input it has already validated (e.g. a REST
 * request body mapped field by field), so the engine's input guard does not hold them to a form's allowlist. The call
 * still runs as the authenticated caller: the engine's authorizations apply and the process initiator is the caller.
 * Never wrap a call that passes on variables a user sent.
 */
public final class TrustedInput {

    private static final ThreadLocal<Boolean> TRUSTED = ThreadLocal.withInitial(() -> false);

    private TrustedInput() {
    }

    public static <T> T call(Supplier<T> work) {
        boolean outer = TRUSTED.get();
        TRUSTED.set(true);
        try {
            return work.get();
        } finally {
            TRUSTED.set(outer);
        }
    }

    public static boolean active() {
        return TRUSTED.get();
    }
}
