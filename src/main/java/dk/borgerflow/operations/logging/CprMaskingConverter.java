package dk.borgerflow.operations.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * Logback composite converter {@code %cprMask(...)}: masks CPR numbers in everything its inner
 * pattern renders, i.e. the message, MDC values, and the stack trace with exception messages when
 * the throwable converter is inside. {@code logback-spring.xml} wraps the whole console and file
 * patterns in it (followed by {@code %nopex}, so Logback adds no unmasked stack trace of its own).
 */
public class CprMaskingConverter extends CompositeConverter<ILoggingEvent> {

    @Override
    protected String transform(ILoggingEvent event, String in) {
        return CprMasking.mask(in);
    }
}
