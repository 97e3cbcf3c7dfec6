package vn.dieuhanh.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * An optimistic-locking conflict that still reaches an official's request (two officials changing the same thing at
 * the same moment) is a 409 with "Có người khác vừa thay đổi, vui lòng thử lại", never a 500, through both doors:
 * the application's {@code /api} ({@link ProblemDetailsAdvice}) and the engine's JAX-RS resources ({@code /engine-rest}
 * and Tasklist's engine API, {@link EngineRestProblems}), also where the engine wraps it ("Cannot complete task ...").
 * The save points after multi-instance children keep the common case off these paths (CoordinatingUnitsConcurrencyTest);
 * this is the answer for what remains, which the client retries.
 */
class ConcurrentChangeAnswerTest {

    static final OptimisticLockingException CONFLICT = new OptimisticLockingException(
            "ENGINE-03005 Execution of 'UPDATE VariableInstanceEntity[42]' failed. Entity was updated by another "
                    + "transaction concurrently.");

    @Test
    void classifiedAsAConflictWhereverItIsInTheChain() {
        for (Throwable failure : new Throwable[] {CONFLICT, new ProcessEngineException("wrapped", CONFLICT),
                new RestException(Status.INTERNAL_SERVER_ERROR, CONFLICT, "Cannot complete task 7: " + CONFLICT)}) {
            UserErrors.Classified classified = UserErrors.classify(failure);
            assertThat(classified.status()).as(failure.toString()).isEqualTo(409);
            assertThat(classified.detail()).isEqualTo(UserErrors.CONCURRENT_CHANGE)
                    .startsWith("Có người khác vừa thay đổi, vui lòng thử lại");
        }
    }

    @Test
    void theApplicationsApiAnswers409() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/assignments/a-1/review");
        ResponseEntity<Object> answer = new ProblemDetailsAdvice()
                .any(new ProcessEngineException("wrapped", CONFLICT), new ServletWebRequest(request));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getDetail()).isEqualTo(UserErrors.CONCURRENT_CHANGE);
        assertThat(problem.getTitle()).isEqualTo("Xung đột trạng thái (Conflict)");
        assertThat(problem.getInstance()).hasToString("/api/assignments/a-1/review");
    }

    @Test
    void theEngineRestAnswers409InCamundasErrorShape() {
        // TaskResourceImpl#complete wraps every ProcessEngineException in a 500 RestException
        Response answer = EngineRestProblems.respond(
                new RestException(Status.INTERNAL_SERVER_ERROR, CONFLICT, "Cannot complete task 7: " + CONFLICT), null);
        assertThat(answer.getStatus()).isEqualTo(409);
        ExceptionDto body = (ExceptionDto) answer.getEntity();
        assertThat(body.getType()).isEqualTo("OptimisticLockingException");
        assertThat(body.getMessage()).isEqualTo(UserErrors.CONCURRENT_CHANGE);
    }
}
