package vn.dieuhanh.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls without the caller's engine authentication, restoring it afterwards. For the few places where the
 * application has already decided that the caller may do something the engine's own grants do not express (e.g.
 * the assigner cancels an assignment, everyone who may see an assignment sees who holds its steps). Use sparingly and
 * only after such an explicit check.
 */
public final class EngineAsSystem {

    private EngineAsSystem() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        call(identityService, () -> {
            work.run();
            return null;
        });
    }
}
