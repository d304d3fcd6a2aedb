import os
from os import environ

OLLAMA_URL = os.getenv("OLLAMA_URL", "http://localhost:11434")
VLLM_URL = os.environ.get("VLLM_URL", "http://127.0.0.1:8000")
LLAMA_URL = environ.get("LLAMA_URL") or "http://localhost:8080"
PUBLIC = "https://example.com:443/api"
NO_PORT = "http://localhost/health"
