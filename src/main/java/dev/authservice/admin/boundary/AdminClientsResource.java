package dev.authservice.admin.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.clients.control.RegisteredClientView;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The OpenID provider's clients, for administrators under the admin API's rule: RFC 7591's client
 * metadata in and out (client_name, redirect_uris, post_logout_redirect_uris,
 * token_endpoint_auth_method), OpenID Connect Registration's id_token_signed_response_alg, plus
 * allowed_groups and access_token_signed_response_alg. The secret appears in the answer that made it,
 * and never again.
 */
@Path("admin/clients")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminClientsResource {

    @Inject
    AdminActions adminActions;

    @Inject
    Caller caller;

    @GET
    public Response clients() {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        adminActions.listClients(caller.sessionToken(), caller.client()).forEach(c -> list.add(json(c)));
        return Response.ok(JsonFactories.object().add("clients", list).build()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(JsonBody body) {
        var token = caller.sessionToken();
        RegisteredClientView registered = adminActions.registerClient(token, metadata(body), caller.client());
        return Response.status(Response.Status.CREATED)
                .header("Location", "admin/clients/" + registered.clientId())
                .entity(json(registered).build())
                .build();
    }

    @GET
    @Path("{clientId}")
    public Response client(@PathParam("clientId") String clientId) {
        return Response.ok(json(adminActions.client(caller.sessionToken(), clientId, caller.client()))
                        .build())
                .build();
    }

    @PUT
    @Path("{clientId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("clientId") String clientId, JsonBody body) {
        var token = caller.sessionToken();
        RegisteredClientView updated = adminActions.updateClient(token, clientId, metadata(body), caller.client());
        return Response.ok(json(updated).build()).build();
    }

    @DELETE
    @Path("{clientId}")
    public Response delete(@PathParam("clientId") String clientId) {
        int ended = adminActions.deleteClient(caller.sessionToken(), clientId, caller.client());
        return Response.ok(JsonFactories.object()
                        .add("client_id", clientId)
                        .add("deleted", true)
                        .add("refresh_tokens_revoked", ended)
                        .build())
                .build();
    }

    private static ClientMetadata metadata(JsonBody body) {
        return new ClientMetadata(
                body.requiredString("client_name"),
                body.optionalStringList("redirect_uris"),
                body.optionalStringList("post_logout_redirect_uris"),
                body.optionalString("token_endpoint_auth_method"),
                body.optionalStringList("allowed_groups"),
                body.optionalString("id_token_signed_response_alg"),
                body.optionalString("access_token_signed_response_alg"));
    }

    private static JsonObjectBuilder json(RegisteredClientView client) {
        JsonObjectBuilder json = JsonFactories.object().add("client_id", client.clientId());
        if (client.secret() != null) {
            json.add("client_secret", client.secret()).add("client_secret_expires_at", 0);
        }
        return json.add("client_name", client.clientName())
                .add("redirect_uris", array(client.redirectUris()))
                .add("post_logout_redirect_uris", array(client.postLogoutRedirectUris()))
                .add("token_endpoint_auth_method", client.tokenEndpointAuthMethod())
                .add("grant_types", array(List.of("authorization_code", "refresh_token")))
                .add("response_types", array(List.of("code")))
                .add("allowed_groups", array(client.allowedGroups()))
                .add("id_token_signed_response_alg", client.idTokenSignedResponseAlg())
                .add("access_token_signed_response_alg", client.accessTokenSignedResponseAlg())
                .add("client_id_issued_at", client.createdAt().getEpochSecond())
                .add("created_at", SessionJson.iso(client.createdAt()));
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = JsonFactories.BUILDERS.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
