OLLAMA_URL = "http://localhost:11434"  # expect: hardcoded-service-url
VLLM = f"http://127.0.0.1:8000/v1"  # expect: hardcoded-service-url
LLAMA = 'http://0.0.0.0:8080'  # expect: hardcoded-service-url


def endpoint():
    return """http://localhost:8050/metrics"""  # expect: hardcoded-service-url
