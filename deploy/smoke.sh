#!/usr/bin/env bash
# The deployment of deploy/ on this machine, on 127.0.0.1 only, then deploy/smoke.py through it:
# gunicorn with deploy/gunicorn.conf.py, nginx with deploy/nginx/tuyengiao.conf (paths and
# ports rewritten to a temporary directory), a self-signed certificate made on the spot,
# production settings (DEBUG=false, a 60-character SECRET_KEY). Run as root by .ci/run;
# needs nginx, openssl and curl. The database is a temporary SQLite file.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
HTTPS_PORT=${SMOKE_HTTPS_PORT:-8443}
HTTP_PORT=${SMOKE_HTTP_PORT:-8080}
APP_PORT=${SMOKE_APP_PORT:-8001}
TMP=$(mktemp -d /tmp/tuyengiao-smoke.XXXXXX)
chmod 755 "$TMP"
GUNICORN_PID=
cleanup() {
  [ -n "$GUNICORN_PID" ] && kill "$GUNICORN_PID" 2>/dev/null && wait "$GUNICORN_PID" 2>/dev/null
  [ -f "$TMP/nginx.pid" ] && nginx -c "$TMP/nginx.conf" -s stop 2>/dev/null
  rm -rf "$TMP"
}
trap cleanup EXIT

export DJANGO_SETTINGS_MODULE=tuyengiao.settings
unset DATABASE_URL
export DEBUG=false
SECRET_KEY=$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(45)[:60])")
export SECRET_KEY
export ALLOWED_HOSTS=127.0.0.1,localhost
export CSRF_TRUSTED_ORIGINS=https://127.0.0.1:$HTTPS_PORT
export TUYENGIAO_VAR_DIR=$TMP/var
export MEDIA_ROOT=$TMP/var/media
export LOG_FORMAT=json
export GUNICORN_BIND=127.0.0.1:$APP_PORT
export WEB_CONCURRENCY=2
export HEALTH_MIN_FREE_MB=50
mkdir -p "$TMP/var/media"

echo "smoke: migrate, demo, collectstatic (DEBUG=false)"
.venv/bin/tuyengiao migrate --noinput -v0
.venv/bin/tuyengiao demo --quiet
.venv/bin/tuyengiao collectstatic --noinput -v0
.venv/bin/tuyengiao check --deploy --fail-level ERROR >/dev/null

echo "smoke: self-signed certificate for 127.0.0.1"
mkdir -p "$TMP/tls"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
  -keyout "$TMP/tls/privkey.pem" -out "$TMP/tls/fullchain.pem" 2>/dev/null

# The site file as shipped, with this run's paths and ports.
cp -r deploy/nginx/errors "$TMP/errors-root-errors"
mkdir -p "$TMP/errors-root" && mv "$TMP/errors-root-errors" "$TMP/errors-root/errors"
sed -e "s#/etc/tuyengiao/tls/#$TMP/tls/#" \
    -e "s#/var/lib/tuyengiao/#$TMP/var/#" \
    -e "s#root /opt/tuyengiao/deploy/nginx;#root $TMP/errors-root;#" \
    -e "s#server 127.0.0.1:8000 #server 127.0.0.1:$APP_PORT #" \
    -e "s#listen 443 ssl http2;#listen 127.0.0.1:$HTTPS_PORT ssl http2;#" \
    -e "s#listen 80;#listen 127.0.0.1:$HTTP_PORT;#" \
    -e "/listen \[::\]/d" \
    -e "s#server_name tuyengiao.example.vn;#server_name 127.0.0.1 localhost;#" \
    deploy/nginx/tuyengiao.conf >"$TMP/site.conf"
grep -q "$TMP/tls/" "$TMP/site.conf" && grep -q "127.0.0.1:$HTTPS_PORT" "$TMP/site.conf"
cat >"$TMP/nginx.conf" <<EOF
worker_processes 1;
pid $TMP/nginx.pid;
error_log $TMP/nginx-error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $TMP/nginx-access.log;
    client_body_temp_path $TMP/body;
    proxy_temp_path $TMP/proxy;
    fastcgi_temp_path $TMP/fastcgi;
    uwsgi_temp_path $TMP/uwsgi;
    scgi_temp_path $TMP/scgi;
    include $TMP/site.conf;
}
EOF
chmod -R a+rX "$TMP/var" "$TMP/errors-root"
nginx -t -q -c "$TMP/nginx.conf"

echo "smoke: gunicorn on 127.0.0.1:$APP_PORT, nginx on 127.0.0.1:$HTTPS_PORT (HTTPS) and :$HTTP_PORT"
.venv/bin/gunicorn --config deploy/gunicorn.conf.py tuyengiao.wsgi >"$TMP/app.log" 2>"$TMP/gunicorn.log" &
GUNICORN_PID=$!
nginx -c "$TMP/nginx.conf"
for _ in $(seq 1 60); do
  curl -fsS --cacert "$TMP/tls/fullchain.pem" "https://127.0.0.1:$HTTPS_PORT/health/" >/dev/null 2>&1 && break
  sleep 1
done

status=0
.venv/bin/python deploy/smoke.py "https://127.0.0.1:$HTTPS_PORT" --cafile "$TMP/tls/fullchain.pem" \
  --http "http://127.0.0.1:$HTTP_PORT" --log "$TMP/app.log" || status=$?
if [ "$status" != 0 ]; then
  echo "smoke: --- gunicorn ---"; tail -n 40 "$TMP/gunicorn.log"
  echo "smoke: --- application ---"; tail -n 40 "$TMP/app.log"
  echo "smoke: --- nginx ---"; tail -n 20 "$TMP/nginx-error.log"
fi
exit "$status"
