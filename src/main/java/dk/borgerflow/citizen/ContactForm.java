package dk.borgerflow.citizen;

import dk.borgerflow.security.CprInText;
import dk.borgerflow.security.StorableText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The help form as sent, and its check: only what is needed (the question, one way to reach the
 * citizen, Digital Post exemption, interpreter, other help), sizes capped, no CPR number anywhere.
 * Errors are message keys per field, shown next to the fields and in a summary at the top.
 */
record ContactForm(String municipality, String topic, String question, String name, String phone, String email,
        boolean digitallyExempt, boolean needsInterpreter, String interpreterLanguage, String otherHelp,
        String reference, String honeypot) {

    static final int MAX_QUESTION = 2000;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{4,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}");

    /** The fields as {@link ContactService} takes them: trimmed, blank as null. */
    record Checked(String municipality, String topic, String question, String name, String phone, String email,
            boolean digitallyExempt, boolean needsInterpreter, String interpreterLanguage, String otherHelp) {
    }

    /** A script filled the field no person sees. */
    boolean isScripted() {
        return honeypot != null && !honeypot.isEmpty();
    }

    /** Field → message key; empty when the form can be sent. */
    Map<String, String> errors(Predicate<String> knownMunicipality, Predicate<String> knownTopic) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (blank(municipality) || !knownMunicipality.test(municipality)) {
            errors.put("municipality", "err.municipality");
        }
        if (blank(topic) || !knownTopic.test(topic)) {
            errors.put("topic", "err.topic");
        }
        text(errors, "helpQuestion", question, MAX_QUESTION, true, "err.helpQuestion");
        text(errors, "name", name, 200, false, "err.tooLong");
        if (blank(phone) && blank(email)) {
            errors.put("phone", "err.contact");
        }
        if (!blank(phone) && !PHONE.matcher(phone.strip()).matches()) {
            errors.put("phone", "err.phone");
        }
        if (!blank(email) && (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches())) {
            errors.put("email", "err.email");
        }
        text(errors, "interpreterLanguage", interpreterLanguage, 40, false, "err.tooLong");
        text(errors, "otherHelp", otherHelp, 400, false, "err.tooLong");
        return errors;
    }

    Checked checked() {
        return new Checked(municipality.strip(), topic.strip(), question.strip(), trim(name), trim(phone), trim(email),
                digitallyExempt, needsInterpreter, needsInterpreter ? trim(interpreterLanguage) : null, trim(otherHelp));
    }

    private static void text(Map<String, String> errors, String field, String value, int max, boolean required,
            String key) {
        if (blank(value)) {
            if (required) {
                errors.put(field, key);
            }
            return;
        }
        if (CprInText.containsCpr(value)) {
            errors.put(field, "err.cpr");
        } else if (value.strip().length() > max || !StorableText.isStorable(value)) {
            errors.put(field, required ? key : "err.tooLong");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
