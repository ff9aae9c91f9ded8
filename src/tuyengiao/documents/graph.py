"""What a document implements and what implements it, as two small trees for its page."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Document, DocumentLink

MAX_DEPTH = 3


@dataclass
class Node:
    document: Document
    kind: str  # the relation's label: "thực hiện", "hướng dẫn" …
    link_id: int
    children: list[Node] = field(default_factory=list)


def _level(documents, user, ids: set[int], upward: bool) -> dict[int, list[tuple]]:
    """For each id: (link, other document) pairs one step up or down, visible ones only."""
    mine, other = ("source", "target") if upward else ("target", "source")
    links = DocumentLink.objects.filter(**{f"{mine}_id__in": ids})
    pairs = list(links.values_list(f"{mine}_id", f"{other}_id", "kind", "id"))
    shown = documents.in_bulk({p[1] for p in pairs})
    result: dict[int, list[tuple]] = {}
    for own_id, other_id, kind, link_id in pairs:
        if other_id in shown:
            result.setdefault(own_id, []).append((link_id, kind, shown[other_id]))
    return result


def _tree(document, user, upward: bool) -> list[Node]:
    from .choices import LinkKind

    documents = (
        Document.objects.visible_to(user).with_titles_for(user).select_related("issuing_unit")
    )
    roots: list[Node] = []
    frontier = {document.pk: roots}
    seen = {document.pk}
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        step = _level(documents, user, set(frontier), upward)
        next_frontier = {}
        for own_id, pairs in step.items():
            for link_id, kind, other in sorted(pairs, key=lambda p: p[2].signed_on):
                node = Node(other, LinkKind(kind).label, link_id)
                frontier[own_id].append(node)
                if other.pk not in seen:  # a cycle or a diamond is drawn once
                    seen.add(other.pk)
                    next_frontier[other.pk] = node.children
        frontier = next_frontier
    return roots


def document_graph(document: Document, user) -> dict:
    """{"implements": [...], "implemented_by": [...]}: trees of Node, MAX_DEPTH deep."""
    return {
        "implements": _tree(document, user, upward=True),
        "implemented_by": _tree(document, user, upward=False),
    }
