"""Serializers of the reporting API (read shapes, and the small write payloads)."""

from __future__ import annotations

from decimal import Decimal

from rest_framework import serializers

from .models import Field, Form, Indicator, Period, Submission, ValidationRule

# Plain strings, not enums: several apps have a "type" field, and the schema's enum names
# would collide (drf-spectacular warns); the allowed values are in the help text.
FIELD_TYPES = "integer, decimal, text, date, choice"
PERIOD_TYPES = "year, half, quarter, month, campaign"


class FieldSerializer(serializers.ModelSerializer):
    choices = serializers.ListField(source="choice_list", child=serializers.CharField())
    type = serializers.CharField(read_only=True, help_text=FIELD_TYPES)

    class Meta:
        model = Field
        fields = [
            "code",
            "label",
            "help",
            "type",
            "choices",
            "required",
            "min_value",
            "max_value",
            "aggregation",
            "order",
        ]


class RuleSerializer(serializers.ModelSerializer):
    class Meta:
        model = ValidationRule
        fields = ["left", "operator", "right", "severity", "message"]


class IndicatorSerializer(serializers.ModelSerializer):
    class Meta:
        model = Indicator
        fields = ["code", "name", "numerator", "denominator", "factor", "decimals", "rounding"]


class FormSerializer(serializers.ModelSerializer):
    period_type = serializers.CharField(read_only=True, help_text=PERIOD_TYPES)
    fields = FieldSerializer(many=True, read_only=True)
    rules = RuleSerializer(many=True, read_only=True)
    indicators = IndicatorSerializer(many=True, read_only=True)

    class Meta:
        model = Form
        fields = [
            "code",
            "name",
            "description",
            "period_type",
            "deadline_days",
            "approval_required",
            "fields",
            "rules",
            "indicators",
        ]


class PeriodSerializer(serializers.ModelSerializer):
    type = serializers.CharField(read_only=True, help_text=PERIOD_TYPES)

    class Meta:
        model = Period
        fields = ["code", "name", "type", "start", "end"]


def json_number(number: Decimal):
    return int(number) if number == number.to_integral_value() else float(number)


class SubmissionSerializer(serializers.ModelSerializer):
    form = serializers.SlugRelatedField(slug_field="code", read_only=True)
    period = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    values = serializers.SerializerMethodField()
    may = serializers.SerializerMethodField(
        help_text="Việc người gọi được làm với báo cáo lúc này: duyệt, trả lại, mở lại."
    )

    class Meta:
        model = Submission
        fields = [
            "id",
            "form",
            "period",
            "unit",
            "unit_name",
            "status",
            "submitted_at",
            "first_submitted_at",
            "reopened",
            "approved_at",
            "returned_reason",
            "values",
            "may",
        ]

    def get_may(self, submission) -> dict[str, bool]:
        from .review import may_approve, may_reopen, may_return

        request = self.context.get("request")
        user = getattr(request, "user", None)
        return {
            "approve": may_approve(user, submission),
            "return": may_return(user, submission),
            "reopen": may_reopen(user, submission),
        }

    def get_values(self, submission) -> dict[str, int | float | str | None]:
        now = getattr(submission, "values_now", None)
        if now is not None:  # just saved: the service says what is stored (no re-read)
            return {
                code: json_number(value) if isinstance(value, Decimal) else value
                for code, value in now.items()
            }
        result = {}
        for value in submission.values.all():
            if value.field.is_numeric:
                number = value.number
                result[value.field.code] = None if number is None else json_number(number)
            else:
                result[value.field.code] = value.text
        return result


class ValuesSerializer(serializers.Serializer):
    values = serializers.DictField(
        child=serializers.JSONField(allow_null=True),
        help_text='{mã chỉ tiêu: giá trị}, ví dụ {"members_total": 120}',
    )

    def validate_values(self, values):
        for code, value in values.items():
            if isinstance(value, (dict, list)):
                raise serializers.ValidationError(
                    f"«{code}»: giá trị phải là một số hoặc một chuỗi, không phải danh sách."
                )
        return values


class SubmissionWriteSerializer(ValuesSerializer):
    form = serializers.CharField(max_length=40, help_text="Mã biểu mẫu, ví dụ HT-NQ")
    period = serializers.CharField(max_length=40, help_text="Mã kỳ, ví dụ 2023")
    unit = serializers.CharField(max_length=40, help_text="Mã đơn vị, ví dụ DU-BEN-NGHE")


