package dev.authservice.http.boundary;

import dev.authservice.persistence.control.DatabaseOutage;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A database that cannot be reached is no fault of ours: 503 with Retry-After
 * and one log line. Anything else is: logged with an incident id, answered as a 500
 * problem+json that shows the id and nothing of the exception (no stack trace, no SQL, no input).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Response toResponse(Throwable e) {
        if (DatabaseOutage.causes(e)) {
            LOG.warning("The database cannot be reached; answering 503");
            return Problem.response(503, "The service's database is unavailable; retry shortly.")
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, e);
        return Problem.response(500, "An internal error occurred; incident " + incident + ".")
                .build();
    }
}
