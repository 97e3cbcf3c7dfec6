package vn.dieuhanh.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.dieuhanh.platform.engine.CommandFailureLogging;

/**
 * The error contract of the engine's JAX-RS doors: {@code /engine-rest} and the webapps' engine API that Tasklist and
 * Cockpit call ({@code /camunda/api/engine/...}). Camunda's resources wrap every engine exception raised while
 * completing a task or starting a process in a 500 ("Cannot complete task ..."), also a refusal raised by a delegate
 * or task listener, a weak password or a model that does not parse. These mappers take precedence over Camunda's
 * ({@code @Priority} 1 against the default 5000, at the same distance) and answer from the cause chain
 * ({@link UserErrors}): a user error gets its 4xx and a Vietnamese-first {@code message} in Camunda's error shape
 * ({@code type}, {@code message}, {@code code}; {@code problems} for per-field messages), logged at INFO on one line;
 * anything else keeps Camunda's status and body and is logged once at ERROR with its stack trace.
 * <p>
 * Registered in every Jersey application of the JVM by {@link Registration} (a {@link ForcedAutoDiscoverable}
 * listed in {@code META-INF/services}), so both doors get them without touching how the starters build their apps.
 */
public final class EngineRestProblems {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestProblems.class);

    private EngineRestProblems() {
    }

    /** Adds the mappers and the task-deletion guard to every Jersey application. */
    public static final class Registration implements ForcedAutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(RestExceptions.class)) {
                context.register(RestExceptions.class, 1);
                context.register(EngineExceptions.class, 1);
                context.register(OtherExceptions.class, 1);
                context.register(TaskDeletionGuard.class);
            }
        }
    }

    @Priority(1)
    public static final class RestExceptions implements ExceptionMapper<RestException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RestException exception) {
            return respond(exception, uri);
        }
    }

    @Priority(1)
    public static final class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception, uri);
        }
    }

    /**
     * Runtime exceptions that are neither: the application's {@code NotFound}, {@code Forbidden}, {@code Conflict}
     * raised by a delegate reach the resource unwrapped. JAX-RS's own exceptions keep Camunda's handling.
     */
    @Priority(1)
    public static final class OtherExceptions implements ExceptionMapper<RuntimeException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(RuntimeException exception) {
            if (exception instanceof WebApplicationException) {
                return ExceptionHandlerHelper.getInstance().getResponse(exception);
            }
            return respond(exception, uri);
        }
    }

    static Response respond(Throwable exception, UriInfo uri) {
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        String where = uri == null ? "" : uri.getPath();
        UserErrors.Classified classified = UserErrors.classify(exception);
        if (classified.userError()) {
            Throwable cause = userCause(exception);
            ExceptionDto dto = cause instanceof AuthorizationException || cause instanceof ParseException
                    ? camunda.fromException(cause) : new ExceptionDto();
            if (dto.getType() == null) {
                dto.setType(cause.getClass().getSimpleName());
            }
            dto.setMessage(classified.detail());
            LOG.info("{} {}: {}", classified.status(), where, classified.detail());
            Object body = dto;
            if (!classified.problems().isEmpty()) {
                Map<String, Object> withProblems = new LinkedHashMap<>();
                withProblems.put("type", dto.getType());
                withProblems.put("message", dto.getMessage());
                withProblems.put("code", dto.getCode());
                withProblems.put("problems", classified.problems());
                body = withProblems;
            }
            return Response.status(classified.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        int status = camunda.getStatus(exception).getStatusCode();
        ExceptionDto dto = camunda.fromException(exception);
        if (status < 500) {
            dto.setMessage(UserErrors.vietnameseFirst(status, dto.getMessage()));
            LOG.info("{} {}: {}", status, where, dto.getMessage());
        } else if (CommandFailureLogging.alreadyLogged(exception)) {
            LOG.error("{} {}: {} (logged above by the engine)", status, where, exception.toString());
        } else {
            LOG.error("{} {}", status, where, exception);
        }
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The exception in the chain that {@link UserErrors} classified: the most specific one the caller can fix. */
    private static Throwable userCause(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RestException) {
                continue;
            }
            if (UserErrors.classify(cause).userError() && (cause.getCause() == null
                    || !UserErrors.classify(cause.getCause()).userError())) {
                return cause;
            }
        }
        return exception;
    }
}
