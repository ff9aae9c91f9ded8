"""Party documents (văn bản) with their numbers as written, and the links between them.

Who sees what (docs/adr/0005-document-visibility-and-clearance.md): a document is visible to users whose
scope includes its issuing unit, and to users of every unit below the issuing unit (a
Thành ủy plan is read by all the wards under it). Documents of central bodies (TW, BCT,
BBT) have no issuing unit in the tree and are visible to every member. Titles of
classified documents are shown only to users holding `documents.view_classified`.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from tuyengiao.core.models import TimeStamped
from tuyengiao.core.text import fold, search_words, sort_key
from tuyengiao.orgs import access, catalogues

from . import numbers
from .choices import Classification, LinkKind

CLEARANCE_PERMISSION = "documents.view_classified"


class DocumentType(models.Model):
    code = models.CharField(_("code"), max_length=10, unique=True)
    name = models.CharField(_("name"), max_length=120)
    owner = catalogues.owner_field()  # empty: the HD 36 list, the system's
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("document type")
        verbose_name_plural = _("document types")

    def __str__(self):
        return f"{self.code} — {self.name}"


class Issuer(models.Model):
    """An issuing body's abbreviation (QU = Quận ủy), not a unit: every district writes QU."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    owner = catalogues.owner_field()  # empty: the HD 36 list, the system's
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name = _("issuer")
        verbose_name_plural = _("issuers")

    def __str__(self):
        return f"{self.code} — {self.name}"


def is_cleared(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(CLEARANCE_PERMISSION))


def level(classification: str) -> int:
    """0 for Thường, 1 for Mật … 3 for Tuyệt mật: lowering means a smaller level."""
    return list(Classification.values).index(classification)


class DocumentQuerySet(access.ScopedQuerySet):
    unit_lookup = "issuing_unit"

    def visible_to(self, user, action: str = access.VIEW):
        condition = access.unit_q(user, action, "issuing_unit")
        if action == access.VIEW and condition != Q():
            # Superior bodies' documents are read by every unit under them.
            paths = set()
            for membership in access.memberships(user):
                paths.update(membership.unit.ancestor_paths())
            if paths:
                condition |= Q(issuing_unit__path__in=paths) | Q(issuing_unit__isnull=True)
        return self.filter(condition)

    def with_titles_for(self, user):
        """Annotate `shown_title`: the title, or "" for a classified one the user may not read.

        Every page, export and API response prints `shown_title`, never `title`.
        """
        if is_cleared(user):
            return self.annotate(shown_title=F("title"))
        return self.annotate(
            shown_title=Case(
                When(classification=Classification.ORDINARY, then=F("title")),
                default=Value(""),
                output_field=models.TextField(),
            )
        )

    def search(self, query: str, user):
        """Accent-insensitive search of number and title; titles of secrets only if cleared."""
        # Every word, in any order, in the number or (if the user may read it) the title.
        # search_words drops NUL, which PostgreSQL refuses in a query.
        condition = Q()
        for word in search_words(query):
            by_text = Q(search_text__contains=word)
            if not is_cleared(user):
                by_text &= Q(classification=Classification.ORDINARY)
            condition &= Q(number_search__contains=word) | by_text
        return self.filter(condition)


