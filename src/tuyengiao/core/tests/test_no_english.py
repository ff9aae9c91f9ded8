"""Every page of the demo, as each role, speaks Vietnamese: no English UI word, no internal key.

The pages are found as a person finds them: from the home page, following every link
(GET, same site) breadth-first. Visible text and the attributes a person meets (aria-label,
title, placeholder, alt, value of buttons) are checked.
"""

import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

import pytest

pytestmark = pytest.mark.django_db

# UI words that leaked in English before; each would mean an untranslated string.
ENGLISH = [
    "Save",
    "Cancel",
    "Delete",
    "Remove",
    "Submit",
    "Search",
    "Edit",
    "Back",
    "Next",
    "Previous",
    "Approve",
    "Reopen",
    "Enter a",
    "Please",
    "This field",
    "Choose File",
    "No file chosen",
    "Toggle theme",
    "Menu",
    "breadcrumb",
    "Orgs",
    "None",
    "True",
    "False",
    "approved",
    "submitted",
    "draft",
    "returned",
    "not_started",
    "in_progress",
    "Log out",
    "Password",
    "Username",
    "Home",
    "Status",
    "Unit",
    "Year",
    "Month",
    "Page",
    "results",
    "Error",
    "Removed",
    "Added",
    "Recipient",
    "slug",
    "Select",
    "Filter",
    "Download",
]
ENGLISH_RE = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ENGLISH) + r")(?![\w-])")
# members_total, participation_rate, study.HT-TW456-2022.members_total, submission.import_excel
KEY_RE = re.compile(r"(?<![\w/-])[a-z]+(?:_[a-z0-9]+)+(?![\w/-])|\b[a-z]+\.[a-z]+_[a-z_]+\b")
# Column names of an import file, which a person types in the file's header row.
ALLOWED_KEYS = {"valid_from"}
# Django's and django-filter's empty choice: a Vietnamese list says «Tất cả» or «Chọn …».
DASHES_RE = re.compile(r"-{9}")
PLACEHOLDER_RE = re.compile(r"\{\{[^{}]*\}\}")
SHOWN_ATTRS = {"aria-label", "title", "placeholder", "alt"}
MAX_PAGES = 200
SKIP = ("/logout/", "/admin/", "/api/", "/static/", "/media/", "/undo/")


class Visible(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.links, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "style", "template", "code", "pre", "kbd"):
            self._hidden += 1  # not UI text: programs, or what a person types in a file
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        for name in SHOWN_ATTRS:
            if attrs.get(name):
                self.parts.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "code", "pre", "kbd") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def crawl(client):
    """{path: [problem, …]} for the pages reachable from the home page."""
    queue, seen, problems, visited = deque(["/"]), {"/"}, {}, 0
    while queue and visited < MAX_PAGES:
        url = queue.popleft()
        visited += 1
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = Visible()
        parser.feed(response.content.decode())
        # {{study.participation_rate}}: a figure code the writer types into a report section
        text = PLACEHOLDER_RE.sub("", "\n".join(parser.parts))
        found = sorted(
            (
                set(ENGLISH_RE.findall(text))
                | set(KEY_RE.findall(text))
                | set(DASHES_RE.findall(text))
            )
            - ALLOWED_KEYS
        )
        if re.search(r"<input[^>]*type=\"date\"", response.content.decode()):
            # The browser's own date box shows mm/dd/yyyy in an English-language browser.
            found.append('<input type="date">')
        if found:
            problems[url] = found
        for href in parser.links:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(SKIP) or parts.path.endswith((".xlsx", ".docx", ".csv")):
                continue
            key = parts.path  # one visit per page, whatever the filters in the query
            if key not in seen:
                seen.add(key)
                queue.append(href)
    return problems, visited


@pytest.mark.slow
@pytest.mark.parametrize("role", ["admin", "specialist", "approver", "viewer", "reporter"])
def test_no_page_shows_english_or_internal_keys(client, request, role):
    client.force_login(request.getfixturevalue(role))
    problems, visited = crawl(client)
    assert visited > 20, visited
    assert problems == {}


@pytest.mark.parametrize(
    ("html", "leak"),
    [
        ("<p>Trạng thái: approved / submitted</p>", "approved"),
        ("<td>study.HT-TW456-2022.members_total</td>", "members_total"),
        ("<option>Học tập · Tỷ lệ (participation_rate)</option>", "participation_rate"),
        ('<button aria-label="Menu"></button>', "Menu"),
        ('<nav aria-label="breadcrumb"></nav>', "breadcrumb"),
        ("<li>submission.import_excel</li>", "submission.import_excel"),
        ("<span>Toggle theme (current theme: auto)</span>", "Toggle theme"),
        ("<select><option>---------</option></select>", "---------"),
    ],
)
def test_the_checker_catches_the_leaks_the_issue_found(html, leak):
    parser = Visible()
    parser.feed(html)
    text = "\n".join(parser.parts)
    assert leak in set(ENGLISH_RE.findall(text)) | set(KEY_RE.findall(text)) | set(
        DASHES_RE.findall(text)
    )


def test_the_checker_leaves_vietnamese_alone():
    parser = Visible()
    parser.feed("<p>Đã duyệt 6.513 báo cáo ngày 10/02/2023; tệp bao-cao.docx; 05-KH/QU</p>")
    text = "\n".join(parser.parts)
    assert not ENGLISH_RE.findall(text) and not KEY_RE.findall(text)
