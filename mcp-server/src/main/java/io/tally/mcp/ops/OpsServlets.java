package io.tally.mcp.ops;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** The operations endpoints: {@code /healthz}, {@code /readyz} and {@code /metrics}. */
public final class OpsServlets {
    private OpsServlets() {}

    /** {@code GET /healthz}: 200 "ok" while the process serves HTTP at all (liveness). */
    public static HttpServlet health() {
        return new Text(() -> true, "ok\n", "ok\n");
    }

    /**
     * {@code GET /readyz}: 200 "ready" while requests are accepted; 503 "draining" once shutdown began, so a load
     * balancer stops sending new work while in-flight requests finish.
     */
    public static HttpServlet readiness(BooleanSupplier ready) {
        return new Text(ready, "ready\n", "draining\n");
    }

    /** {@code GET /metrics}: the Prometheus text exposition. */
    public static HttpServlet metrics(McpMetrics metrics) {
        return new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                byte[] body = metrics.scrape().getBytes(StandardCharsets.UTF_8);
                resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
                resp.setHeader("Cache-Control", "no-store");
                resp.setContentLength(body.length);
                resp.getOutputStream().write(body);
            }
        };
    }

    private static final class Text extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient BooleanSupplier ok;
        private final String yes;
        private final String no;

        Text(BooleanSupplier ok, String yes, String no) {
            this.ok = ok;
            this.yes = yes;
            this.no = no;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            boolean up = ok.getAsBoolean();
            byte[] body = (up ? yes : no).getBytes(StandardCharsets.UTF_8);
            resp.setStatus(up ? 200 : 503);
            resp.setContentType("text/plain; charset=utf-8");
            resp.setHeader("Cache-Control", "no-store");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
        }
    }
}
