package dk.borgerflow.web;

import dk.borgerflow.municipality.TaskForms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The language of the worker logged in to Camunda's webapps, for Tasklist's {@code scripts/config.js}
 * and {@code scripts/borgerflow-language.js}: {@code {"language": "sv"}} for Spånga-Tensta's workers,
 * {@code "da"} for the Danish municipalities', {@code null} before login and for users of no single
 * language (admin, process owners), who keep the browser's choice. The user is the webapps' own login
 * (their session), the language that of the user's tenants ({@link TaskForms#languageOf}); nothing is
 * taken from the request but the session, so a client can ask only for its own.
 */
@RestController
class WebappLanguage {

    static final String PATH = "/webapps/language";

    private final TaskForms taskForms;
    private final String engine;

    WebappLanguage(TaskForms taskForms, ProcessEngine engine) {
        this.taskForms = taskForms;
        this.engine = engine.getName();
    }

    @GetMapping(PATH)
    ResponseEntity<Map<String, Object>> language(HttpServletRequest request) {
        Map<String, Object> body = new HashMap<>();
        body.put("language", tenantsOfWebappUser(request.getSession(false)).flatMap(taskForms::languageOf)
                .orElse(null));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    private Optional<List<String>> tenantsOfWebappUser(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications.getAuthentications().stream()
                .filter(a -> engine.equals(a.getProcessEngineName()))
                .findFirst()
                .map(UserAuthentication::getTenantIds);
    }
}
