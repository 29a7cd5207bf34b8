package io.tally.alephant;

/** Which kind of Alephant credential a client carries (reference §2.1). */
public enum CredentialType {
    /** A personal access token ({@code pat_…}) with {@code X-Workspace-Id}: workspace automation, subject to PAT scopes. */
    PAT,
    /** A user JWT with {@code X-Workspace-Id}: everything the dashboard uses, and the only credential for PATs, workspaces and logs. */
    JWT,
    /** A virtual key ({@code vk-…}) without a workspace header: the Cockpit routes and the model catalogue. */
    VIRTUAL_KEY,
    /** No credential: only the public health routes work. */
    NONE
}
