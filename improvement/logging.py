"""Structured (JSON lines) logging to stdout, for log collectors in production."""

import json
import logging


class JsonFormatter(logging.Formatter):
    """Format each record as one JSON object on one line."""

    def __init__(self, *args, **kwargs):
        kwargs.pop("format", None)
        super().__init__()

    def format(self, record):
        payload = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("status_code", "request_method", "path", "user", "duration_ms"):
            if hasattr(record, key):
                payload[key] = getattr(record, key)
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        return json.dumps(payload, default=str)
