class Config {
    static final String GATEWAY = "http://localhost:8080"; // expect: hardcoded-service-url
    static final String CONFIGURED = System.getProperty("gateway", "http://localhost:8080");
    // static final String OLD = "http://localhost:8080";
}
