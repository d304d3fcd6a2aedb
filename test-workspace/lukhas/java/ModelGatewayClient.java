package ai.lukhas.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Logger;

/** Calls the LUKHAS GPT-OSS gateway from the Java services. */
public final class ModelGatewayClient {
    private static final Logger LOG = Logger.getLogger(ModelGatewayClient.class.getName());
    private static final String GATEWAY_URL = "http://localhost:8080";

    public String chat(String body) throws IOException, InterruptedException {
        long start = System.currentTimeMillis();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(GATEWAY_URL + "/v1/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        LOG.info("gateway answered in " + (System.currentTimeMillis() - start) + " ms");
        return response.body();
    }
}
