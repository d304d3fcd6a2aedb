package dev.gptoss.ls.backend;

/** What a health probe found at an endpoint. */
public enum EndpointState {
    READY, LOADING, OFFLINE, UNKNOWN;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
