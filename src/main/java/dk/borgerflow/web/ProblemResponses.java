package dk.borgerflow.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import dk.borgerflow.consultation.ConsultationClosed;
import dk.borgerflow.consultation.ConsultationConflict;
import dk.borgerflow.consultation.ConsultationNotFound;
import dk.borgerflow.consultation.InvalidConsultationInput;
import dk.borgerflow.deadline.CalendarConflict;
import dk.borgerflow.deadline.CalendarEntryNotFound;
import dk.borgerflow.deadline.InvalidCalendarInput;
import dk.borgerflow.inquiry.InquiryConflict;
import dk.borgerflow.inquiry.InquiryNotFound;
import dk.borgerflow.inquiry.InvalidInquiryInput;
import dk.borgerflow.reporting.InvalidReportParameter;
import dk.borgerflow.security.AccessRefused;
import dk.borgerflow.selfservice.InvalidSelfServiceInput;
import dk.borgerflow.selfservice.SelfServiceNotFound;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.security.access.AccessDeniedException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of our API as RFC 9457 problem+json. Validation problems name the field in
 * {@code field} (the first) and list all in {@code errors}; no stack traces, no internals.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    static final URI INVALID_INPUT = URI.create("urn:borgerflow:problem:invalid-input");

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail payloadTooLarge(PayloadTooLargeException e) {
        return invalid(List.of(new FieldError("body", e.getMessage())));
    }

    /** A multipart body that cannot be parsed (no boundary, truncated): the client's fault, not a 500. */
    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ProblemDetail unreadableMultipart(org.springframework.web.multipart.MultipartException e) {
        return invalid(List.of(new FieldError("body", "is not a readable multipart/form-data body")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return invalid(e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList());
    }

    /** Spring Security's firewall refused a parameter, header or path (e.g. a form body with odd names). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(RuntimeException e) {
        return invalid(List.of(new FieldError("request", "was rejected: malformed parameter, header or path")));
    }

    // ---- the domain modules' own exceptions ----

    @ExceptionHandler(InvalidInquiryInput.class)
    ProblemDetail invalidInquiry(InvalidInquiryInput e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidConsultationInput.class)
    ProblemDetail invalidConsultation(InvalidConsultationInput e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidCalendarInput.class)
    ProblemDetail invalidCalendar(InvalidCalendarInput e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler(InvalidReportParameter.class)
    ProblemDetail invalidReportParameter(InvalidReportParameter e) {
        return invalid(List.of(new FieldError(e.parameter(), e.getMessage())));
    }

    @ExceptionHandler(InvalidSelfServiceInput.class)
    ProblemDetail invalidSelfService(InvalidSelfServiceInput e) {
        return invalid(List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler({InquiryNotFound.class, ConsultationNotFound.class, CalendarEntryNotFound.class,
            SelfServiceNotFound.class})
    ProblemDetail notFound(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Ikke fundet", e.getMessage());
    }

    @ExceptionHandler(ConsultationClosed.class)
    ProblemDetail gone(RuntimeException e) {
        return problem(HttpStatus.GONE, "Ikke længere tilgængelig", e.getMessage());
    }

    @ExceptionHandler({InquiryConflict.class, ConsultationConflict.class, CalendarConflict.class})
    ProblemDetail conflict(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Konflikt", e.getMessage());
    }

    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class,
            org.springframework.dao.ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, "Konflikt",
                e instanceof TaskAlreadyClaimedException
                        ? "The task has already been claimed by another user."
                        : "Someone else changed this at the same time; reload and try again.");
    }

    /**
     * Our own refusals (domain rules such as a closed inquiry, {@link Refusals}) answer 409 with their
     * message. Any other bad request from the engine means we passed it something our validation
     * should have caught: not understood, so a 500 with a log line.
     */
    @ExceptionHandler(BadUserRequestException.class)
    ProblemDetail refused(BadUserRequestException e) {
        return Refusals.isRefusal(e) ? refusal(e) : unexpected(e);
    }

    private static ProblemDetail refusal(Throwable refusal) {
        return problem(HttpStatus.CONFLICT, "Ikke muligt", refusal.getMessage());
    }

    @ExceptionHandler({AuthorizationException.class, AccessDeniedException.class, AccessRefused.class})
    ProblemDetail forbidden(RuntimeException e) {
        return problem(HttpStatus.FORBIDDEN, "Ingen adgang", "You are not allowed to do this.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        // a refusal the engine wrapped on its way out (e.g. thrown by a listener) is still understood
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (Refusals.isRefusal(cause)) {
                return refusal(cause);
            }
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Intern fejl",
                "An unexpected error occurred; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = findCause(e, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.badRequest().body(payloadTooLarge(tooLarge));
        }
        JsonMappingException mapping = findCause(e, JsonMappingException.class);
        boolean syntaxError = findCause(e, com.fasterxml.jackson.core.JsonParseException.class) != null;
        if (mapping != null && !mapping.getPath().isEmpty() && !syntaxError) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof NulCharacterGuard.UnstorableText u ? u.getOriginalMessage()
                    : mapping instanceof InvalidFormatException f && f.getTargetType().isEnum()
                    ? "must be one of " + List.of(f.getTargetType().getEnumConstants())
                    : mapping instanceof MismatchedInputException ? "has the wrong type or format"
                    : "could not be read";
            return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field, message))));
        }
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body",
                "is not well-formed JSON"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(org.springframework.beans.TypeMismatchException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(field,
                "has the wrong type or format"))));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own problems (405, 406, 415, missing parameter...) keep their status, lose internals
        if (body instanceof ProblemDetail pd && pd.getDetail() != null && pd.getDetail().contains("Exception")) {
            pd.setDetail(null);
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail pd = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        pd.setType(INVALID_INPUT);
        pd.setTitle("Ugyldigt input");
        FieldError first = errors.isEmpty() ? new FieldError("body", "is invalid") : errors.get(0);
        pd.setDetail(first.field() + " " + first.message());
        pd.setProperty("field", first.field());
        pd.setProperty("errors", errors.stream()
                .map(f -> Map.of("field", f.field(), "message", String.valueOf(f.message())))
                .toList());
        return pd;
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        return pd;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T findCause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return (T) c;
            }
        }
        return null;
    }

    record FieldError(String field, String message) {
    }
}
