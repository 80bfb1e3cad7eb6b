"""Diplomatic posts named by their kind ("opened an embassy in Lima") take the name reference works
give them: their holder and place ("Embassy of Chile in Lima"). Words in data/events/posts.yaml."""
from __future__ import annotations

from functools import cache

from annals.data import check_keys, load
from annals.events.headline import with_article
from annals.events.tree import Tree
from annals.model import Actor, EventObject

__all__ = ["post_object"]


@cache
def _posts() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    data = load("events/posts.yaml")
    check_keys("events/posts.yaml", data, required={"posts", "places", "skipped"}, allowed=set())
    return dict(data["posts"]), dict(data["places"]), frozenset(data["skipped"])


def _title(tree: Tree, k: int) -> str | None:
    """The post's title from the lower-case words ending at its head k ("consulate general office")."""
    posts, _, skipped = _posts()
    words = [k]
    while words[0] - 1 >= 0 and tree.head(words[0] - 1) in (k, *words) \
            and tree.tokens[words[0] - 1].dep in ("compound", "amod", "nmod") and tree.word(words[0] - 1).islower():
        words.insert(0, words[0] - 1)
    written = [tree.word(i).lower() for i in words if tree.word(i).lower() not in skipped]
    # the longest run of the words that names a post: "consulate general" in "consulate general office"
    for size in range(len(written), 0, -1):
        for first in range(len(written) - size + 1):
            title = posts.get(" ".join(written[first:first + size]))
            if title:
                return title
    return None


def _where(tree: Tree, o: int, placed: list[tuple[int, Actor]]) -> str | None:
    """What a preposition's object names: an actor named there, else a proper name (a city)."""
    first, last = tree.extent(o)
    named = [a.name for offset, a in placed if first <= offset < last and a.kind in ("country", "organization")]
    if named:
        return named[0]
    if tree.tokens[o].pos != "PROPN":
        return None
    names = [i for i in tree.children(o, "compound") if i < o]  # its own children, not a scan of the document
    start = min(names, default=o)
    return tree.text[tree.tokens[start].start:tree.tokens[o].end]


def post_object(tree: Tree, predicate: int, holder: str, placed: list[tuple[int, Actor]]) -> EventObject | None:
    """The post that `predicate` opened or set up, named after its `holder` and the place or body
    it is in or to ("established a mission to NATO": Mission of <holder> to NATO)."""
    _, prepositions, _ = _posts()
    for k in tree.children(predicate, "dobj", "nsubjpass"):
        if any(tree.word(c)[:1].isupper() for c in tree.children(k, "compound", "amod", "nmod") if c < k):
            continue  # a name of its own ("the Georgian Mission"), not a post named by its kind
        title = _title(tree, k)
        if title is None:
            continue
        for prep in [*tree.children(k, "prep"), *tree.children(predicate, "prep")]:
            word = prepositions.get(tree.lemma(prep))
            where = next((w for o in tree.children(prep, "pobj") if (w := _where(tree, o, placed))), None)
            if word and where and where != holder:
                first, last = tree.extent(k)
                owner = with_article(holder, "country")  # "Consulate of the United States in Da Nang"
                return EventObject(f"{title} of {owner} {word} {where}", tree.text[first:last], "institution")
    return None
