package io.tally.hitkeep.model;

/** A team an admin deleted (OpenAPI schema {@code AdminDeleteTeamResponse}). */
public record DeletedTeam(String status, String teamId, String name) {}
