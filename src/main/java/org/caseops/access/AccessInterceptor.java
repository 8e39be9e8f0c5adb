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
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Enforces {@link Allow}: a CaseOps endpoint runs only for the roles it names. At start-up, refuses to run when any
 * CaseOps endpoint has neither {@link Allow} nor {@link Public}, so that no endpoint is ever born open.
 */
final class AccessInterceptor implements HandlerInterceptor {

    /** Request attributes set by {@link Access} when it refuses: the subject, and why (for the audit entry). */
    static final String REFUSED_SUBJECT = AccessInterceptor.class.getName() + ".subject";
    static final String REFUSED_REASON = AccessInterceptor.class.getName() + ".reason";

    private final Access access;

    AccessInterceptor(Access access) {
        this.access = access;
    }

    /**
     * Audits a refused request while its refusal is being resolved, before the answer is written: a 403 (a
     * {@link Forbidden}), or a 404 that hides a record the actor may not see ({@link Access} marked the request).
     * Runs after the request's own transaction has rolled back, so the entry is written in a transaction of its own
     * and stays on record. Resolves nothing itself: the answer is the exception handler's.
     */
    final class RefusalAudit implements HandlerExceptionResolver, Ordered {
        @Override
        public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception ex) {
            String reason = (String) request.getAttribute(REFUSED_REASON);
            if (ex instanceof Forbidden) {
                audit(request, HttpServletResponse.SC_FORBIDDEN, reason != null ? reason : ex.getMessage());
            } else if (reason != null) {
                audit(request, HttpServletResponse.SC_NOT_FOUND, reason);
            }
            return null;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }
    }

    /** Writes the refusal's audit entry; never fails the request it records. */
    void audit(HttpServletRequest request, int status, String reason) {
        try {
            Actor actor = signedIn();
            access.recordRefusal(actor == null ? null : actor.username(), actor == null ? null : actor.role(),
                    actor == null ? null : actor.fieldOffice(), (Access.Subject) request.getAttribute(REFUSED_SUBJECT),
                    Access.purpose(), org.caseops.system.RequestIds.current(), status + " "
                            + request.getMethod() + " " + request.getRequestURI() + (reason == null ? "" : ": " + reason));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(AccessInterceptor.class).warn("Could not audit a refused request", e);
        }
    }

    private Actor signedIn() {
        try {
            return access.actor();
        } catch (Forbidden notSignedIn) {
            return null;
        }
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
