package dk.borgerflow.citizen;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The contact page's texts (resource bundles {@code citizen/kontakt[_sv|_en].properties}, Danish by
 * default) and its short message pages, which the gate writes before Spring MVC runs.
 */
@Component
class ContactPages {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final ITemplateEngine templates;
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    ContactPages(ITemplateEngine templates) {
        this.templates = templates;
        for (String language : new String[] {"da", "sv", "en"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("citizen.kontakt",
                    "da".equals(language) ? Locale.ROOT : Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> map = new HashMap<>();
            for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                map.put(key, bundle.getString(key));
            }
            texts.put(language, Map.copyOf(map));
        }
    }

    /** {@code da} (the default), {@code sv} or {@code en}. */
    static String language(String requested) {
        return "sv".equals(requested) || "en".equals(requested) ? requested : "da";
    }

    Map<String, String> texts(String language) {
        return texts.get(language(language));
    }

    String text(String language, String key, Object... arguments) {
        String pattern = texts(language).getOrDefault(key, key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** A short page (heading and one line), with its status, written directly to the response. */
    void writeMessage(HttpServletResponse response, int status, String language, String key, Object... arguments)
            throws IOException {
        byte[] body = message(language, key, arguments).getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Connection", "close");
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    String message(String language, String key, Object... arguments) {
        Context context = new Context(Locale.forLanguageTag(language(language)));
        context.setVariable("t", texts(language));
        context.setVariable("lang", language(language));
        context.setVariable("line", text(language, key, arguments));
        return templates.process("kontakt/message", context);
    }
}
