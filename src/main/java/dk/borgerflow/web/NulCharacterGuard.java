package dk.borgerflow.web;

import dk.borgerflow.security.StorableText;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON strings of our API must not contain NUL (U+0000): PostgreSQL cannot store it in a text
 * column and the insert would fail with a 500 (H2 stores it, so the default test profile would never
 * notice). Nor lone surrogates or noncharacters ({@link StorableText}): the first would be stored as
 * {@code ?}, U+FFFE/U+FFFF cannot appear in the høringsnotat's XHTML. Such a value is a 400 naming
 * the field, like any other malformed value. engine-rest has its own object mapper and is unaffected.
 */
@Configuration
class NulCharacterGuard {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer rejectNulCharactersInStrings() {
        return builder -> builder.deserializerByType(String.class, new NoNulStrings());
    }

    /** A JSON string {@link StorableText} refuses; answered as 400 naming the field with the reason. */
    static final class UnstorableText extends com.fasterxml.jackson.databind.exc.MismatchedInputException {

        UnstorableText(JsonParser p, String reason) {
            super(p, reason, String.class);
        }
    }

    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            String problem = StorableText.problem(value);
            if (problem != null) {
                // the message is the reason only: the value itself (maybe long, maybe personal) stays out of it
                throw new UnstorableText(p, problem);
            }
            return value;
        }
    }
}
