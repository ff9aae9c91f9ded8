import re

from django import forms
from django.utils.translation import gettext_lazy as _

from tuyengiao.core.forms import VNDateField, VNIntegerField
from tuyengiao.core.text import format_number

from .content import ReportOptions

MAX_RECIPIENTS = 12


class ReportOptionsForm(forms.Form):
    """The parts of the report the writer edits; everything else comes from the figures."""

    number = forms.CharField(
        label=_("Number"),
        max_length=10,
        required=False,
        help_text=_("Sequence only, e.g. 05 for «Số 05-BC/QU»; leave blank to fill in by hand."),
    )
    date = VNDateField(label=_("Date"), required=False)
    subtitle = forms.CharField(label=_("Title line"), max_length=300, required=False)
    signer_for = forms.CharField(label=_("On behalf of"), max_length=120, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=120, required=False)
    signer_name = forms.CharField(label=_("Signer's name"), max_length=120, required=False)
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("One per line."),
    )
    remember = forms.BooleanField(
        label=_("Keep the signer and recipients for the unit's next reports"),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "remember":
                field.widget.attrs.setdefault("class", "form-control")

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if number and not re.fullmatch(r"\d{1,6}", number):
            raise forms.ValidationError(
                f"Số báo cáo «{number}» không hợp lệ: chỉ ghi số thứ tự, ví dụ 05."
            )
        return number

    def clean_recipients(self):
        lines = [line.strip(" -,.") for line in self.cleaned_data["recipients"].splitlines()]
        lines = [line for line in lines if line]
        if len(lines) > MAX_RECIPIENTS:
            raise forms.ValidationError(
                f"Nơi nhận có {len(lines)} dòng, nhiều hơn mức tối đa {MAX_RECIPIENTS}."
            )
        return lines

    def options(self) -> ReportOptions:
        data = self.cleaned_data
        return ReportOptions(
            number=data["number"],
            date=data["date"],
            subtitle=data["subtitle"].strip(),
            signer_for=data["signer_for"].strip(),
            signer_title=data["signer_title"].strip(),
            signer_name=data["signer_name"].strip(),
            recipients=data["recipients"],
        )

    @classmethod
    def initial_from(cls, options: ReportOptions) -> dict:
        data = options.as_json()
        data["date"] = options.date
        data["recipients"] = "\n".join(options.recipients)
        return data


MAX_TEXT_CHARS = 200_000


class CheckForm(forms.Form):
    """Text pasted or a .docx/.txt uploaded, optionally matched against a unit's figures."""

    # No max_length: the browser would cut a longer paste silently at the limit, and Django's
    # own message left the clean() below asking for a text that had been pasted.
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    file = forms.FileField(
        label=_("or a file (.docx, .txt)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt"}),
    )
    unit = forms.ChoiceField(label=_("Match against the figures of"), required=False)
    year = VNIntegerField(label=_("Year"), required=False, min_value=1930, max_value=2100)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [("", "—")] + [(u.code, u.name) for u in units]

    def clean_text(self):
        text = self.cleaned_data.get("text") or ""
        if len(text) > MAX_TEXT_CHARS:
            raise forms.ValidationError(
                f"Văn bản dài {format_number(len(text))} ký tự, vượt mức tối đa "
                f"{format_number(MAX_TEXT_CHARS)} ký tự mỗi lần kiểm tra; hãy chia văn bản "
                "thành nhiều phần."
            )
        return text

    def clean_file(self):
        from django.conf import settings

        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        limit = settings.MAX_UPLOAD_MB
        if upload.size > limit * 1024 * 1024:
            raise forms.ValidationError(
                f"Tệp «{upload.name}» nặng {upload.size / 1024 / 1024:.1f} MB, vượt mức tối đa "
                f"{limit} MB."
            )
        name = upload.name.lower()
        if not name.endswith((".docx", ".txt")):
            raise forms.ValidationError(
                f"Tệp «{upload.name}» không được hỗ trợ: chỉ nhận tệp .docx hoặc .txt."
            )
        head = upload.read(4)
        upload.seek(0)
        if name.endswith(".docx") and head[:2] != b"PK":
            raise forms.ValidationError(
                f"Tệp «{upload.name}» không phải tệp Word .docx (nội dung không đúng định dạng)."
            )
        return upload

    def clean(self):
        data = super().clean()
        if "text" in self.errors or "file" in self.errors:
            return data
        if not (data.get("text") or "").strip() and not data.get("file"):
            raise forms.ValidationError("Hãy dán văn bản hoặc chọn một tệp .docx/.txt để kiểm tra.")
        if bool(data.get("unit")) != bool(data.get("year")):
            raise forms.ValidationError(
                "Để đối chiếu với số liệu của hệ thống, hãy chọn cả đơn vị và năm."
            )
        return data


class SectionTextsForm(forms.Form):
    """The parts of the report the department writes, one text area each."""

    def __init__(self, *args, sections=(), **kwargs):
        super().__init__(*args, **kwargs)
        for key, name, ask in sections:
            self.fields[key] = forms.CharField(
                label=name,
                required=False,
                max_length=20_000,
                widget=forms.Textarea(attrs={"rows": 4, "class": "form-control"}),
                help_text=ask[:1].upper() + ask[1:] + ".",
            )


class IssueForm(forms.Form):
    number = forms.CharField(label=_("Issue number"), max_length=6)
    date = VNDateField(label=_("Date of signing"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        if not re.fullmatch(r"\d{1,6}", number):
            raise forms.ValidationError(
                f"Số báo cáo «{number}» không hợp lệ: chỉ ghi số thứ tự, ví dụ 115."
            )
        return number
