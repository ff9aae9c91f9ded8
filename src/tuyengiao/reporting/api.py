"""REST API of the reporting engine: definitions, the user's submissions, and analytics.

Same rules as the pages: submissions start from `visible_to(user)` (a sibling unit's report
is 404), writes go through services.save_draft / services.submit (the same checks and
Vietnamese messages as the web form), figures come from rollup.rollup. A DomainError
becomes a 400 (403 for NotAllowed) in the API's one error shape (core.api_errors).
Form and period definitions are not unit data and are readable by every signed-in user.
"""

from __future__ import annotations

from django.http import Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from tuyengiao.core.errors import DomainError
from tuyengiao.orgs.models import OrgUnit

from . import bulk, history, review, rollup, services
from .api_serializers import (
    AnalyticsQuerySerializer,
    AnalyticsSerializer,
    BulkResultSerializer,
    BulkSerializer,
    FormSerializer,
    PeriodSerializer,
    ReasonSerializer,
    SubmissionSerializer,
    SubmissionWriteSerializer,
    ValueChangeSerializer,
    ValuesSerializer,
)
from .choices import ValuePath
from .models import Form, Period, Submission


def _by_code(queryset, code, what: str):
    item = queryset.filter(code=code).first() if code else None
    if item is None:
        raise Http404(f"Không tìm thấy {what} «{code}».")
    return item


def _collection(form, code):
    """The form's collection period; a year code may name the year's one campaign."""
    try:
        return services.resolve_period(form, code)
    except DomainError as exc:
        if exc.field == "period" and "đợt" not in exc.message:
            raise Http404(f"Không tìm thấy kỳ báo cáo «{code}».") from exc
        raise


class FormViewSet(viewsets.ReadOnlyModelViewSet):
    """Forms with their fields, validation rules and indicators."""

    serializer_class = FormSerializer
    lookup_field = "code"
    queryset = Form.objects.prefetch_related("fields", "rules", "indicators").order_by("code")


class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = PeriodSerializer
    lookup_field = "code"
    queryset = Period.objects.all()
    filterset_fields = ["type"]


