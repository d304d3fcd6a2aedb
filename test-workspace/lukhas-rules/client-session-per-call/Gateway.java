import java.net.http.HttpClient;

class Gateway {
    private final HttpClient shared = HttpClient.newHttpClient();
    private final HttpClient built;

    Gateway() {
        this.built = HttpClient.newBuilder().build();
    }

    String call() {
        HttpClient client = HttpClient.newHttpClient(); // expect: client-session-per-call
        String text = "HttpClient.newHttpClient()";
        return text + client;
    }
}
