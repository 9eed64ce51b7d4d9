package dev.authservice.http.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 413 problem+json; the rest of an oversized body is not worth reading, so the connection closes. */
@Provider
public class PayloadTooLargeMapper implements ExceptionMapper<PayloadTooLargeException> {

    @Override
    public Response toResponse(PayloadTooLargeException e) {
        return Problem.response(413, e.getMessage())
                .header("Connection", "close")
                .build();
    }
}
