from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from . import services
from .filters import ChannelFilter, ChannelStatFilter
from .models import Channel, ChannelStat


class ChannelSerializer(serializers.ModelSerializer):
    unit = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Channel
        fields = ["id", "code", "name", "platform", "unit", "url"]


class ChannelStatSerializer(serializers.ModelSerializer):
    channel = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = ChannelStat
        fields = ["channel", "year", "month", "posts", "interactions"]


class ChannelViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ChannelSerializer
    filterset_class = ChannelFilter

    def get_queryset(self):
        return Channel.objects.visible_to(self.request.user).select_related("unit")

    @action(detail=True, url_path=r"years/(?P<year>\d{4})")
    def year(self, request, pk=None, year=None):
        """Yearly totals and the twelve months of one channel."""
        channel = self.get_object()
        year = services.parse_year(year, 0)  # out of range: a 400 naming the year
        totals = services.channel_year(channel, year)
        months = [
            {"month": m, "posts": s.posts, "interactions": s.interactions} if s else {"month": m}
            for m, s in enumerate(services.monthly(channel, year), start=1)
        ]
        return Response({"channel": channel.code, "year": year, **totals, "monthly": months})


class ChannelStatViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ChannelStatSerializer
    filterset_class = ChannelStatFilter

    def get_queryset(self):
        return ChannelStat.objects.visible_to(self.request.user).select_related("channel")


def register(router):
    router.register("outreach/channels", ChannelViewSet, basename="outreach-channel")
    router.register("outreach/stats", ChannelStatViewSet, basename="outreach-stat")
