package dev.authservice.selfservice.boundary;

import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.sessions.control.SessionSummary;
import java.util.List;

/** What the account page shows of the signed-in person, read in one transaction. */
public record AccountOverview(
        String username,
        String email,
        boolean emailVerified,
        boolean passwordChangeDue,
        List<String> groups,
        boolean secondFactor,
        List<SessionSummary> sessions,
        List<PasskeySummary> passkeys) {}
