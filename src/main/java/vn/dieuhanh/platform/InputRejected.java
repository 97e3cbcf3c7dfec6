package vn.dieuhanh.platform;

import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input a caller can fix: answered 400 through every door. {@code /api} maps it in
 * {@code platform.web.ProblemDetailsAdvice}; engine REST and Tasklist in {@code platform.web.EngineRestProblems}, also
 * when a delegate or task listener raised it inside {@code complete} or a process start. It is a
 * {@link BadUserRequestException} (public engine API), so the engine treats it as a user error too.
 * <p>
 * The message is shown to the caller: Vietnamese first, English in parentheses.
 */
public class InputRejected extends BadUserRequestException {

    public InputRejected(String message) {
        super(message);
    }

    /** Per-field messages (field or indicator code to message), shown as the problem's {@code problems}. */
    public Map<String, String> problems() {
        return Map.of();
    }
}
