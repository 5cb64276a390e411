package dk.borgerflow.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What deployed models may reach ({@code borgerflow.models}).
 *
 * @param expressionBeans the application beans (delegates, listeners, helpers) that expressions in
 *                        models may name, e.g. {@code ${recordRouting}} or
 *                        {@code ${consultationBranches.answering(execution)}}; no other bean is reachable.
 *                        The default list is in {@code application.yml}: a delegate a model needs is one
 *                        more line there.
 */
@ConfigurationProperties("borgerflow.models")
record ModelGuardProperties(List<String> expressionBeans) {

    ModelGuardProperties {
        expressionBeans = expressionBeans == null ? List.of() : List.copyOf(expressionBeans);
    }
}
