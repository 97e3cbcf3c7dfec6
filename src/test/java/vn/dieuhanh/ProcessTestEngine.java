package vn.dieuhanh;

import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;

/** The in-memory engine shared by every {@code <ProcessId>ProcessTest}: {@code camunda-process-test.cfg.xml}. */
public final class ProcessTestEngine {

    private ProcessTestEngine() {
    }

    public static ProcessEngineExtension extension() {
        return ProcessEngineExtension.builder().configurationResource("camunda-process-test.cfg.xml").build();
    }
}
