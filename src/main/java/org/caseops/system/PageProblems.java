package org.caseops.system;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The problems of {@link Pages} controllers as the problem page, with the status and the detail a problem detail
 * would carry (the field at fault is named in the detail). Ahead of the API's handler, for page controllers only.
 */
@ControllerAdvice(annotations = Pages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler(BadInput.class)
    ModelAndView badInput(BadInput e) {
        return page(HttpStatus.BAD_REQUEST, "Cannot do that",
                e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e) {
        return page(HttpStatus.BAD_REQUEST, "Cannot do that", e.getName() + ": '" + e.getValue()
                + "' is not a valid value");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e) {
        return page(HttpStatus.BAD_REQUEST, "Cannot do that", e.getParameterName() + ": required");
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return page(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e) {
        return page(HttpStatus.CONFLICT, "Already changed", e.getMessage());
    }

    /**
     * A lock the page stopped waiting for, held by a long operation (a large first import): the problem page with 503
     * and {@code Retry-After}, as {@link ApiExceptionHandler#busy} answers the API.
     */
    @ExceptionHandler({org.springframework.dao.ConcurrencyFailureException.class,
            org.springframework.jdbc.UncategorizedSQLException.class})
    ModelAndView busy(org.springframework.dao.DataAccessException e,
            jakarta.servlet.http.HttpServletResponse response) {
        if (LongOperationBusy.lostToAConcurrentChange(e)) {
            return page(HttpStatus.CONFLICT, LongOperationBusy.CONCURRENT_TITLE, LongOperationBusy.CONCURRENT_DETAIL);
        }
        if (!LongOperationBusy.lockTimedOut(e)) {
            throw e;
        }
        response.setHeader("Retry-After", Integer.toString(LongOperationBusy.RETRY_AFTER_SECONDS));
        return page(HttpStatus.SERVICE_UNAVAILABLE, LongOperationBusy.TITLE, LongOperationBusy.DETAIL);
    }

    static ModelAndView page(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("problem");
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.setStatus(status);
        return page;
    }
}
