package dev.authservice.admin.boundary;

import java.util.List;

/** A page of the admin API's user list, and whether more accounts follow it. */
public record AdminUserPage(List<AdminUser> users, boolean more) {}
