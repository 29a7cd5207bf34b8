package io.tally.alephant;

import io.tally.alephant.AlephantRequest.Host;
import io.tally.alephant.model.Agent;
import io.tally.alephant.model.AlephantData;
import io.tally.alephant.model.Department;
import io.tally.alephant.model.ItemPage;
import io.tally.alephant.model.Member;

/** The workspace's members, agents, departments and master keys, the model catalogue and the logs. */
public final class Directory extends Resource {
    Directory(Alephant client) {
        super(client);
    }

    /** {@code GET /api/v1/members}: a page of members. */
    public ListRequest<ItemPage<Member>> members() {
        return new ListRequest<>(client, "/api/v1/members",
                Readers.payload(j -> new ItemPage<>(j, "members", Member::new)), false);
    }

    /** {@code GET /api/v1/agents}: a page of agents, optionally of one department. */
    public ListRequest<ItemPage<Agent>> agents() {
        return new ListRequest<>(client, "/api/v1/agents",
                Readers.payload(j -> new ItemPage<>(j, "agents", Agent::new)), true);
    }

    /** {@code GET /api/v1/agents/{id}/analytics}: an agent's spend and usage over {@code days} (shape unpublished). */
    public DaysRequest<AlephantData> agentAnalytics(String agentId) {
        return new DaysRequest<>(client, Host.SAAS, "/api/v1/agents/{id}/analytics",
                new Object[] {id("agentId", agentId)},
                Readers.payload(AlephantData::new));
    }

    /** {@code GET /api/v1/departments}: a page of departments. */
    public ListRequest<ItemPage<Department>> departments() {
        return new ListRequest<>(client, "/api/v1/departments",
                Readers.payload(j -> new ItemPage<>(j, "departments", Department::new)), false);
    }

    /**
     * {@code GET /api/v1/departments/{id}/analytics}: a department's analytics; without {@code days}
     * the collector's default window. A placeholder upstream: spend, requests and tokens are 0 for now.
     */
    public DaysRequest<AlephantData> departmentAnalytics(String departmentId) {
        return new DaysRequest<>(client, Host.SAAS, "/api/v1/departments/{id}/analytics",
                new Object[] {id("departmentId", departmentId)}, Readers.payload(AlephantData::new));
    }

    /** {@code GET /api/v1/master-keys} (shape unpublished). */
    public AlephantCall<AlephantData> masterKeys() {
        return call(Host.SAAS, Access.WORKSPACE, "GET", "/api/v1/master-keys", AlephantData::new);
    }

    /** {@code GET /api/v1/models}: the model catalogue; also with a virtual key. */
    public AlephantCall<AlephantData> models() {
        return call(Host.SAAS, Access.VK_OR_WORKSPACE, "GET", "/api/v1/models", AlephantData::new);
    }

    /** {@code GET /api/v1/logs}: request logs; a user JWT only. */
    public AlephantCall<AlephantData> logs() {
        return call(Host.SAAS, Access.JWT_ONLY, "GET", "/api/v1/logs", AlephantData::new);
    }
}
