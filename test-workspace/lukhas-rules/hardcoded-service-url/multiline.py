ENDPOINTS = {
    "chat": (
        "http://localhost:11434"  # expect: hardcoded-service-url
        "/api/chat"
    ),
}
