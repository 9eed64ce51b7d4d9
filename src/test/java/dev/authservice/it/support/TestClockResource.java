package dev.authservice.it.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;

/**
 * Test deployments only: lets a black-box test read the service's clock (GET /test-clock, epoch
 * milliseconds) and move it (POST /test-clock?advance=PT31M).
 */
@Path("test-clock")
public class TestClockResource {

    @Inject
    TestClock clock;

    @GET
    public String now() {
        return Long.toString(clock.millis());
    }

    @POST
    public Response advance(@QueryParam("advance") String duration) {
        clock.advance(Duration.parse(duration));
        return Response.noContent().build();
    }
}
