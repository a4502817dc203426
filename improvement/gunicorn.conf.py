"""gunicorn settings: `gunicorn -c improvement/gunicorn.conf.py improvement.wsgi`.

Everything can be set from the environment, so one file serves one machine or many:
WEB_CONCURRENCY (worker processes), GUNICORN_THREADS (threads per worker), BIND,
GUNICORN_TIMEOUT, FORWARDED_ALLOW_IPS (addresses of the load balancer, trusted for
X-Forwarded-Proto/For). Access and error logs go to stdout/stderr, the access log as JSON lines.
"""

import multiprocessing
import os

bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", str(min(2 * multiprocessing.cpu_count() + 1, 8))))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so a slow leak never takes a server down.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# No query string (%(U)s is the path only): filters may carry search words.
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%(h)s", "method": "%(m)s", '
    '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "duration_ms": %(M)s}'
)
