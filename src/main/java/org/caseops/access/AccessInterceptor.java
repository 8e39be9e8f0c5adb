package org.caseops.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import org.caseops.system.Forbidden;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enforces {@link Allow}: a CaseOps endpoint runs only for the roles it names. At start-up, refuses to run when any
 * CaseOps endpoint has neither {@link Allow} nor {@link Public}, so that no endpoint is ever born open.
 */
final class AccessInterceptor implements HandlerInterceptor {

    private final Access access;

    AccessInterceptor(Access access) {
        this.access = access;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !ours(method)
                || request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // an async dispatch completes a request that was checked when it began
        }
        if (isPublic(method)) {
            return true;
        }
        Allow allow = allow(method);
        Actor actor = access.actor();
        if (allow == null || !actor.is(allow.value())) {
            throw new Forbidden(actor.role() + " may not " + request.getMethod() + " " + request.getRequestURI());
        }
        return true;
    }

    /** The roles of an endpoint, or {@code null} when it is public or has none. */
    static Allow allow(HandlerMethod method) {
        Allow allow = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allow.class);
        return allow != null ? allow : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allow.class);
    }

    static boolean isPublic(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), Public.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), Public.class);
    }

    static boolean ours(HandlerMethod method) {
        return method.getBeanType().getName().startsWith("org.caseops.");
    }

    /** Fails start-up when a CaseOps endpoint says nothing about who may call it. */
    @EventListener
    void checkEveryEndpoint(ContextRefreshedEvent event) {
        ApplicationContext context = event.getApplicationContext();
        List<String> open = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            mapping.getHandlerMethods().forEach((info, method) -> {
                if (ours(method) && !isPublic(method) && allow(method) == null) {
                    open.add(info + " " + method);
                }
            });
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("endpoints without @Allow or @Public: " + String.join(", ", open));
        }
    }
}
