package org.caseops.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address CaseOps does not serve (docs/web.md): a browser (it asks for {@code text/html}) gets the problem page
 * with 404 and the layout, so that it can go on from the menu; an API client gets an RFC 9457 problem detail, as for
 * every other refusal. Ahead of the API's handler, which would answer JSON to both.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownAddresses {

    private final ObjectMapper json;

    UnknownAddresses(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ModelAndView unknown(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        if (wantsHtml(request)) {
            return PageProblems.page(HttpStatus.NOT_FOUND, "Page not found", "CaseOps has no page at " + path
                    + ". The menu lists the pages you may open.");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no resource at " + request.getMethod() + " " + path);
        problem.setTitle("Not found");
        problem.setInstance(java.net.URI.create(path));
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return new ModelAndView();
    }

    /**
     * A browser names {@code text/html} in its Accept header; a script asks for JSON, problem JSON or anything
     * ({@code *}{@code /*}). HTML when it is named and wanted at least as much as JSON.
     */
    static boolean wantsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = 0;
        double json = 0;
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    continue;
                }
                if (type.equalsTypeAndSubtype(MediaType.TEXT_HTML)
                        || type.equalsTypeAndSubtype(MediaType.APPLICATION_XHTML_XML)) {
                    html = Math.max(html, type.getQualityValue());
                } else if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                        || type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)) {
                    json = Math.max(json, type.getQualityValue());
                }
            }
        } catch (RuntimeException unreadable) {
            return false;
        }
        return html > 0 && html >= json;
    }
}
