package dk.borgerflow.security;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which other web sites may send unsafe requests to our API, engine-rest and the webapps' API from a
 * browser ({@code borgerflow.security.cross-site}); by default none.
 *
 * @param allowedOrigins origins ({@code https://portal.kommune.dk}, scheme, host and port) whose pages
 *                       may send them, e.g. a municipality's own front end calling our API
 * @param allowSameSite  also accept requests the browser marks {@code Sec-Fetch-Site: same-site}
 *                       (another host under the same registrable domain); default {@code false}
 */
@ConfigurationProperties("borgerflow.security.cross-site")
record CrossSiteProperties(List<String> allowedOrigins, boolean allowSameSite) {

    CrossSiteProperties {
        allowedOrigins = allowedOrigins == null ? List.of()
                : allowedOrigins.stream().filter(o -> o != null && !o.isBlank()).map(CrossSiteProperties::origin)
                        .toList();
    }

    /**
     * {@code scheme://host[:port]} in lower case, the default port left out; the same for a configured
     * origin, an {@code Origin} header and a request's own origin. {@code null} when it is no origin
     * (e.g. {@code Origin: null} of a sandboxed page).
     */
    static String origin(String value) {
        try {
            URI uri = URI.create(value.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            h = "[" + h + "]";
        }
        boolean defaultPort = port < 0 || ("http".equals(s) && port == 80) || ("https".equals(s) && port == 443);
        return s + "://" + h + (defaultPort ? "" : ":" + port);
    }
}
