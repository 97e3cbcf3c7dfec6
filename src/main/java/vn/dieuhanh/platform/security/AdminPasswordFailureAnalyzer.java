package vn.dieuhanh.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports {@link AdminPasswordRefused} as its message and what to do, without a stack trace. */
public class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<AdminPasswordRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdminPasswordRefused cause) {
        return new FailureAnalysis(cause.getMessage(), "Set DIEUHANH_ADMIN_PASSWORD to a password of at least 10 "
                + "characters with upper case, lower case, a digit and a special character, not containing 'admin' "
                + "(or run the demo profile).", cause);
    }
}
