package ai.lukhas.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/** Calls the LUKHAS GPT-OSS gateway, written the way the patterns ask. */
public final class CleanModelGatewayClient {
    private static final Logger LOG = Logger.getLogger(CleanModelGatewayClient.class.getName());

    private final HttpClient client;
    private final URI gateway;

    public CleanModelGatewayClient(URI gateway) {
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.gateway = gateway;
    }

    public String chat(String body) throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/v1/chat"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        LOG.info("gateway answered in " + (System.nanoTime() - start) / 1_000_000 + " ms at "
                + System.currentTimeMillis());
        return response.body();
    }
}
