package vn.dieuhanh;

import org.camunda.bpm.container.RuntimeContainerDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Camunda's REST API and webapps look the engine up in JVM-wide registries. When several cached Spring test contexts
 * share a JVM, the engine built last owns the name "default"; this listener hands the name back to the context whose
 * test is about to run, so HTTP calls reach that context's engine.
 */
public class EngineRegistration extends AbstractTestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBean(ProcessEngine.class);
        ProcessEngines.registerProcessEngine(engine);
        RuntimeContainerDelegate container = RuntimeContainerDelegate.INSTANCE.get();
        ProcessEngine registered = container.getProcessEngineService().getProcessEngine(engine.getName());
        if (registered != engine) {
            if (registered != null) {
                container.unregisterProcessEngine(registered);
            }
            container.registerProcessEngine(engine);
        }
    }
}
