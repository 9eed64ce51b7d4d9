package dev.authservice.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with the portal at the HTTP level, for tests that look at every header: it
 * keeps the cookies the portal sets (by name; the tests reach the service directly, so Domain and
 * Secure are the tests' to check) and sends them back, and it posts forms as the portal's own
 * pages would, from the portal's origin.
 */
public final class PortalBrowser {

    static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClientSupport http;
    private final String origin;
    private final Map<String, String> cookies;

    /** A browser whose forms come from {@code origin}; with null, it sends no Origin header, as some browsers do not. */
    public PortalBrowser(HttpClientSupport http, String origin) {
        this(http, origin, new LinkedHashMap<>());
    }

    private PortalBrowser(HttpClientSupport http, String origin, Map<String, String> cookies) {
        this.http = http;
        this.origin = origin;
        this.cookies = cookies;
    }

    /** The same browser, with the same cookies, reaching the service through {@code another} (instance). */
    public PortalBrowser via(HttpClientSupport another) {
        return new PortalBrowser(another, origin, cookies);
    }

    public HttpResponse<String> get(String path) {
        return remember(http.send(
                withCookies(http.request(path)).header("Accept", "text/html").GET()));
    }

    /** Posts the form fields as the page's form would, from the portal's origin. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        return post(path, fields, origin);
    }

    /** Posts the form fields with this Origin header (none if null). */
    public HttpResponse<String> post(String path, Map<String, String> fields, String fromOrigin) {
        HttpRequest.Builder request = withCookies(http.request(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)));
        if (fromOrigin != null) {
            request.header("Origin", fromOrigin);
        }
        return remember(http.send(request));
    }

    /**
     * The CSRF token the portal's pages carry for this browser, read off the sign-out form of a
     * browser signed in, or the sign-in form of one that is not.
     */
    public String csrfToken() {
        HttpResponse<String> page = get("portal/logout");
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (!field.find()) {
            page = get("portal/login");
            field = CSRF_FIELD.matcher(page.body());
            if (!field.find()) {
                throw new AssertionError("no CSRF field on the sign-out or the sign-in page: " + page.body());
            }
        }
        return field.group(1);
    }

    /** Signs in through the portal's form; returns the answer to the POST. */
    public HttpResponse<String> signIn(String username, String password, String rd) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrfToken());
        fields.put("username", username);
        fields.put("password", password);
        if (rd != null) {
            fields.put("rd", rd);
        }
        return post("portal/login", fields);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    /** The Set-Cookie header of this response for the named cookie, or null. */
    public static String setCookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElse(null);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static URI location(HttpResponse<?> response) {
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> remember(HttpResponse<String> response) {
        List<String> set = response.headers().allValues("Set-Cookie");
        for (String header : set) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (header.contains("Max-Age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
