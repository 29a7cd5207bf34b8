package io.tally.mcp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /mcp} when several providers are served: which one is meant cannot be told, so every method gets 404
 * with the provider paths to use instead (rather than the servlet container's 405, which reads as a server bug).
 */
final class ProviderIndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final String message;

    ProviderIndexServlet(List<String> providers) {
        StringBuilder sb = new StringBuilder("Not Found: this server serves several providers; connect to one of ");
        for (int i = 0; i < providers.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append("/mcp/").append(providers.get(i));
        }
        message = sb.append(" (or /<provider>/mcp)\n").toString();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setStatus(404);
        resp.setContentType("text/plain; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