class BulkSerializer(serializers.Serializer):
    form = serializers.CharField(max_length=40, help_text="Mã biểu mẫu, ví dụ HT-NQ")
    period = serializers.CharField(max_length=40, help_text="Mã kỳ hoặc mã đợt")
    submit = serializers.BooleanField(required=False, default=False, help_text="Gửi luôn")
    items = serializers.ListField(
        child=serializers.DictField(),
        allow_empty=False,
        help_text="Mỗi đơn vị một mục: {unit, values}",
        error_messages={
            "empty": "Danh sách «items» trống.",
            "not_a_list": "«items» phải là danh sách.",
        },
    )


class BulkItemResultSerializer(serializers.Serializer):
    unit = serializers.CharField()
    ok = serializers.BooleanField()
    id = serializers.IntegerField(required=False)
    status = serializers.CharField(required=False)
    detail = serializers.CharField(required=False)
    errors = serializers.JSONField(required=False)
    warnings = serializers.JSONField(required=False)


class BulkResultSerializer(serializers.Serializer):
    saved = serializers.IntegerField()
    refused = serializers.IntegerField()
    results = BulkItemResultSerializer(many=True)


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=2000,
        help_text="Lý do (trả lại, mở lại) mà đơn vị sẽ đọc",
        error_messages={
            "required": "Cần ghi lý do (reason).",
            "blank": "Cần ghi lý do (reason).",
            "max_length": "Lý do dài quá 2.000 ký tự.",
        },
    )


class ValueChangeSerializer(serializers.Serializer):
    field = serializers.CharField(source="field.code")
    label = serializers.CharField(source="field.label")
    old = serializers.SerializerMethodField()
    new = serializers.SerializerMethodField()
    by = serializers.SerializerMethodField()
    at = serializers.DateTimeField()
    path = serializers.CharField()
    context = serializers.CharField()

    def get_old(self, change) -> int | float | str | None:
        return _plain(change.old_number, change.old_text)

    def get_new(self, change) -> int | float | str | None:
        return _plain(change.new_number, change.new_text)

    def get_by(self, change) -> str | None:
        return change.actor.username if change.actor else None


def _plain(number, text):
    if number is not None:
        return json_number(number)
    return text or None


class AnalyticsQuerySerializer(serializers.Serializer):
    form = serializers.CharField(max_length=40, help_text="Mã biểu mẫu, ví dụ HT-NQ")
    unit = serializers.CharField(max_length=40, help_text="Mã đơn vị, ví dụ QU-Q1")
    period = serializers.CharField(max_length=40, help_text="Mã kỳ, ví dụ 2022")
    indicator = serializers.CharField(required=False, help_text="Chỉ một chỉ số")
    level = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=2,
        help_text="Biểu mẫu duyệt hai cấp: tính báo cáo đã duyệt từ cấp này",
        error_messages={
            "invalid": "Cấp duyệt (level) phải là 1 hoặc 2.",
            "min_value": "Cấp duyệt (level) phải là 1 hoặc 2.",
            "max_value": "Cấp duyệt (level) phải là 1 hoặc 2.",
        },
    )
    field = serializers.CharField(required=False, help_text="Chỉ một chỉ tiêu số")
    include_submitted = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Tính cả báo cáo đã gửi, chưa duyệt",
        error_messages={"invalid": "Giá trị include_submitted phải là 1 hoặc 0 (true/false)."},
    )

    def validate(self, attrs):
        if attrs.get("indicator") and attrs.get("field"):
            raise serializers.ValidationError("Chỉ chọn một trong hai: indicator hoặc field.")
        return attrs


class IndicatorValueSerializer(serializers.Serializer):
    value = serializers.CharField(allow_null=True)
    display = serializers.CharField()


class CompletenessSerializer(serializers.Serializer):
    expected = serializers.IntegerField()
    submitted = serializers.IntegerField()
    approved = serializers.IntegerField()


class AnalyticsSerializer(serializers.Serializer):
    unit = serializers.CharField()
    form = serializers.CharField()
    period = serializers.CharField()
    include_submitted = serializers.BooleanField()
    fields = serializers.DictField(child=serializers.FloatField(allow_null=True))
    indicators = serializers.DictField(child=IndicatorValueSerializer())
    completeness = CompletenessSerializer()
