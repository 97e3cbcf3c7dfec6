package vn.dieuhanh.platform.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.web.UserErrors;

/**
 * How failed engine commands are logged. Camunda logs every failed command as ENGINE-16004 at ERROR with its stack
 * trace unless the exception itself is a bad request; a refusal raised in a task listener arrives wrapped ("Exception
 * while invoking TaskListener"), so each user error of Tasklist or engine REST wrote a stack trace at ERROR. This
 * plugin turns that logging off ({@code enableCmdExceptionLogging}) and logs the outermost failed command itself:
 * user errors ({@link UserErrors}, searched along the cause chain) at DEBUG on one line, since the door that answers
 * the caller logs them at INFO; anything else at ERROR with its stack trace, once, and remembered for the thread so
 * that the door does not print the same trace again.
 */
@Component
public class CommandFailureLogging extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger("vn.dieuhanh.engine.command");
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);
    private static final ThreadLocal<Throwable> LOGGED = new ThreadLocal<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnableCmdExceptionLogging(false);
        configuration.setCustomPreCommandInterceptorsTxRequired(prepend(
                configuration.getCustomPreCommandInterceptorsTxRequired()));
        configuration.setCustomPreCommandInterceptorsTxRequiresNew(prepend(
                configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    }

    /** Whether this failure (or one in its cause chain) was logged with its stack trace by the engine on this thread. */
    public static boolean alreadyLogged(Throwable failure) {
        Throwable logged = LOGGED.get();
        for (Throwable cause = failure; cause != null && logged != null; cause = cause.getCause()) {
            if (cause == logged) {
                return true;
            }
        }
        return false;
    }

    private static List<CommandInterceptor> prepend(List<CommandInterceptor> existing) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Interceptor());
        if (existing != null) {
            interceptors.addAll(existing);
        }
        return interceptors;
    }

    static final class Interceptor extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            int depth = DEPTH.get();
            if (depth == 0) {
                LOGGED.remove();
            }
            DEPTH.set(depth + 1);
            try {
                return next.execute(command);
            } catch (RuntimeException | Error failure) {
                if (depth == 0) {
                    log(command, failure);
                }
                throw failure;
            } finally {
                if (depth == 0) {
                    DEPTH.remove();
                } else {
                    DEPTH.set(depth);
                }
            }
        }

        private static void log(Command<?> command, Throwable failure) {
            UserErrors.Classified classified = UserErrors.classify(failure);
            if (classified.userError()) {
                LOG.debug("{} refused ({}): {}", command.getClass().getSimpleName(), classified.status(),
                        classified.detail());
            } else {
                LOG.error("{} failed", command.getClass().getSimpleName(), failure);
                LOGGED.set(failure);
            }
        }
    }
}
