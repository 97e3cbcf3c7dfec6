package vn.dieuhanh.platform.deployment;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The engine's expression manager with a restricted resolver chain, replacing the Spring Boot starter's
 * {@code SpringExpressionManager} (which exposes every bean of the context and resolves methods and getters on any
 * object through {@code BeanELResolver}). Names resolve to variables (and the engine's {@code execution} / {@code task}
 * objects, which are then unusable: no properties, no methods), or to the application's own beans so that
 * {@code ${computeDeadline}} keeps working; maps, lists and arrays are read-only; there is no bean resolver at all,
 * and {@link RestrictedElResolver} refuses every method call and every property of other objects. The same chain
 * serves JUEL in DMN (the DMN engine evaluates JUEL through this manager).
 */
final class RestrictedExpressionManager extends JuelExpressionManager {

    private final ProjectBeans beans;

    RestrictedExpressionManager(ProjectBeans beans) {
        this.beans = beans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver chain = new CompositeELResolver();
        chain.add(new VariableScopeElResolver());
        chain.add(new VariableContextElResolver());
        chain.add(new ProjectBeanElResolver(beans));
        chain.add(new ArrayELResolver(true));
        chain.add(new ListELResolver(true));
        chain.add(new MapELResolver(true));
        return new RestrictedElResolver(chain);
    }
}
