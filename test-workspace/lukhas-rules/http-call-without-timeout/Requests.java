import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

class Requests {
    static HttpRequest chat(URI gateway) {
        return HttpRequest.newBuilder(gateway) // expect: http-call-without-timeout
                .header("Content-Type", "application/json")
                .build();
    }

    static HttpRequest timed(URI gateway) {
        return HttpRequest.newBuilder(gateway).timeout(Duration.ofSeconds(5)).build();
    }
}
