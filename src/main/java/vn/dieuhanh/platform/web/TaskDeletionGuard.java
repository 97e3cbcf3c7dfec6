package vn.dieuhanh.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.sub.task.TaskResource;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE .../task/{id}} through engine REST or the webapps' engine API: authorization before existence.
 * Camunda's delete command looks the task up and refuses a task of a running process with a 500 ("part of a running
 * process") before it checks the caller's permission, which tells a ward that another ward's task exists; a
 * non-existent id was a silent 204. Here the caller's view decides first: a task the caller may not read and a task
 * that does not exist get the same 404; a task of a running process that the caller sees is a 400 (it ends with its
 * process, never by deletion). Standalone tasks the caller may see go on to the engine, which checks the delete
 * permission. Matched by the resource method (not the URL), so every path spelling that reaches it is covered.
 */
public class TaskDeletionGuard implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDeletionGuard.class);

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null || !"deleteTask".equals(method.getName())
                || !TaskResource.class.isAssignableFrom(resource.getResourceClass())) {
            return;
        }
        String taskId = request.getUriInfo().getPathParameters().getFirst("id");
        ProcessEngine engine = EngineUtil.lookupProcessEngine(
                request.getUriInfo().getPathParameters().getFirst("name"));
        Task task = taskId == null ? null : engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            refuse(request, 404, "Không tìm thấy việc '" + taskId + "', hoặc người gọi không được xem (no task '"
                    + taskId + "' that the caller may see)");
        } else if (task.getProcessInstanceId() != null || task.getCaseInstanceId() != null) {
            refuse(request, 400, "Việc thuộc một quy trình đang chạy, không xoá được; việc kết thúc cùng quy trình "
                    + "(a task of a running process cannot be deleted)");
        }
    }

    private static void refuse(ContainerRequestContext request, int status, String message) {
        LOG.info("{} DELETE {}: {}", status, request.getUriInfo().getPath(), message);
        ExceptionDto dto = new ExceptionDto();
        dto.setType(status == 404 ? "NotFound" : "InputRejected");
        dto.setMessage(message);
        request.abortWith(Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build());
    }
}
