"""The Vietnamese wording of what is sent: stored with the notification and e-mailed as is,
so a reader sees the same sentence in the bell and in the mail."""

from __future__ import annotations

from django.conf import settings

from tuyengiao.core.text import format_date, format_number


def link(path: str) -> str:
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


def reminder(pending, on) -> tuple[str, str]:
    form, period, unit = pending.form, pending.period, pending.unit
    days_late = pending.days_late(on)
    deadline = format_date(pending.deadline)
    if days_late < 0:
        when = f"Hạn nộp: {deadline} (còn {format_number(-days_late)} ngày)."
    elif days_late == 0:
        when = f"Hạn nộp: hôm nay, {deadline}."
    else:
        when = f"Hạn nộp: {deadline}, đã quá hạn {format_number(days_late)} ngày."
    title = f"Nhắc báo cáo: {form.name} — {period.name}"
    body = (
        f"{unit.name} chưa gửi báo cáo «{form.name}» ({form.code}) kỳ {period.name}. "
        f"{when} Nhập và gửi số liệu tại: {link(pending.path)}"
    )
    return title, body


def returned(submission, reason: str) -> tuple[str, str]:
    return (
        f"Báo cáo bị trả lại: {submission.form.name} — {submission.period.name}",
        f"Báo cáo «{submission.form.name}» kỳ {submission.period.name} của {submission.unit.name} "
        f"đã bị trả lại. Lý do: {reason}",
    )


def reopened(submission, reason: str) -> tuple[str, str]:
    return (
        f"Báo cáo được mở lại để sửa: {submission.form.name} — {submission.period.name}",
        f"Báo cáo «{submission.form.name}» kỳ {submission.period.name} của {submission.unit.name} "
        f"đã duyệt nay được mở lại để sửa và gửi lại. Lý do: {reason}",
    )


def approved(submission) -> tuple[str, str]:
    return (
        f"Báo cáo đã được duyệt: {submission.form.name} — {submission.period.name}",
        f"Báo cáo «{submission.form.name}» kỳ {submission.period.name} của "
        f"{submission.unit.name} đã được duyệt.",
    )


def waiting(submission) -> tuple[str, str]:
    return (
        f"Báo cáo chờ duyệt: {submission.unit.name}",
        f"{submission.unit.name} đã gửi báo cáo «{submission.form.name}» kỳ "
        f"{submission.period.name}, đang chờ duyệt.",
    )


def assigned(assignment) -> tuple[str, str]:
    return (
        f"Biểu mẫu mới cần báo cáo: {assignment.form.name} — {assignment.period.name}",
        f"{assignment.unit.name} được giao báo cáo «{assignment.form.name}» kỳ "
        f"{assignment.period.name}, hạn nộp {format_date(assignment.deadline)}.",
    )


def task_due(task, on) -> tuple[str, str]:
    days = (task.due_date - on).days
    return (
        f"Nhiệm vụ sắp đến hạn: {task.title[:200]}",
        f"Nhiệm vụ «{task.title}» giao cho {task.unit.name} đến hạn ngày "
        f"{format_date(task.due_date)} (còn {format_number(days)} ngày).",
    )


def task_overdue(task, on) -> tuple[str, str]:
    days = (on - task.due_date).days
    return (
        f"Nhiệm vụ quá hạn: {task.title[:200]}",
        f"Nhiệm vụ «{task.title}» giao cho {task.unit.name} đã quá hạn "
        f"{format_number(days)} ngày (hạn {format_date(task.due_date)}).",
    )
