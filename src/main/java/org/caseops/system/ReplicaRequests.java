package org.caseops.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The requests' side of the read replica (ADR 013, {@link ReplicaRouting}): decides per request whether its read-only
 * transactions may go to the replica (its handler is marked {@link ReplicaRead}), keeps the primary's WAL position
 * after a request that may have written, and shows the replica's figures under {@code replica} in
 * {@code /actuator/info}. Does nothing when no replica is configured.
 */
@Configuration(proxyBeanMethods = false)
class ReplicaRequests {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRequests.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String KEPT = ReplicaRequests.class.getName() + ".kept";

    /** Boot gives the transaction manager every listener bean (ExecutionListenersTransactionManagerCustomizer). */
    @Bean
    TransactionExecutionListener replicaTransactions(ReplicaRouting routing) {
        return routing.listener();
    }

    @Bean
    InfoContributor replicaInfo(ReplicaRouting routing) {
        return info -> info.withDetail("replica", routing.info());
    }

    @Bean
    Interceptor replicaRequestInterceptor(ReplicaRouting routing, DataSource dataSource) {
        return new Interceptor(routing, dataSource);
    }

    @Bean
    WebMvcConfigurer replicaInterceptor(ReplicaRouting routing, Interceptor interceptor) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                if (routing.enabled()) {
                    registry.addInterceptor(interceptor);
                }
            }
        };
    }

    /** An API answer's body is written inside the handler's call: the write's position is kept just before. */
    @ControllerAdvice
    static final class Bodies implements ResponseBodyAdvice<Object> {

        private final ReplicaRouting routing;
        private final Interceptor interceptor;

        Bodies(ReplicaRouting routing, Interceptor interceptor) {
            this.routing = routing;
            this.interceptor = interceptor;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return routing.enabled();
        }

        @Override
        public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
                ServerHttpResponse response) {
            if (request instanceof ServletServerHttpRequest servlet) {
                interceptor.afterWrite(servlet.getServletRequest());
            }
            return body;
        }
    }

    @EventListener
    void started(ContextRefreshedEvent event) {
        event.getApplicationContext().getBean(ReplicaRouting.class).start();
    }

    static final class Interceptor implements HandlerInterceptor {

        private final ReplicaRouting routing;
        private final DataSource dataSource;

        Interceptor(ReplicaRouting routing, DataSource dataSource) {
            this.routing = routing;
            this.dataSource = dataSource;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (handler instanceof HandlerMethod method && marked(method)) {
                HttpSession session = request.getSession(false);
                Object lsn = session == null ? null : session.getAttribute(ReplicaRouting.SESSION_LSN);
                routing.decide(user(request), lsn instanceof Long l ? l : null);
            }
            return true;
        }

        private static boolean marked(HandlerMethod method) {
            return AnnotatedElementUtils.hasAnnotation(method.getMethod(), ReplicaRead.class)
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ReplicaRead.class);
        }

        /** A page's answer (a view, a redirect) is written after this: the write's position is kept before. */
        @Override
        public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                ModelAndView view) {
            afterWrite(request);
        }

        @Override
        public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                Exception ex) {
            ReplicaRouting.endRequest();
            afterWrite(request);
        }

        /**
         * After a request that may have written (any method but GET, HEAD, OPTIONS), keeps the primary's WAL position
         * for its user, once per request and before its answer is written: the user's next request may come as soon
         * as the answer arrives, and must then find it.
         */
        void afterWrite(HttpServletRequest request) {
            if (SAFE.contains(request.getMethod()) || request.getAttribute(KEPT) != null) {
                return;
            }
            String user = user(request);
            if (user == null) {
                return;
            }
            request.setAttribute(KEPT, Boolean.TRUE);
            Connection c = null;
            try {
                c = DataSourceUtils.getConnection(dataSource);
                long lsn = ReplicaRouting.currentLsn(c);
                routing.written(user, lsn);
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.setAttribute(ReplicaRouting.SESSION_LSN, lsn);
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not read the primary's WAL position after a write by {}: their reads stay on the "
                        + "replica's lag bound only", user, e);
            } finally {
                DataSourceUtils.releaseConnection(c, dataSource);
            }
        }

        /** The signed-in user's name, or null (anonymous). */
        private static String user(HttpServletRequest request) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken ? null
                    : auth.getName();
        }
    }
}
