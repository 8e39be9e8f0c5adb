package org.caseops.access;

import jakarta.servlet.Filter;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.web.servlet.handler.HandlerMappingIntrospector;

/**
 * How Spring Security matches a request's path: with {@code PathPattern}s of its own, not by asking Spring MVC which
 * handler the request goes to (issue 12, goal 2; bench/RESULTS.md).
 *
 * <p>Spring Security 6 matches {@code requestMatchers("/login", …)} through Spring MVC's
 * {@link HandlerMappingIntrospector}, and wraps its filter chain in the introspector's cache filter, which looks up
 * the request's handler — every request mapping's conditions in turn, 371 of them here — before the chain runs, so
 * that its matchers can share the result. The dispatcher then looks the handler up again. A profile of person reads
 * at 16 clients found that first lookup in 17.6 % of the server's CPU samples. Here the matchers are
 * {@code PathPatternRequestMatcher}s (Spring Security 6.5's opt-in, its default from 7), which need no lookup, and the
 * introspector's cache filter lets the request through without one. Anything else that asks the introspector (a CORS
 * configuration source, an {@code MvcRequestMatcher}) still gets the right answer, from a lookup of its own; Spring
 * logs that once at WARN ("Cache miss"), and nothing in CaseOps does.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityMatching {

    static final String INTROSPECTOR = "mvcHandlerMappingIntrospector";

    /** {@code requestMatchers(String…)} builds {@code PathPatternRequestMatcher}s. */
    @Bean
    static PathPatternRequestMatcherBuilderFactoryBean pathPatternRequestMatchers() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    /** Spring MVC's introspector, but with a cache filter that looks nothing up ({@link OneHandlerLookup}). */
    @Bean
    static BeanDefinitionRegistryPostProcessor oneHandlerLookupPerRequest() {
        return registry -> replace(registry);
    }

    private static void replace(BeanDefinitionRegistry registry) {
        if (registry.containsBeanDefinition(INTROSPECTOR)) {
            RootBeanDefinition introspector = new RootBeanDefinition(OneHandlerLookup.class);
            introspector.setLazyInit(true);
            registry.removeBeanDefinition(INTROSPECTOR);
            registry.registerBeanDefinition(INTROSPECTOR, introspector);
        }
    }

    /** The introspector whose cache filter does not fill the cache: no handler lookup before the dispatcher's. */
    static final class OneHandlerLookup extends HandlerMappingIntrospector {
        @Override
        public Filter createCacheFilter() {
            return (request, response, chain) -> chain.doFilter(request, response);
        }
    }
}
