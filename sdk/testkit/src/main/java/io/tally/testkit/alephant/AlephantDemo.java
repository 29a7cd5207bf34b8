package io.tally.testkit.alephant;

/**
 * The ids and credentials of {@link FakeAlephant}'s demo workspace: three departments, six members,
 * four agents, two master keys and four virtual keys (bound to an agent, bound to a member, unbound,
 * revoked), with 90 days of usage by model.
 */
public final class AlephantDemo {
    /** The demo workspace. */
    public static final String WORKSPACE_ID = "7d0c5a2e-3b1f-4c6d-9e8a-1f2b3c4d5e6f";
    /** Its name. */
    public static final String WORKSPACE_NAME = "Demo Workspace";
    /** A PAT with scopes read, write and admin. */
    public static final String ADMIN_PAT = "pat_ws7d0c5a_demoadmin";
    /** A PAT with scope read only. */
    public static final String READ_PAT = "pat_ws7d0c5a_demoread";
    /** A user JWT (owner) of the demo workspace. */
    public static final String OWNER_JWT = "eyJhbGciOiJIUzI1NiJ9.demo-owner.signature";
    /** A virtual key bound to the agent {@link #AGENT_SUPPORT}. */
    public static final String AGENT_VK = "vk-demo-agent-support";
    /** A virtual key bound to the member {@link #MEMBER_ADA}. */
    public static final String MEMBER_VK = "vk-demo-member-ada";
    /** A virtual key bound to nothing: its usage views are empty. */
    public static final String UNBOUND_VK = "vk-demo-unbound";

    /** Department: Engineering. */
    public static final String DEPT_ENGINEERING = "d1000000-0000-4000-8000-000000000001";
    /** Department: Support. */
    public static final String DEPT_SUPPORT = "d1000000-0000-4000-8000-000000000002";
    /** Department: Marketing. */
    public static final String DEPT_MARKETING = "d1000000-0000-4000-8000-000000000003";
    /** Member: Ada (Engineering). */
    public static final String MEMBER_ADA = "a0000000-0000-4000-8000-000000000001";
    /** Agent: Support bot (Support). */
    public static final String AGENT_SUPPORT = "b0000000-0000-4000-8000-000000000001";
    /** Agent: idle agent (no usage in the last 30 days). */
    public static final String AGENT_IDLE = "b0000000-0000-4000-8000-000000000004";
    /** Master key: OpenAI. */
    public static final String MASTER_OPENAI = "c0000000-0000-4000-8000-000000000001";
    /** Master key: Anthropic. */
    public static final String MASTER_ANTHROPIC = "c0000000-0000-4000-8000-000000000002";
    /** Virtual key id of {@link #AGENT_VK}. */
    public static final String KEY_AGENT = "e0000000-0000-4000-8000-000000000001";
    /** Virtual key id of {@link #MEMBER_VK}. */
    public static final String KEY_MEMBER = "e0000000-0000-4000-8000-000000000002";
    /** Virtual key id of {@link #UNBOUND_VK}. */
    public static final String KEY_UNBOUND = "e0000000-0000-4000-8000-000000000003";
    /** A revoked virtual key's id. */
    public static final String KEY_REVOKED = "e0000000-0000-4000-8000-000000000004";

    private AlephantDemo() {}
}
