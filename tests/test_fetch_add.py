"""`annals add URL...`: addresses next to files, against a site served on 127.0.0.1 (tests/fetchserver.py)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from fetchserver import WIKI_TITLE, Site

from annals.fetch import Fetcher
from annals.store.adding import add_paths
from annals.store.corpus import Corpus

ANNALS = [sys.executable, "-m", "annals"]
LOCAL = """Osmaria and Veltrania signed a border treaty on 5 May 2015 in Veldan.
The treaty entered into force on 1 January 2016.
"""


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("ANNALS_CACHE", "ANNALS_CONTACT", "ANNALS_DB")
           and not k.lower().endswith("_proxy")}
    return subprocess.run([*ANNALS, *args], capture_output=True, text=True, env=env, timeout=300, check=False)


def summary(stderr: str) -> list[str]:
    """The summary's lines (after the progress bar, shown for more than three inputs)."""
    lines = stderr.splitlines()
    return next(lines[i:] for i, line in enumerate(lines) if line.startswith("documents: "))


@pytest.fixture
def site():
    with Site() as served:
        yield served


@pytest.mark.issue(17)
def test_add_addresses_next_to_a_file_then_again_from_the_cache(site, tmp_path):
    db = tmp_path / "corpus" / "annals.db"
    db.parent.mkdir()
    local = tmp_path / "treaty.txt"
    local.write_text(LOCAL, encoding="utf-8")
    html, wiki = site.url + "/news/veltrania.html", site.url + "/wiki/" + WIKI_TITLE.replace(" ", "_")
    gone, private = site.url + "/gone.html", site.url + "/private/secret.html"
    args = ("add", html, str(local), gone, wiki, private, "--db", str(db), "--contact", "tests@example.invalid",
            "--delay", "0")

    first = run(*args)
    assert first.returncode == 3, first.stderr
    lines = summary(first.stderr)
    assert lines[0].startswith("documents: 3 added, 0 replaced, 0 unchanged, 2 failed;")
    assert lines[1:] == [f"  failed {gone}: E001 {gone}: HTTP 404 (not found)",
                         (f"  failed {private}: E007 {private}: robots.txt of {site.url} does not allow annals to "
                         "fetch it")]
    with Corpus(str(db)) as corpus:
        documents = {d["source"]: d for d in corpus.documents()}
        events = list(corpus.iter_events())
    assert set(documents) == {html, wiki, str(local)}
    assert (documents[html]["reader"], documents[html]["date"]) == ("html", "2019-06-14")
    assert (documents[wiki]["reader"], documents[wiki]["date"], documents[wiki]["title"]) == \
        ("wikitext", "2022-11-08", WIKI_TITLE)
    told = {(e["date"]["value"], s["document"]["source"]) for e in events for s in e["sources"]}
    assert ("2019-06-12", html) in told  # Veltrania joined the Northern Compact
    assert ("2001-04-02", wiki) in told  # {{start date|2001|4|2}}, read as the wikitext reader reads it
    assert ("2005-09-19", wiki) in told  # Osmaria signed a cooperation framework
    cache = db.parent / ".annals-cache"
    assert len(list(cache.glob("*.body"))) == 2  # the page and the API's answer

    again = run(*args)
    assert again.returncode == 3, again.stderr
    assert summary(again.stderr)[0].startswith("documents: 0 added, 0 replaced, 3 unchanged, 2 failed;")
    assert site.requests("/news/veltrania.html")[-1]["If-None-Match"] == '"v1"'
    assert site.requests("/w/api.php")[-1]["If-None-Match"] == '"w4711"'
    assert site.hits["/private/secret.html"] == 0

    removed = run("remove", html, "--db", str(db))
    assert removed.returncode == 0, removed.stderr
    with Corpus(str(db)) as corpus:
        assert {d["source"] for d in corpus.documents()} == {wiki, str(local)}


@pytest.mark.issue(17)
def test_add_only_failing_addresses_exits_1_and_writes_nothing(site, tmp_path):
    db = tmp_path / "annals.db"
    bad = [site.url + "/picture.png", site.url + "/empty.html", "ftp://127.0.0.1/a.html"]
    result = run("add", *bad, "--db", str(db), "--cache", str(tmp_path / "cache"), "--delay", "0")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert summary(result.stderr)[1:] == [
        f"  failed {bad[0]}: E007 {bad[0]}: is image/png, not an HTML page or wikitext",
        f"  failed {bad[1]}: E003 {bad[1]}: has no main text",
        f"  failed {bad[2]}: E007 {bad[2]}: is a ftp: address; only http and https are fetched",
    ]
    with Corpus(str(db)) as corpus:
        assert corpus.documents() == []


@pytest.mark.issue(17)
def test_add_bad_contact_is_a_usage_error(tmp_path):
    result = run("add", "http://127.0.0.1:9/a.html", "--db", str(tmp_path / "annals.db"), "--contact", "a\tb")
    assert result.returncode == 2
    assert result.stderr == "annals: E010 --contact must be one line of printable ASCII: an e-mail address or a URL\n"
    assert not (tmp_path / "annals.db").exists()


def _stored(db, paths, **options) -> tuple[list, list]:
    with Corpus(str(db), mode="create") as corpus, Fetcher(cache=False, delay=0) as fetcher:
        summary = add_paths(corpus, paths, fetcher=fetcher, **options)
        documents = [(d["source"], d["date"], d["reader"]) for d in corpus.documents()]
    return documents, summary.failed


@pytest.mark.issue(17)
@pytest.mark.parametrize("options", [{"jobs": 2}, {"jobs": 1, "dask": "local"}], ids=["jobs", "dask"])
def test_add_addresses_in_workers(site, tmp_path, options):
    if "dask" in options:
        pytest.importorskip("distributed")
    paths = [site.url + "/news/veltrania.html", site.url + "/gone.html",
             site.url + "/wiki/" + WIKI_TITLE.replace(" ", "_")]
    documents, failed = _stored(tmp_path / "annals.db", paths, **options)
    assert documents == [(paths[0], "2019-06-14", "html"), (paths[2], "2022-11-08", "wikitext")]
    assert failed == [(paths[1], f"E001 {paths[1]}: HTTP 404 (not found)")]
    assert site.hits["/news/veltrania.html"] == 1  # fetched once, in this process