@extend_schema_view(
    list=extend_schema(
        parameters=[
            OpenApiParameter("form", str, description="Mã biểu mẫu, ví dụ HT-NQ"),
            OpenApiParameter("period", str, description="Mã kỳ, ví dụ 2022"),
            OpenApiParameter("unit", str, description="Mã đơn vị"),
            OpenApiParameter("status", str, description="draft, submitted, returned, approved"),
        ]
    )
)
class SubmissionViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    """The submissions of the units the user may see. Create and update save a draft
    (every field and rule checked); `submit` sends it."""

    serializer_class = SubmissionSerializer
    filterset_fields: list[str] = []
    # Any id reaches get_object, which answers «Không tìm thấy báo cáo …» in Vietnamese.
    lookup_value_regex = r"[^/.]+"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no query
            return Submission.objects.none()
        submissions = (
            Submission.objects.visible_to(self.request.user)
            .select_related("form", "period", "unit")
            .order_by("-period__start", "form__code", "unit__sort_name")
        )
        if self.action != "submit":  # sending answers with the values it read itself
            submissions = submissions.prefetch_related("values__field")
        params = self.request.query_params
        form = Form.objects.filter(code=params["form"]).first() if params.get("form") else None
        if form is not None and params.get("period"):
            try:  # ?form=HT-NQ&period=2022: the year's one campaign, as on the pages
                submissions = submissions.filter(
                    period=services.resolve_period(form, params["period"])
                )
            except DomainError:
                return submissions.none()
        for name, lookup in (
            ("form", "form__code"),
            ("period", "period__code" if form is None else None),
            ("unit", "unit__code"),
            ("status", "status"),
        ):
            if params.get(name) and lookup:
                submissions = submissions.filter(**{lookup: params[name]})
        return submissions

    def get_object(self):
        pk = str(self.kwargs.get("pk", ""))
        submission = self.get_queryset().filter(pk=pk).first() if pk.isdigit() else None
        if submission is None:
            raise Http404("Không tìm thấy báo cáo này (hoặc báo cáo ngoài phạm vi của bạn).")
        return submission

    def _reported(self, submission, http_status=status.HTTP_200_OK):
        if getattr(submission, "values_now", None) is None:
            submission = self.get_queryset().get(pk=submission.pk)
        # else: just saved by the service, every column and value in hand (issue 17)
        data = self.get_serializer(submission).data
        warnings = getattr(submission, "warnings", None)
        if warnings:
            data["warnings"] = warnings
        return Response(data, status=http_status)

    @extend_schema(request=SubmissionWriteSerializer, responses={201: SubmissionSerializer})
    def create(self, request, *args, **kwargs):
        incoming = SubmissionWriteSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        # Usually one statement finds and locks the unit's assignment (issue 17).
        submission = services.save_draft_by_code(
            data["form"],
            data["period"],
            data["unit"],
            data["values"],
            actor=request.user,
            path=ValuePath.API,
        )
        if submission is None:
            form = _by_code(Form.objects.all(), data["form"], "biểu mẫu")
            period = _collection(form, data["period"])
            # A unit outside the user's scope does not exist for them (404, as on the pages).
            visible = OrgUnit.objects.visible_to(request.user)
            unit = _by_code(visible, data["unit"], "đơn vị")
            submission = services.save_draft(
                form, unit, period, data["values"], actor=request.user, path=ValuePath.API
            )
        return self._reported(submission, status.HTTP_201_CREATED)

    @extend_schema(request=ValuesSerializer, responses=SubmissionSerializer)
    def update(self, request, *args, **kwargs):
        submission = self.get_object()
        incoming = ValuesSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        values = incoming.validated_data["values"]
        if kwargs.get("partial"):
            values = {**services.stored_values(submission), **values}
        saved = services.save_draft(
            submission.form,
            submission.unit,
            submission.period,
            values,
            actor=request.user,
            path=ValuePath.API,
        )
        return self._reported(saved)

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        """Send the draft (or the returned report) for approval."""
        submission = self.get_object()
        sent = services.submit(
            submission.form,
            submission.unit,
            submission.period,
            actor=request.user,
            path=ValuePath.API,
        )
        return self._reported(sent)

    @extend_schema(request=BulkSerializer, responses=BulkResultSerializer)
    @action(detail=False, methods=["post"])
    def bulk(self, request):
        """Many units' figures at once: {"form", "period", "submit", "items": [{"unit",
        "values"}]}. Each unit is checked and saved on its own; the answer lists each
        unit's result in order (200 when all saved, 207 when some were refused)."""
        incoming = BulkSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = incoming.validated_data
        form = _by_code(Form.objects.all(), data["form"], "biểu mẫu")
        period = _collection(form, data["period"])
        results = bulk.save_each(
            form, period, data["items"], actor=request.user, submit=data["submit"]
        )
        saved = sum(1 for r in results if r["ok"])
        body = {"saved": saved, "refused": len(results) - saved, "results": results}
        return Response(body, status=200 if saved == len(results) else 207)

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        """Approve a submitted report (the `approve` right on its unit; not one's own when
        the form says so)."""
        submission = self.get_object()
        return self._reported(review.approve(submission, actor=request.user))

    @extend_schema(request=ReasonSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        """Send a submitted report back to its unit with a reason."""
        submission = self.get_object()
        reason = _reason(request)
        return self._reported(review.return_submission(submission, reason, actor=request.user))

    @extend_schema(request=ReasonSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        """Reopen an approved report for correction, with a reason."""
        submission = self.get_object()
        reason = _reason(request)
        return self._reported(review.reopen(submission, reason, actor=request.user))

    @extend_schema(responses=ValueChangeSerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None):
        """Every change of this report's figures: old, new, who, when, which way."""
        submission = self.get_object()
        changes = history.changes_for(submission)
        return Response(ValueChangeSerializer(changes, many=True).data)


def _reason(request) -> str:
    incoming = ReasonSerializer(data=request.data)
    incoming.is_valid(raise_exception=True)
    return incoming.validated_data["reason"]


class AnalyticsViewSet(viewsets.GenericViewSet):
    """A form's figures for a unit's subtree and a period, with completeness."""

    serializer_class = AnalyticsSerializer
    queryset = Submission.objects.none()  # for the schema; the figures come from rollup

    @extend_schema(parameters=[AnalyticsQuerySerializer], responses=AnalyticsSerializer)
    def list(self, request):
        query = AnalyticsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        params = query.validated_data
        form = _by_code(Form.objects.all(), params["form"], "biểu mẫu")
        period = _collection(form, params["period"])
        unit = _by_code(OrgUnit.objects.visible_to(request.user), params["unit"], "đơn vị")
        result = rollup.rollup(
            form,
            unit,
            period,
            include_submitted=params["include_submitted"],
            level=params.get("level"),
        ).as_json()
        result["include_submitted"] = params["include_submitted"]
        return Response(_pick(result, form, params))


def _pick(result: dict, form, params) -> dict:
    """Keep only the asked field or indicator; a code the form does not have is a 400."""
    code, kind = params.get("indicator"), "indicators"
    if not code:
        code, kind = params.get("field"), "fields"
    if not code:
        return result
    if code not in result[kind]:
        word = "chỉ số" if kind == "indicators" else "chỉ tiêu (trường) số"
        raise serializers.ValidationError(
            {kind[:-1]: [f"Biểu mẫu «{form.code}» không có {word} mã «{code}»."]}
        )
    result[kind] = {code: result[kind][code]}
    result["fields" if kind == "indicators" else "indicators"] = {}
    return result


def register(router):
    router.register("forms", FormViewSet, basename="reporting-form")
    router.register("periods", PeriodViewSet, basename="reporting-period")
    router.register("submissions", SubmissionViewSet, basename="reporting-submission")
    router.register("analytics", AnalyticsViewSet, basename="reporting-analytics")
