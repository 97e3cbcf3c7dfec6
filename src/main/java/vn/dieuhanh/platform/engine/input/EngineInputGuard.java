package vn.dieuhanh.platform.engine.input;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import vn.dieuhanh.platform.TrustedInput;
import vn.dieuhanh.platform.Roles;

/**
 * The engine's trust boundary for what officials send: every command a logged-in, non-administrator user asks the
 * engine for directly, through engine REST, Tasklist, Cockpit or the application's own services, passes
 * {@link UserCommandRules} first. Commands the engine runs for itself (job executor, nested calls of delegates and
 * listeners) and calls the application marks with {@link TrustedInput} are not user input and pass unchecked.
 */
final class EngineInputGuard extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;
    private volatile UserCommandRules rules;

    EngineInputGuard(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() == null && !TrustedInput.active()) {
            Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
            if (caller != null && caller.getUserId() != null && !Roles.isAdministrator(caller.getGroupIds())) {
                rules().check(command, caller);
            }
        }
        return next.execute(command);
    }

    private UserCommandRules rules() {
        if (rules == null) {
            rules = new UserCommandRules(configuration.getTaskService(), configuration.getIdentityService(),
                    new DeclaredInputs(configuration.getFormService(), configuration.getCommandExecutorTxRequired()));
        }
        return rules;
    }
}
