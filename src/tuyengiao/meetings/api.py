"""Conferences (read) and tasks (read, report progress) over the API, same scope as the pages."""

from django.shortcuts import get_object_or_404
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .choices import TaskStatus
from .filters import ConferenceFilter, TaskFilter
from .models import Conclusion, Conference, Delegate, Presentation, Task


class DelegateSerializer(serializers.ModelSerializer):
    class Meta:
        model = Delegate
        fields = ["name", "title", "unit_name"]


class PresentationSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Presentation
        fields = ["unit", "title", "illustrative"]


class ConclusionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Conclusion
        fields = ["id", "order", "text"]


class ConferenceSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    delegates = DelegateSerializer(many=True, read_only=True)
    presentations = PresentationSerializer(many=True, read_only=True)
    conclusions = ConclusionSerializer(many=True, read_only=True)

    class Meta:
        model = Conference
        fields = [
            "id",
            "kind",
            "title",
            "date",
            "place",
            "unit",
            "delegates",
            "presentations",
            "conclusions",
        ]


class TaskSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)
    overdue = serializers.BooleanField(read_only=True)
    conference = serializers.IntegerField(source="conclusion.conference_id", read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "title",
            "unit",
            "due_date",
            "status",
            "overdue",
            "done_on",
            "conference",
            "conclusion",
        ]


class ProgressSerializer(serializers.Serializer):
    date = serializers.DateField()
    text = serializers.CharField()
    status = serializers.ChoiceField(choices=TaskStatus.choices)


class ConferenceViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ConferenceSerializer
    filterset_class = ConferenceFilter

    def get_queryset(self):
        return (
            Conference.objects.visible_to(self.request.user)
            .select_related("unit")
            .prefetch_related("delegates", "presentations__unit", "conclusions")
        )


class TaskViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = TaskSerializer
    filterset_class = TaskFilter

    def get_queryset(self):
        return Task.objects.visible_to(self.request.user).select_related(
            "unit", "conclusion__conference__unit"
        )

    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None):
        """A progress note and (optionally) a new status, as on the task page (the service
        refuses a user who may not follow the task up: 403)."""
        task = get_object_or_404(self.get_queryset(), pk=pk)
        data = ProgressSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        task = services.record_progress(task, actor=request.user, **data.validated_data)
        return Response(TaskSerializer(task).data, status=status.HTTP_200_OK)


def register(router):
    router.register("conferences", ConferenceViewSet, basename="conference")
    router.register("tasks", TaskViewSet, basename="task")
