package dev.authservice.operations.boundary;

import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.metrics.control.AuthMetrics;
import dev.authservice.operations.control.MicroProfileHealth;
import dev.authservice.persistence.control.DatabaseCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Health and metrics, served by the application itself so that every server has them at the same
 * paths, in the formats MicroProfile Health and Metrics use. Where the server has those specs on
 * the same port (Payara), its own endpoints answer these paths first, with the same checks and
 * series. The OpenAPI document is {@link OpenApiDocumentServlet}'s on every server.
 */
@Path("")
@ApplicationScoped
public class OperationsResource {

    private static final String UP = "UP";
    private static final String DOWN = "DOWN";
    private static final MediaType PROMETHEUS_TEXT = MediaType.valueOf("text/plain; version=0.0.4; charset=utf-8");

    @Inject
    DatabaseCheck database;

    @Inject
    AuthMetrics metrics;

    @GET
    @Path("health")
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        return health(check(MicroProfileHealth.LIVENESS, true), check(DatabaseCheck.NAME, database.answers()));
    }

    @GET
    @Path("health/ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        return health(check(DatabaseCheck.NAME, database.answers()));
    }

    @GET
    @Path("health/live")
    @Produces(MediaType.APPLICATION_JSON)
    public Response live() {
        // Alive while deployed and answering; deliberately touches nothing else.
        return health(check(MicroProfileHealth.LIVENESS, true));
    }

    @GET
    @Path("metrics")
    public Response metrics() {
        return Response.ok(metrics.prometheusText(), PROMETHEUS_TEXT).build();
    }

    /** MicroProfile Health's format: UP, with 200, only if every check is UP; otherwise DOWN with 503. */
    private static Response health(JsonObject... checks) {
        var list = JsonFactories.BUILDERS.createArrayBuilder();
        boolean up = true;
        for (JsonObject check : checks) {
            list.add(check);
            up &= check.getString("status").equals(UP);
        }
        JsonObject body = JsonFactories.object()
                .add("status", up ? UP : DOWN)
                .add("checks", list)
                .build();
        return Response.status(up ? 200 : 503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString())
                .build();
    }

    private static JsonObject check(String name, boolean up) {
        return JsonFactories.object()
                .add("name", name)
                .add("status", up ? UP : DOWN)
                .build();
    }
}
