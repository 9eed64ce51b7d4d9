package dev.authservice.auth.boundary;

import java.util.List;

/** A page of the admin API's user list, and how many accounts match in all. */
public record AdminUserPage(List<AdminUser> users, long total) {}
