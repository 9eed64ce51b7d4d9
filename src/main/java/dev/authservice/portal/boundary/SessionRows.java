package dev.authservice.portal.boundary;

import dev.authservice.sessions.control.SessionSummary;
import java.util.HashMap;
import java.util.Map;

/** A session as a row of the account page's and the admin console's tables. */
final class SessionRows {

    private SessionRows() {}

    static Map<String, Object> of(SessionSummary session) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", session.id());
        row.put("device", session.device());
        row.put("userAgent", session.userAgent() == null ? "" : session.userAgent());
        row.put("client", session.client() == null ? "" : session.client());
        row.put("createdAt", AccountPages.time(session.createdAt()));
        row.put("lastUsedAt", AccountPages.time(session.lastUsedAt()));
        row.put("current", session.current());
        return row;
    }
}
