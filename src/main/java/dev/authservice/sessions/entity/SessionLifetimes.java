package dev.authservice.sessions.entity;

import java.time.Duration;

/**
 * How long sessions live: {@code absolute} from login, {@code idle} since the last use, and how
 * far the idle deadline must move before a token check writes it ({@code idleRefresh}).
 */
public record SessionLifetimes(Duration absolute, Duration idle, Duration idleRefresh) {}
