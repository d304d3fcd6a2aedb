"""Usage monitor: reports gateway metrics to the LUKHAS dashboard."""
import logging
import time

import requests

logger = logging.getLogger(__name__)

DASHBOARD_URL = "http://127.0.0.1:8050/metrics"


class UsageMonitor:
    def __init__(self):
        self.requests_served = 0
        self.started_at = time.time()

    def record(self, tokens: int) -> None:
        self.requests_served += 1
        report = {"tokens": tokens, "timestamp": time.time()}
        requests.post(DASHBOARD_URL, json=report)

    def uptime_seconds(self) -> float:
        return time.time() - self.started_at
