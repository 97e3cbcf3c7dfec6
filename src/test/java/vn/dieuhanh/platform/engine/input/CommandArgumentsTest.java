package vn.dieuhanh.platform.engine.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The guard reads the arguments of the engine's commands from their fields; if an engine upgrade renames one, this
 * test fails (and the guard refuses the command rather than letting it through).
 */
class CommandArgumentsTest {

    @Test
    void readsTheArgumentsOfEveryCommandTheGuardInspects() {
        CompleteTaskCmd complete = new CompleteTaskCmd("task-1", Map.of("resultSummary", "Xong"));
        assertThat(CommandArguments.text(complete, "taskId")).isEqualTo("task-1");
        assertThat(CommandArguments.variables(complete, "variables")).containsEntry("resultSummary", "Xong");

        SubmitTaskFormCmd submit = new SubmitTaskFormCmd("task-2", Variables.createVariables().putValue("a", 1),
                false, false);
        assertThat(CommandArguments.text(submit, "taskId")).isEqualTo("task-2");
        assertThat(CommandArguments.variables(submit, "properties")).containsEntry("a", 1);

        SubmitStartFormCmd start = new SubmitStartFormCmd("definition-1", "key", Map.of("title", "x"));
        assertThat(CommandArguments.text(start, "processDefinitionId")).isEqualTo("definition-1");
        assertThat(CommandArguments.variables(start, "variables")).containsEntry("title", "x");

        ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl)
                ProcessInstantiationBuilderImpl.createProcessInstanceByKey(null, "instant-assignment");
        assertThat(CommandArguments.read(new StartProcessInstanceCmd(builder), "instantiationBuilder"))
                .isSameAs(builder);

        assertThat(CommandArguments.text(new ClaimTaskCmd("task-3", "someone"), "userId")).isEqualTo("someone");
        assertThat(CommandArguments.text(new AssignTaskCmd("task-4", "other"), "userId")).isEqualTo("other");
    }

    @Test
    void anUnknownFieldIsAnErrorNotAPass() {
        assertThatThrownBy(() -> CommandArguments.read(new ClaimTaskCmd("t", "u"), "noSuchField"))
                .isInstanceOf(IllegalStateException.class);
    }
}
