package dk.borgerflow.security;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Bean Validation: a free-text field must not hold a CPR number ({@link CprInText#containsCpr}).
 * A refused request is a 400 naming the field, with {@link CprInText#WHERE_IT_BELONGS} as message,
 * so the number never reaches a row, a process variable or a log line. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = NoCpr.Validator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface NoCpr {

    String message() default CprInText.WHERE_IT_BELONGS;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text with {@link CprInText}. */
    final class Validator implements ConstraintValidator<NoCpr, CharSequence> {

        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return !CprInText.containsCpr(value);
        }
    }
}