class Document(TimeStamped):
    number_text = models.CharField(_("number and symbol"), max_length=80)
    sequence = models.PositiveIntegerField(_("sequence"))
    sequence_text = models.CharField(_("sequence as written"), max_length=10)
    type_code = models.CharField(_("type code"), max_length=10)
    doc_type = models.ForeignKey(
        DocumentType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("type"),
    )
    # The issuer part as written ("BTCTU-BDVTU"); `issuers` holds the known ones.
    issuer_codes = models.CharField(_("issuers"), max_length=60)
    issuers = models.ManyToManyField(
        Issuer, through="DocumentIssuer", related_name="documents", verbose_name=_("issuers")
    )
    issuing_unit = models.ForeignKey(
        "orgs.OrgUnit",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="documents",
        verbose_name=_("issuing unit"),
        help_text=_("Empty for central bodies outside the unit tree (TW, BCT, BBT)."),
    )
    signed_on = models.DateField(_("signing date"))
    # The day the department entered it in its register (received or issued): what "documents
    # this month" counts. Rows older than the column were backfilled from signed_on
    # (migration 0005); imported registers and the demo use it too.
    registered_on = models.DateField(_("registration date"), default=timezone.localdate)
    term_start_year = models.PositiveSmallIntegerField(_("term"), editable=False)
    title = models.TextField(_("title / summary"), max_length=2000)
    classification = models.CharField(
        _("classification"),
        max_length=16,
        choices=Classification.choices,
        default=Classification.ORDINARY,
    )
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Demo data invented to fill what the source does not say."),
    )
    number_search = models.CharField(max_length=200, editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    # sort_key takes about three characters per letter: a text column, no length limit.
    sort_name = models.TextField(editable=False, default="")

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text", "number_search", "sort_name"])

    class Meta:
        ordering = ["-signed_on", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("view_classified", _("Can read titles of classified documents"))]
        indexes = [
            # The register's default view and the yearly count: one unit, one date range.
            models.Index(fields=["issuing_unit", "signed_on"]),
            # The specialist's home page: documents registered this month.
            models.Index(fields=["registered_on"], name="document_registered_on"),
            models.Index(fields=["type_code", "issuer_codes", "sequence", "term_start_year"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(classification=Classification.ORDINARY) | Q(file=""),
                name="document_no_file_when_classified",
            ),
        ]

    def __str__(self):
        return self.number_text

    def save(self, *args, **kwargs):
        self.refresh_derived()
        super().save(*args, **kwargs)

    def refresh_derived(self):
        """Derived columns; also called before bulk_create, which skips save()."""
        self.term_start_year = numbers.term_start_year(self.signed_on)
        spaced = self.number_text.replace("-", " ").replace("/", " ")
        self.number_search = fold(f"{self.number_text} {spaced}")
        self.search_text = fold(f"{self.number_text} {self.title}")
        self.sort_name = sort_key(self.title)

    @property
    def is_classified(self) -> bool:
        return self.classification != Classification.ORDINARY

    def title_for(self, user) -> str:
        """The one accessor of a document's title: "" for a classified one the user may not read.

        Pages use it through the `title_for` template filter ({% load clearance %}); querysets
        through `with_titles_for(user)` (the same rule in SQL). Nothing else reads `title`:
        tests/test_architecture.py fails when a template, form, serializer or export does.
        """
        if self.is_classified and not is_cleared(user):
            return ""
        return self.title

    @property
    def term_label(self) -> str:
        return numbers.term_label(self.term_start_year)


class DocumentIssuer(models.Model):
    """Joint issuers keep their written order: 05-QC/BTCTU-BDVTU."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    issuer = models.ForeignKey(Issuer, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["document", "issuer"], name="document_issuer_unique")
        ]

    def __str__(self):
        return f"{self.document_id}: {self.issuer_id}"


class DocumentLinkQuerySet(models.QuerySet):
    def visible_to(self, user, action: str = access.VIEW):
        documents = Document.objects.visible_to(user, action)
        return self.filter(source__in=documents, target__in=documents)


class DocumentLink(TimeStamped):
    """source `kind` target: "05-KH/QU implements 05-ĐA/TU"."""

    source = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="links_out", verbose_name=_("document")
    )
    target = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="links_in",
        verbose_name=_("linked document"),
    )
    kind = models.CharField(_("relation"), max_length=16, choices=LinkKind.choices)

    objects = DocumentLinkQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("document link")
        verbose_name_plural = _("document links")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target", "kind"], name="document_link_unique"
            ),
            models.CheckConstraint(condition=~Q(source=F("target")), name="document_link_not_self"),
        ]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"
