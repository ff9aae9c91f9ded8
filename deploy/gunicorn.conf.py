"""gunicorn settings for tuyengiao (deploy/systemd/tuyengiao-web.service; docs/operations.md).

Every value can be changed in /etc/tuyengiao/tuyengiao.env without editing this file.
"""

import multiprocessing
import os

# Only nginx talks to gunicorn: it listens on the loopback (or on a private address when
# several app servers stand behind one nginx, see docs/scaling.md).
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# WEB_CONCURRENCY: about 2 per core; each worker holds one request at a time (~100 MB).
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
# The request budget: a request still running after REQUEST_TIMEOUT seconds is stopped
# (nginx waits 5 s longer, deploy/nginx/tuyengiao.conf). The 5.000-row Excel import and the
# year-end report fit well inside it.
timeout = int(os.environ.get("REQUEST_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# A fresh process now and then bounds any slow leak.
max_requests = 1000
max_requests_jitter = 100
# The request log comes from the application (one JSON line with user and unit); gunicorn's
# own messages go to stderr; both end in journald.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
# X-Forwarded-* are trusted from the proxy on this machine only.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
proc_name = "tuyengiao"
