package org.studioresidency.pairing.service;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A name or other one-line value: no line break, tab or other control character (C0, C1, Unicode line and paragraph
 * separators, bidirectional and other format characters except the zero-width joiners some scripts need). Names end up in email subjects, calendar entries and CSV
 * exports, where such characters split headers or hide text. The one rule for every name this service accepts,
 * from the API and from imports.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    String MESSAGE = "must be one line of text, without line breaks, tabs or other control characters";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        /** True when the value is empty or holds no control, separator or format character. */
        public static boolean isPlain(String value) {
            return value == null || value.codePoints().noneMatch(c -> Character.isISOControl(c)
                    || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
                    || Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D || c == 0xFFFD);
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return isPlain(value);
        }
    }
}
