package org.caseops.system;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * The addresses of CaseOps's own stylesheet and script carry a hash of their content ({@code /css/caseops-<md5>.css},
 * docs/web.md, "Static files"): Spring's {@link ResourceUrlEncodingFilter} rewrites every link Thymeleaf writes
 * ({@code @{...}}) through the static-resource chain. Asked about every link of a page ({@code /people/991000001},
 * {@code /queues?tab=team}…), the chain looks each up as a file, in the four static locations and in every jar on
 * the class path, and a lookup that finds nothing is not cached: about a tenth of the CPU of a page (a profile of the
 * browser tests, docs/testing.md). This registration takes the place of Spring Boot's (which steps back when one
 * exists) and hands the chain only the links under the content-addressed paths
 * ({@code spring.web.resources.chain.strategy.content.paths}, {@code /css/**} and {@code /js/**}); every other link
 * is written as it is, as the chain would have written it (it finds no file there). Webjars keep their versioned
 * address, which the chain never changed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class StaticLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter(WebProperties web) {
        List<String> paths = List.of(web.getResources().getChain().getStrategy().getContent().getPaths());
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ContentAddressedOnly(paths));
        // as Spring Boot registers its own
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Spring's filter, consulted only for links under {@code paths}. */
    static final class ContentAddressedOnly extends ResourceUrlEncodingFilter {

        private final List<String> paths;

        ContentAddressedOnly(List<String> paths) {
            this.paths = paths;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse plain)) {
                super.doFilter(request, response, chain);
                return;
            }
            String context = http.getContextPath();
            super.doFilter(request, response, (wrappedRequest, rewriting) -> chain.doFilter(wrappedRequest,
                    new Narrowed((HttpServletResponse) rewriting, plain, context, paths)));
        }
    }

    /** Links under the content-addressed paths go through Spring's rewriting response; all others do not. */
    static final class Narrowed extends HttpServletResponseWrapper {

        private static final AntPathMatcher MATCHER = new AntPathMatcher();

        private final HttpServletResponse plain;
        private final String context;
        private final List<String> paths;

        Narrowed(HttpServletResponse rewriting, HttpServletResponse plain, String context, List<String> paths) {
            super(rewriting);
            this.plain = plain;
            this.context = context;
            this.paths = paths;
        }

        @Override
        public String encodeURL(String url) {
            return contentAddressed(url) ? super.encodeURL(url) : plain.encodeURL(url);
        }

        boolean contentAddressed(String url) {
            if (!url.startsWith(context)) {
                return false;
            }
            String path = url.substring(context.length());
            int end = path.length();
            for (char c : new char[] {'?', '#'}) {
                int at = path.indexOf(c);
                if (at >= 0 && at < end) {
                    end = at;
                }
            }
            String lookup = path.substring(0, end);
            for (String pattern : paths) {
                if (MATCHER.match(pattern, lookup)) {
                    return true;
                }
            }
            return false;
        }
    }
}
