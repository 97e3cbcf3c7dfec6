package vn.dieuhanh.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.organisation.CurrentOfficials;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * Resolves {@link CurrentOfficial} controller parameters from the login the authentication filter set on the engine
 * for this request, completed from the directory. Remembered on the request, so a page asks once.
 */
@Configuration(proxyBeanMethods = false)
class CurrentOfficialResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer, CurrentOfficials {

    static final String ATTRIBUTE = CurrentOfficial.class.getName();

    private final IdentityService identityService;
    private final OrganisationDirectory directory;

    CurrentOfficialResolver(IdentityService identityService, OrganisationDirectory directory) {
        this.identityService = identityService;
        this.directory = directory;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return CurrentOfficial.class.equals(parameter.getParameterType());
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        Object known = request.getAttribute(ATTRIBUTE, NativeWebRequest.SCOPE_REQUEST);
        if (known instanceof CurrentOfficial official) {
            return official;
        }
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            // the filters let no anonymous request reach a controller that asks for the official
            throw new IllegalStateException("No authenticated official on this request");
        }
        CurrentOfficial official = of(authentication);
        request.setAttribute(ATTRIBUTE, official, NativeWebRequest.SCOPE_REQUEST);
        return official;
    }

    @Override
    public Optional<CurrentOfficial> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        Object known = request == null ? null : request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (known instanceof CurrentOfficial official) {
            return Optional.of(official);
        }
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return Optional.empty();
        }
        CurrentOfficial official = of(authentication);
        if (request != null) {
            request.setAttribute(ATTRIBUTE, official, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(official);
    }

    CurrentOfficial of(Authentication authentication) {
        String userId = authentication.getUserId();
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        Optional<Official> official = directory.official(userId);
        if (official.isPresent()) {
            Official o = official.get();
            return new CurrentOfficial(userId, o.fullName(), directory.unit(o.unitCode()).orElse(null),
                    o.divisionCode(), o.role(), groups);
        }
        User user = identityService.createUserQuery().userId(userId).singleResult();
        String name = user == null ? userId
                : ((user.getFirstName() == null ? "" : user.getFirstName() + " ")
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return new CurrentOfficial(userId, name, null, null, null, groups);
    }
}
