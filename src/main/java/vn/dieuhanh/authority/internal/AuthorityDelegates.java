package vn.dieuhanh.authority.internal;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.authority.CertificationRequestProcess;
import vn.dieuhanh.authority.SigningDelegationProcess;

/**
 * The service tasks of {@code signing-delegation} and {@code certification-request}, one bean each, thin: read the
 * form's variables, call the service (which reads the record and the actor from our tables and the login), write the
 * gateway's boolean or the timers' dates.
 */
@Configuration(proxyBeanMethods = false)
class AuthorityDelegates {

    @Bean(SigningDelegationProcess.BEAN_RECORD_APPROVAL)
    JavaDelegate recordDelegationApproval(DelegationService delegations) {
        return execution -> {
            DelegationService.Approval approval = delegations.recordApproval(execution.getProcessInstanceId(),
                    execution.getVariable(SigningDelegationProcess.VAR_APPROVED),
                    execution.getVariable(SigningDelegationProcess.VAR_DECISION_NOTE));
            execution.setVariable(SigningDelegationProcess.VAR_APPROVED, approval.approved());
            if (approval.approved()) {
                execution.setVariable(SigningDelegationProcess.VAR_VALID_UNTIL, approval.validUntil());
                execution.setVariable(SigningDelegationProcess.VAR_REMINDER_AT, approval.reminderAt());
            }
        };
    }

    @Bean(SigningDelegationProcess.BEAN_RECORD_CONFIRMATION)
    JavaDelegate recordDelegationConfirmation(DelegationService delegations) {
        return execution -> execution.setVariable(SigningDelegationProcess.VAR_CONFIRMED,
                delegations.recordConfirmation(execution.getProcessInstanceId(),
                        execution.getVariable(SigningDelegationProcess.VAR_CONFIRMED),
                        execution.getVariable(SigningDelegationProcess.VAR_DECISION_NOTE)));
    }

    @Bean(SigningDelegationProcess.BEAN_REMIND)
    JavaDelegate remindDelegationExpiry(DelegationService delegations) {
        return execution -> delegations.remindExpiry(execution.getProcessInstanceId());
    }

    @Bean(SigningDelegationProcess.BEAN_EXPIRE)
    JavaDelegate expireDelegation(DelegationService delegations) {
        return execution -> delegations.expire(execution.getProcessInstanceId());
    }

    @Bean(CertificationRequestProcess.BEAN_ROUTE)
    JavaDelegate routeCertificationRequest(CertificationService certifications) {
        return execution -> execution.setVariable(CertificationRequestProcess.VAR_SIGNERS, String.join(",",
                certifications.route((String) execution.getVariable(CertificationRequestProcess.VAR_REQUEST_ID))));
    }

    @Bean(CertificationRequestProcess.BEAN_RECORD_DECISION)
    JavaDelegate recordCertificationDecision(CertificationService certifications) {
        return execution -> execution.setVariable(CertificationRequestProcess.VAR_SIGNED,
                certifications.recordDecision(execution.getProcessInstanceId(),
                        execution.getVariable(CertificationRequestProcess.VAR_DECISION),
                        execution.getVariable(CertificationRequestProcess.VAR_REFUSAL_REASON)));
    }
}
