import java.net.URI;
import java.net.http.HttpRequest;

class Requests {
    static HttpRequest chat(URI gateway, String body) {
        return HttpRequest.newBuilder(gateway.resolve("/v1/chat"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
