"""Talks to the model server (default http://localhost:11434)."""

# OLLAMA_URL = "http://localhost:11434"


def url():
    """Returns http://localhost:11434 unless configured."""
    return None


def documented_default():
    """http://localhost:11434"""
    return None
