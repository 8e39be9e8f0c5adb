package org.caseops.system;

import java.net.URI;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error as an RFC 9457 problem detail; a 400 names the field at fault in {@code field}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final URI BAD_INPUT = URI.create("https://caseops.example/problems/bad-input");
    static final URI TOO_LARGE = URI.create("https://caseops.example/problems/too-large");
    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile(
            "Duplicate field '([^']*)'");

    @ExceptionHandler(BadInput.class)
    ProblemDetail badInput(BadInput e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("Not found");
        return problem;
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Conflict");
        return problem;
    }

    /**
     * A lock the request stopped waiting for ({@code caseops.db.request-lock-timeout}), held by a long operation such
     * as a large first import: 503 with {@code Retry-After} ({@link LongOperationBusy}). Spring's translation of
     * SQL states leaves 55P03 uncategorized; with PostgreSQL's error codes it is {@code CannotAcquireLockException}.
     * A deadlock or a serialization failure (40P01, 40001: a {@code ConcurrencyFailureException}) is a 409 problem
     * detail instead ({@link #concurrentProblem}). Any other such error goes on as before.
     */
    @ExceptionHandler({org.springframework.dao.ConcurrencyFailureException.class,
            org.springframework.jdbc.UncategorizedSQLException.class})
    ResponseEntity<ProblemDetail> busy(org.springframework.dao.DataAccessException e) {
        if (LongOperationBusy.lostToAConcurrentChange(e)) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(concurrentProblem());
        }
        if (!LongOperationBusy.lockTimedOut(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(LongOperationBusy.RETRY_AFTER_SECONDS))
                .body(busyProblem());
    }

    /**
     * The request's transaction lost to a concurrent one (a deadlock, a serialization failure): 409, nothing saved,
     * try again — never a 500.
     */
    static ProblemDetail concurrentProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                LongOperationBusy.CONCURRENT_DETAIL);
        problem.setTitle(LongOperationBusy.CONCURRENT_TITLE);
        return problem;
    }

    static ProblemDetail busyProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                LongOperationBusy.DETAIL);
        problem.setTitle(LongOperationBusy.TITLE);
        problem.setType(URI.create(LongOperationBusy.TYPE));
        return problem;
    }

    /**
     * A rule the database holds refused the change (the family gate's triggers, a check constraint): 409 with the
     * database's own words, which name the rule and the record.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail refusedByTheDatabase(org.springframework.dao.DataIntegrityViolationException e) {
        Throwable cause = e.getMostSpecificCause();
        String message = cause.getMessage() == null ? "refused by a database rule" : cause.getMessage();
        if (badValue(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "a value is out of "
                    + "range or too long: " + message.replaceFirst("(?s)^ERROR: ", "").replaceFirst("(?s)\\n.*$", ""));
            problem.setTitle("Bad input");
            problem.setType(BAD_INPUT);
            return problem;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                message.replaceFirst("(?s)^ERROR: ", "").replaceFirst("(?s)\\n\\s*(Hint|Where):.*$", ""));
        problem.setTitle("Refused by a rule the database holds");
        return problem;
    }

    /**
     * A database check on a value (too long for its column, out of a type's range, malformed): the request's fault,
     * a 400, never a 500. Other refusals by a database rule stay 409 ({@link #refusedByTheDatabase}).
     */
    static boolean badValue(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** A request too large for its endpoint (multipart uploads; bodies are limited by {@link RequestSizeLimit}). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            org.springframework.web.multipart.MaxUploadSizeExceededException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge("the upload is larger than "
                + (ex.getMaxUploadSize() > 0 ? ex.getMaxUploadSize() + " bytes" : "this server accepts")
                + " (spring.servlet.multipart.max-file-size, max-request-size)"));
    }

    /** 413 as a problem detail. */
    static ProblemDetail tooLarge(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, detail);
        problem.setTitle("Request too large");
        problem.setType(TOO_LARGE);
        return problem;
    }

    /** A multipart request that cannot be read (cut short, no boundary): the client's fault. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail unreadableUpload(org.springframework.web.multipart.MultipartException e) {
        if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
            return tooLarge("the upload is larger than this server accepts");
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "the upload cannot be read as multipart/form-data: " + e.getMostSpecificCause().getMessage());
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + ex.getValue() + "' is not a valid value for " + field
                        + (ex.getRequiredType() != null ? " (expected " + describe(ex.getRequiredType()) + ")" : ""));
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(ex.getParameterName());
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return missing(ex.getRequestPartName());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var error = ex.getBindingResult().getFieldError();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, error == null
                ? "invalid request" : error.getField() + ": " + error.getDefaultMessage());
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        if (error != null) {
            problem.setProperty("field", error.getField());
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimit.BodyTooLarge tooLarge) {
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge.getMessage()));
            }
        }
        String field = null;
        String detail = "the request body is not valid JSON for this endpoint";
        if (ex.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).reduce((a, b) -> a + "." + b).orElse(null);
            detail = mapping instanceof InputLimits.OutOfLimits ? field + ": " + mapping.getOriginalMessage()
                    : "'" + field + "' has a value of the wrong form"
                    + (mapping instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid
                    && invalid.getTargetType() != null ? " (expected " + describe(invalid.getTargetType()) + ")" : "");
        } else if (ex.getCause() instanceof com.fasterxml.jackson.core.JsonParseException parse
                && parse.getOriginalMessage() != null) {
            java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(parse.getOriginalMessage());
            if (duplicate.find()) {
                field = duplicate.group(1);
                detail = "'" + field + "' appears twice in the request body: say it once";
            } else {
                detail = "the request body is not valid JSON: " + parse.getOriginalMessage()
                        + (parse.getLocation() == null ? "" : " (line " + parse.getLocation().getLineNr()
                        + ", column " + parse.getLocation().getColumnNr() + ")");
            }
        } else if (ex.getCause() instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException limit) {
            detail = "the request body exceeds a limit: " + limit.getOriginalMessage();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> missing(String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " is required");
        problem.setTitle("Bad input");
        problem.setType(BAD_INPUT);
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String describe(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date, yyyy-MM-dd, from " + InputLimits.EARLIEST + " to " + InputLimits.LATEST;
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type.getSimpleName();
    }
}
