package org.caseops.system;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's handler lookup with each request mapping's literal path prefix checked first (issue 12, goal 2;
 * bench/RESULTS.md).
 *
 * <p>For a path with a variable ({@code /api/people/991000001}) Spring MVC checks every request mapping's conditions in
 * turn — 371 here: the request's method and CORS pre-flight headers read through the request's wrappers, then the path
 * patterns — and a profile of person reads found that lookup in about a third of the server's CPU samples. A pattern
 * can only match a path that starts with its literal part up to the last {@code /} before its first variable or
 * wildcard ({@code /api/people} for {@code /api/people/{aNumber}/notes}); {@link PathIndexed} compares that first, a
 * string comparison, and asks Spring's own conditions only of the mappings that pass. Which handler is chosen, and
 * every 404, 405 and 415, are Spring's as before: a mapping the check skips is one whose patterns cannot match, and the
 * reasons for a 405 or 415 are found by Spring from all mappings, not through this check. A path with an escaped
 * ({@code %}) or a matrix ({@code ;}) part, which Spring matches decoded, and a case-insensitive pattern parser, are
 * looked up without the check.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class HandlerLookup {

    @Bean
    WebMvcRegistrations pathIndexedHandlerMapping() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PathIndexed();
            }
        };
    }

    /** The request mapping handler mapping that checks a mapping's literal path prefix before its conditions. */
    static final class PathIndexed extends RequestMappingHandlerMapping {

        /** The path being looked up on this thread, when the prefix check applies to it. */
        private static final ThreadLocal<String> PATH = new ThreadLocal<>();
        private static final String[] ANY = new String[0];

        /** Each mapping's patterns' literal prefixes; {@link #ANY} (no check) for a mapping without patterns. */
        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            prefixes.put(mapping, prefixes(mapping));
        }

        static String[] prefixes(RequestMappingInfo mapping) {
            PathPatternsRequestCondition paths = mapping.getPathPatternsCondition();
            if (paths == null || paths.getPatterns().isEmpty()) {
                return ANY;
            }
            return paths.getPatterns().stream().map(PathPattern::getPatternString).map(PathIndexed::literalPrefix)
                    .toArray(String[]::new);
        }

        /**
         * The pattern up to (without) the last {@code /} before its first variable or wildcard — {@code /css/**} and
         * {@code /files/{*rest}} match {@code /css} and {@code /files} too — or all of it when it has none.
         */
        static String literalPrefix(String pattern) {
            int wild = pattern.length();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    wild = i;
                    break;
                }
            }
            if (wild == pattern.length()) {
                return pattern;
            }
            return pattern.substring(0, Math.max(0, pattern.lastIndexOf('/', wild)));
        }

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            String outer = PATH.get();
            boolean checked = getPatternParser() != null && getPatternParser().isCaseSensitive()
                    && lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0;
            PATH.set(checked ? lookupPath : null);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                if (outer == null) {
                    PATH.remove();
                } else {
                    PATH.set(outer);
                }
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = PATH.get();
            if (path != null && !mayMatch(prefixes.get(info), path)) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        static boolean mayMatch(String[] literal, String path) {
            if (literal == null || literal.length == 0) {
                return true;
            }
            for (String prefix : literal) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }
    }
}
