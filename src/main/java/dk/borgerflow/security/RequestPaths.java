package dk.borgerflow.security;

import jakarta.servlet.http.HttpServletRequest;

/** The path a request is served under, as the servlet container mapped it. */
final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Servlet path plus path info: decoded, normalised ({@code /./}, {@code //}, {@code ..}) and without
     * {@code ;parameters} by the container, so {@code /camunda/api/admin/%73etup} or
     * {@code /camunda//api/admin/setup;x} cannot slip past a prefix check as the raw URI would.
     */
    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        return request.getPathInfo() == null ? servletPath : servletPath + request.getPathInfo();
    }
}
