package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestDataValueProcessor;
import vn.dieuhanh.notification.Inbox;
import vn.dieuhanh.organisation.CurrentOfficials;

/**
 * Wires the web app's shell: {@link WorkspaceSecurityFilter} on every path (it passes through those with their own
 * security), the CSRF field in every Thymeleaf form, and the layout's model ({@code me}, {@code unread},
 * {@code work}) for every
 * page a controller renders.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceWebConfiguration implements WebMvcConfigurer {

    private final CurrentOfficials officials;
    private final Inbox inbox;
    private final ObjectProvider<MyWork> work;

    WorkspaceWebConfiguration(CurrentOfficials officials, Inbox inbox, ObjectProvider<MyWork> work) {
        this.officials = officials;
        this.inbox = inbox;
        this.work = work;
    }

    private static boolean isFragment(ModelAndView view) {
        return view.getViewName() != null && view.getViewName().contains("::");
    }

    @Bean
    FilterRegistrationBean<WorkspaceSecurityFilter> workspaceSecurity(ProcessEngine engine) {
        FilterRegistrationBean<WorkspaceSecurityFilter> registration =
                new FilterRegistrationBean<>(new WorkspaceSecurityFilter(engine));
        registration.setName("dieuhanh-workspace-security");
        registration.addUrlPatterns("/*");
        // after the ambiguous-path refusal and the login throttle, before anything answers
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    /**
     * Thymeleaf asks this bean (by its name) for hidden fields of every {@code <form th:action=...>}: the CSRF token.
     */
    @Bean(name = "requestDataValueProcessor")
    RequestDataValueProcessor requestDataValueProcessor() {
        return new RequestDataValueProcessor() {
            @Override
            public String processAction(HttpServletRequest request, String action, String httpMethod) {
                return action;
            }

            @Override
            public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
                return value;
            }

            @Override
            public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
                return Map.of(WorkspaceSecurityFilter.CSRF_PARAMETER, WebSession.csrfToken(request));
            }

            @Override
            public String processUrl(HttpServletRequest request, String url) {
                return url;
            }
        };
    }

    /** The layout's model ({@code csrfToken}, {@code me}, {@code unread}, {@code work}) for a page about to render. */
    void addLayoutModel(HttpServletRequest request, ModelAndView view) {
        view.addObject("csrfToken", WebSession.csrfToken(request));
        officials.current().ifPresent(me -> {
            view.addObject("me", me);
            if (!view.getModel().containsKey("unread")) {
                view.addObject("unread", inbox.unreadCount(me.userId()));
            }
            if (!view.getModel().containsKey("work") && !isFragment(view)) {
                view.addObject("work", work.getObject().count(me));
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                                   ModelAndView view) {
                if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
                    return;
                }
                addLayoutModel(request, view);
            }
        }).excludePathPatterns("/api/**", "/engine-rest/**", "/camunda/**", "/actuator/**");
    }
}
