package vn.dieuhanh.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

/** The run-time resolver chain on its own: what an expression that got past the deployment check can still reach. */
class RestrictedExpressionManagerTest {

    /** Stands for a delegate of the application (its class is under vn.dieuhanh). */
    public static class SampleDelegate {
        public String getSecret() {
            return "secret";
        }
    }

    final RestrictedExpressionManager manager = new RestrictedExpressionManager(new ProjectBeans(beanFactory()));
    final VariableMap variables = Variables.createVariables()
            .putValue("x", 2)
            .putValue("reviewer", "so-y-te.head")
            .putValue("units", List.of("phuong-sai-gon", "phuong-ben-thanh"))
            .putValue("limits", Map.of("days", 5));

    static DefaultListableBeanFactory beanFactory() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        factory.registerBeanDefinition("computeDeadline", new RootBeanDefinition(SampleDelegate.class));
        factory.registerBeanDefinition("dataSource", new RootBeanDefinition(ArrayList.class)); // not the project's
        return factory;
    }

    Object eval(String expression) {
        return manager.createValueExpression(expression)
                .getValue(manager.createElContext(variables.asVariableContext()));
    }

    @Test
    void variablesOperatorsCollectionsAndTheApplicationsBeansStillWork() {
        assertThat(eval("${x > 1 && reviewer == 'so-y-te.head'}")).isEqualTo(true);
        assertThat(eval("${x * 3 + 1}")).isEqualTo(7L);
        assertThat(eval("${units[1]}")).isEqualTo("phuong-ben-thanh");
        assertThat(eval("${limits.days}")).isEqualTo(5);
        assertThat(eval("${computeDeadline}")).isInstanceOf(SampleDelegate.class);
    }

    @Test
    void otherBeansAreNotReachable() {
        assertThatThrownBy(() -> eval("${dataSource}")).isInstanceOf(PropertyNotFoundException.class);
    }

    @Test
    void noMethodIsEverInvoked(@TempDir Path directory) {
        Path marker = directory.resolve("pwned");
        String attack = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                + ".exec('touch " + marker + "')}";
        assertThatThrownBy(() -> eval(attack)).isInstanceOf(ELException.class)
                .hasMessageContaining("method calls are not allowed");
        assertThat(Files.exists(marker)).isFalse();
        assertThatThrownBy(() -> eval("${reviewer.toUpperCase()}")).hasMessageContaining("gọi phương thức");
        assertThatThrownBy(() -> eval("${computeDeadline.getSecret()}")).hasMessageContaining("gọi phương thức");
    }

    @Test
    void noPropertyOfAnObjectOtherThanMapsListsAndArrays() {
        assertThatThrownBy(() -> eval("${''.class}")).isInstanceOf(ELException.class)
                .hasMessageContaining("property access is not allowed");
        assertThatThrownBy(() -> eval("${reviewer.bytes}")).hasMessageContaining("truy cập thuộc tính");
        assertThatThrownBy(() -> eval("${computeDeadline.secret}")).hasMessageContaining("truy cập thuộc tính");
        // a list has no properties, only indexes: "class" is no index
        assertThatThrownBy(() -> eval("${units.class}")).isInstanceOf(NumberFormatException.class);
    }
}
