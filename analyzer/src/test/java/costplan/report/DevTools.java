package costplan.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket on the loopback address): commands to one
 * page, and every event the page sent, kept for the test to inspect.
 */
final class DevTools implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private String sessionId;

    private DevTools(Process browser, WebSocket.Builder builder, URI endpoint) {
        this.browser = browser;
        this.socket = builder.buildAsync(endpoint, new Listener()).orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Starts {@code chromium} headless with a fresh profile and opens one blank page. */
    static DevTools start(Path chromium, Path profile) throws IOException, InterruptedException {
        Files.createDirectories(profile);
        Process browser = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        // Chromium writes the port it chose, and the browser's WebSocket path, into this file.
        Path activePort = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
            if (!browser.isAlive() || System.nanoTime() > deadline) {
                browser.destroyForcibly();
                throw new IOException("chromium did not open its DevTools port; see " + profile + ".log");
            }
            Thread.sleep(100);
        }
        List<String> lines = Files.readAllLines(activePort);
        URI endpoint = URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
        DevTools devTools = new DevTools(browser, HttpClient.newHttpClient().newWebSocketBuilder(), endpoint);
        String target = devTools.call("Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        devTools.sessionId = devTools.call("Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        return devTools;
    }

    /** Sends a command to the page (or to the browser before a page is attached) and returns its result. */
    JsonNode call(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        if (sessionId != null) message.put("sessionId", sessionId);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        JsonNode answer = reply.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
        if (answer.has("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
        return answer.path("result");
    }

    /** Returns the value of a JavaScript expression evaluated in the page. */
    JsonNode evaluate(String expression) {
        return call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)).path("result").path("value");
    }

    /** Waits until the page has sent an event named {@code method}. */
    void awaitEvent(String method) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (events().stream().noneMatch(e -> e.path("method").asText().equals(method))) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no " + method + " within " + TIMEOUT);
            Thread.sleep(50);
        }
    }

    /** Returns the events the page sent so far, in order. */
    List<JsonNode> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() throws InterruptedException {
        // Listed first: once the browser is gone, its renderer and GPU helpers are no longer its descendants.
        List<ProcessHandle> helpers = browser.descendants().toList();
        try {
            sessionId = null;
            call("Browser.close", Map.of());
        } catch (RuntimeException alreadyGone) {
            // The browser may close the socket before it answers.
        }
        if (!browser.waitFor(10, TimeUnit.SECONDS)) browser.destroyForcibly().waitFor();
        // The helpers normally end with the browser; a test run must not leave one behind.
        helpers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = JSON.readTree(message.toString());
                    if (node.has("id")) pending.remove(node.get("id").asInt()).complete(node);
                    else events.add(node);
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent a message that is not JSON", e);
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
