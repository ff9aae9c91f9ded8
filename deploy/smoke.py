"""Smoke test of a deployment through nginx over HTTPS, as a browser and an API client would.

    python deploy/smoke.py https://127.0.0.1:8443 --cafile tls/cert.pem \
        [--http http://127.0.0.1:8080] [--log gunicorn.log]

Needs the demo data (`tuyengiao demo`) and the standard library only (plus openpyxl, which
the application installs, to fill the Excel template). Run by deploy/smoke.sh, which .ci/run
calls; exits non-zero at the first failed check and prints "N passed, 0 failed" at the end.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import json
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "demo12345"
# One page per app, as the specialist of District 1 sees them.
PAGES = [
    "/",
    "/units/",
    "/reporting/",
    "/documents/",
    "/campaigns/",
    "/training/",
    "/outreach/",
    "/initiatives/",
    "/meetings/",
    "/awards/",
    "/targets/",
    "/reports/",
]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Session:
    """Cookies, the CSRF token, and the Referer a browser sends with its form posts."""

    def __init__(self, base: str, context: ssl.SSLContext):
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPSHandler(context=context),
            urllib.request.HTTPCookieProcessor(self.jar),
            NoRedirect,
        )

    def cookie(self, name: str):
        return next((c for c in self.jar if c.name == name), None)

    def request(self, method, path, data=None, headers=None):
        url = path if path.startswith("http") else self.base + path
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post_form(self, path, fields: dict, files: dict | None = None):
        token = self.cookie("csrftoken")
        fields = {**fields, "csrfmiddlewaretoken": token.value if token else ""}
        headers = {"Referer": self.base + path, "Origin": self.base}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            body = urllib.parse.urlencode(fields).encode()
            content_type = "application/x-www-form-urlencoded"
        headers["Content-Type"] = content_type
        return self.request("POST", path, data=body, headers=headers)

    def login(self, username):
        status, _, body = self.get("/login/")
        check(status == 200 and "Đăng nhập" in body.decode(), "the login page opens")
        check(self.cookie("csrftoken") is not None, "the login page sets the CSRF cookie")
        status, headers, _ = self.post_form("/login/", {"username": username, "password": PASSWORD})
        check(
            status == 302 and headers.get("Location") == "/",
            f"{username} logs in (302 to /, got {status} {headers.get('Location')})",
        )
        session = self.cookie("sessionid")
        check(session is not None and session.secure, "the session cookie is Secure")


def _multipart(fields: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content, mime) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {mime}\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


PASSED = []


def check(condition: bool, what: str) -> None:
    if not condition:
        print(f"smoke: FAILED: {what}", flush=True)
        print(f"{len(PASSED)} passed, 1 failed")
        sys.exit(1)
    PASSED.append(what)
    print(f"smoke: ok: {what}", flush=True)


def page_is_vietnamese(body: bytes) -> bool:
    text = body.decode()
    return '<html lang="vi"' in text and "Traceback" not in text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="https://host:port of nginx")
    parser.add_argument("--cafile", required=True, help="the certificate nginx presents")
    parser.add_argument("--http", help="http://host:port of nginx's plain-HTTP server")
    parser.add_argument("--log", help="the application's stdout, to find the request lines")
    args = parser.parse_args(argv)
    context = ssl.create_default_context(cafile=args.cafile)
    started = time.perf_counter()

    anonymous = Session(args.base, context)
    status, headers, body = anonymous.get("/health/")
    health = json.loads(body)
    check(status == 200 and health["status"] == "ok", f"/health/ answers ok: {health}")

    status, headers, _ = anonymous.get("/static/tuyengiao/site.css")
    check(status == 200, "a static file is served")
    check(
        "max-age=604800" in headers.get("Cache-Control", ""),
        f"static files come from nginx (Cache-Control {headers.get('Cache-Control')})",
    )
    status, _, _ = anonymous.get("/static/bootstrap/css/bootstrap.min.css")
    check(status == 200, "Bootstrap's CSS is served from this server")

    status, _, body = anonymous.get("/khong-co-trang-nay/")
    check(
        status == 404 and "Không tìm thấy" in body.decode() and page_is_vietnamese(body),
        "an unknown address gets the Vietnamese 404 page",
    )
    status, headers, _ = anonymous.get("/reporting/")
    check(
        status == 302 and headers["Location"].startswith("/login/"),
        "an anonymous visitor is sent to the login page",
    )

    specialist = Session(args.base, context)
    specialist.login("chuyenvien")
    for path in PAGES:
        status, _, body = specialist.get(path)
        check(status == 200 and page_is_vietnamese(body), f"{path} opens in Vietnamese")

    reporter = Session(args.base, context)
    reporter.login("bennghe")
    status, headers, content = reporter.get("/reporting/excel/HT-NQ/2023/mau.xlsx")
    check(status == 200 and content[:2] == b"PK", "the reporter downloads the Excel template")
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook["Số liệu"]
    row = next(r for r in range(4, sheet.max_row + 1) if sheet.cell(r, 1).value == "DU-BEN-NGHE")
    for column, value in zip(range(3, 7), (120, 110, 100, 40), strict=True):
        sheet.cell(row=row, column=column, value=value)
    upload = io.BytesIO()
    workbook.save(upload)
    status, _, body = reporter.post_form(
        "/reporting/excel/HT-NQ/2023/nhap/",
        {"submit_now": "on"},
        files={
            "file": (
                "bao-cao.xlsx",
                upload.getvalue(),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            )
        },
    )
    check(
        status == 200 and "Đã gửi báo cáo của 1 đơn vị." in body.decode(),
        "the filled Excel file is uploaded through nginx and submitted",
    )

    api = Session(args.base, context)
    status, _, body = api.request(
        "POST",
        "/api/token/",
        data=json.dumps({"username": "bennghe", "password": PASSWORD}).encode(),
        headers={"Content-Type": "application/json"},
    )
    check(status == 200 and "token" in json.loads(body), "the API hands out a token")
    token = json.loads(body)["token"]
    status, _, body = api.get(
        "/api/units/", headers={"Authorization": f"Token {token}", "Accept": "application/json"}
    )
    codes = re.findall(r'"code":\s*"([^"]+)"', body.decode())
    check(status == 200 and "DU-BEN-NGHE" in codes, "an API call with the token lists units")
    status, _, _ = api.get("/api/units/", headers={"Accept": "application/json"})
    check(status in (401, 403), "the API refuses a call without a token")

    if args.http:
        plain = Session(args.http, context)
        status, headers, _ = plain.get("/reporting/")
        check(
            status == 301 and headers["Location"].startswith("https://"),
            "plain HTTP is redirected to HTTPS",
        )

    if args.log:
        time.sleep(0.5)
        lines = [json.loads(line) for line in open(args.log) if line.startswith("{")]
        mine = [
            line
            for line in lines
            if line.get("logger") == "tuyengiao.request"
            and line.get("path") == "/reporting/excel/HT-NQ/2023/nhap/"
            and line.get("method") == "POST"
        ]
        check(
            bool(mine) and mine[-1]["user"] == "bennghe" and mine[-1]["status"] == 200,
            "the upload is one JSON line in the log with the user and the status",
        )

    print(f"smoke: {len(PASSED)} checks in {time.perf_counter() - started:.1f} s")
    print(f"{len(PASSED)} passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
