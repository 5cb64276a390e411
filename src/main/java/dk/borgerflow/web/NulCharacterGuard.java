package dk.borgerflow.web;

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
 * notice). Such a value is a 400 naming the field, like any other malformed value. engine-rest has its
 * own object mapper and is unaffected.
 */
@Configuration
class NulCharacterGuard {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer rejectNulCharactersInStrings() {
        return builder -> builder.deserializerByType(String.class, new NoNulStrings());
    }

    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = super.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, value, "must not contain NUL characters");
            }
            return value;
        }
    }
}
