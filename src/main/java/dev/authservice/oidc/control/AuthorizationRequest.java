package dev.authservice.oidc.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An authorization request's parameters (OpenID Connect Core, section 3.1.2.1), as sent, and the
 * rules on them that do not need the client: the code flow only, "openid" in the scope, PKCE
 * with S256 and never plain, and prompt, max_age and response_mode as the specifications allow.
 * {@code loginAfter} is ours: the time after which the person's sign-in must have happened, set
 * when prompt=login or max_age sent them to sign in again.
 */
public record AuthorizationRequest(Map<String, String> parameters) {

    /** The parameters this provider reads; the rest are ignored, as OAuth asks (RFC 6749, section 3.1). */
    static final List<String> KNOWN = List.of(
            "client_id",
            "redirect_uri",
            "response_type",
            "scope",
            "state",
            "nonce",
            "code_challenge",
            "code_challenge_method",
            "response_mode",
            "prompt",
            "max_age",
            "login_hint",
            "id_token_hint",
            "login_after",
            "request",
            "request_uri");

    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_VALUE = 1024;

    /** The known parameters of a query or form; a duplicated one is refused (RFC 6749, section 3.1). */
    public static AuthorizationRequest of(Map<String, List<String>> sent) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String name : KNOWN) {
            List<String> values = sent.get(name);
            if (values == null || values.isEmpty()) {
                continue;
            }
            if (values.size() > 1) {
                known.put("duplicate", name);
                continue;
            }
            String value = values.get(0);
            if (value != null && !value.isEmpty()) {
                known.put(name, value);
            }
        }
        return new AuthorizationRequest(known);
    }

    public String clientId() {
        return parameters.get("client_id");
    }

    public String redirectUri() {
        return parameters.get("redirect_uri");
    }

    public String state() {
        return parameters.get("state");
    }

    public String nonce() {
        return parameters.get("nonce");
    }

    public String codeChallenge() {
        return parameters.get("code_challenge");
    }

    public String scope() {
        return parameters.getOrDefault("scope", "");
    }

    public String loginHint() {
        return parameters.get("login_hint");
    }

    public String idTokenHint() {
        return parameters.get("id_token_hint");
    }

    public boolean formPost() {
        return "form_post".equals(parameters.get("response_mode"));
    }

    public boolean promptNone() {
        return prompts().contains("none");
    }

    public boolean promptLogin() {
        return prompts().contains("login") || prompts().contains("select_account");
    }

    /** max_age in seconds, if sent. */
    public Optional<Long> maxAge() {
        String value = parameters.get("max_age");
        return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
    }

    /** The epoch second the sign-in must not be older than, if a fresh one was asked for. */
    public Optional<Long> loginAfter() {
        String value = parameters.get("login_after");
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value));
        } catch (NumberFormatException ignored) {
            return Optional.empty();
        }
    }

    private List<String> prompts() {
        String prompt = parameters.get("prompt");
        return prompt == null ? List.of() : Arrays.asList(prompt.split(" "));
    }

    /**
     * What is wrong with the request once its client and redirect URI are known good, as the
     * error code and description sent back to that URI; empty if nothing is.
     */
    public Optional<OAuthError> problem(boolean publicClient) {
        if (parameters.containsKey("duplicate")) {
            return error("invalid_request", parameters.get("duplicate") + " was sent more than once.");
        }
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            if (parameter.getValue().length() > MAX_VALUE && !parameter.getKey().equals("id_token_hint")) {
                return error("invalid_request", parameter.getKey() + " is longer than " + MAX_VALUE + " characters.");
            }
        }
        if (!"code".equals(parameters.get("response_type"))) {
            return error(
                    "unsupported_response_type", "Only the authorization code flow (response_type=code) is offered.");
        }
        if (!Arrays.asList(scope().split(" ")).contains("openid")) {
            return error("invalid_scope", "The scope must include openid.");
        }
        String mode = parameters.get("response_mode");
        if (mode != null && !mode.equals("query") && !mode.equals("form_post")) {
            return error("invalid_request", "response_mode must be query or form_post.");
        }
        List<String> prompts = prompts();
        if (prompts.stream()
                .anyMatch(p ->
                        !List.of("none", "login", "consent", "select_account").contains(p))) {
            return error("invalid_request", "prompt holds a value OpenID Connect does not define.");
        }
        if (prompts.contains("none") && prompts.size() > 1) {
            return error("invalid_request", "prompt=none may not be combined with another prompt.");
        }
        String maxAge = parameters.get("max_age");
        if (maxAge != null && !maxAge.matches("[0-9]{1,9}")) {
            return error("invalid_request", "max_age must be a whole number of seconds.");
        }
        String challenge = codeChallenge();
        String method = parameters.get("code_challenge_method");
        if (challenge == null) {
            if (publicClient) {
                return error("invalid_request", "A public client must send a PKCE code_challenge (S256).");
            }
            if (method != null) {
                return error("invalid_request", "code_challenge_method was sent without a code_challenge.");
            }
        } else {
            if (!"S256".equals(method)) {
                return error("invalid_request", "code_challenge_method must be S256; plain is refused.");
            }
            if (!CHALLENGE.matcher(challenge).matches()) {
                return error("invalid_request", "code_challenge is not the base64url of a SHA-256.");
            }
        }
        if (parameters.containsKey("request")) {
            return error("request_not_supported", "Request objects are not supported.");
        }
        if (parameters.containsKey("request_uri")) {
            return error("request_uri_not_supported", "Request objects are not supported.");
        }
        return Optional.empty();
    }

    /**
     * This request as the query of the URL the browser returns to after signing in: as sent, but
     * without prompt=login (fulfilled by that sign-in) and with the time it must be newer than.
     */
    public String returnQuery(long loginAfter) {
        Map<String, String> again = new LinkedHashMap<>(parameters);
        again.remove("duplicate");
        String prompt = again.remove("prompt");
        if (prompt != null && prompt.contains("consent")) {
            again.put("prompt", "consent");
        }
        again.put("login_after", Long.toString(loginAfter));
        return again.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Optional<OAuthError> error(String code, String description) {
        return Optional.of(new OAuthError(code, description, 302));
    }
}
