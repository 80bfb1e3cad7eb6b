"""The public surface of the package, pinned."""
import annals


def test_exported_members_are_pinned():
    assert sorted(annals.__all__) == sorted(
        ["extract", "times", "read", "Document", "Event", "TimeMention", "AnnalsError", "__version__"]
    )
    for name in annals.__all__:
        assert hasattr(annals, name)
