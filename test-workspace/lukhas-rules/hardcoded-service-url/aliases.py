import os as system

URL = system.getenv("URL", "http://localhost:11434")
