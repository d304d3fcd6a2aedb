"""Response cache for the LUKHAS gateway, keyed by the request."""
import hashlib
import json
import logging
import time

logger = logging.getLogger(__name__)


class ResponseCache:
    def __init__(self, ttl_seconds: float = 300.0):
        self.ttl_seconds = ttl_seconds
        self.entries = {}

    def cache_key(self, model: str, messages: list[dict], options: dict) -> str:
        payload = {"model": model, "messages": messages, "options": options}
        return hashlib.md5(json.dumps(payload, ensure_ascii=False).encode("utf-8")).hexdigest()

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is None:
            return None
        value, stored_at = entry
        if time.monotonic() - stored_at > self.ttl_seconds:
            del self.entries[key]
            return None
        return value

    def put(self, key: str, value) -> None:
        self.entries[key] = (value, time.monotonic())

    def load(self, path: str) -> None:
        try:
            with open(path, encoding="utf-8") as f:
                self.entries = json.load(f)
        except Exception: pass
