"""An organisation's own child plan wording, in its guides folder, through ``export`` and ``guides``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sdm_facilitator.cli import main
from sdm_facilitator.guides.loader import CHILD_PLAN_WORDING_FILE
from sdm_facilitator.paths import bundled_guides_dir, user_guides_dir
from sdm_facilitator.storage.store import MeetingStore
from support.fixed_meeting import MEETING_ID, fixed_meeting, local_zone
from support.guide_library import bundled_library

BUNDLED_LINE = 'helplines_intro = "You can also call, for free:"'
OWN_LINE = 'helplines_intro = "Ring these numbers, free of charge:"'
#: Leo is 13: his plan is written in the 13-plus band, whose helplines line the organisation rewords.
LEO = ("export", MEETING_ID, "--as", "child-plan", "--child", "Leo", "--format", "txt")


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def guides(isolated_data_dir: Path) -> Iterator[Path]:
    """The organisation's guides folder of a data folder holding the fixed meeting."""
    with local_zone():
        store = MeetingStore(isolated_data_dir)
        store.close(store.create(fixed_meeting(bundled_library())))
        folder = user_guides_dir(isolated_data_dir)
        folder.mkdir(parents=True, exist_ok=True)
        yield folder


def _own_wording(guides: Path, old: str, new: str) -> Path:
    bundled = (bundled_guides_dir() / CHILD_PLAN_WORDING_FILE).read_text(encoding="utf-8")
    assert bundled.count(old) == 1
    path = guides / CHILD_PLAN_WORDING_FILE
    path.write_text(bundled.replace(old, new), encoding="utf-8")
    return path


def test_an_organisations_wording_changes_the_printed_child_plan_in_english_and_welsh(
    capsys: pytest.CaptureFixture[str], guides: Path
) -> None:
    code, out, _ = run(capsys, *LEO)
    assert code == 0 and "You can also call, for free:" in out
    _own_wording(guides, BUNDLED_LINE, OWN_LINE)
    code, out, err = run(capsys, *LEO)
    assert code == 0 and "Ring these numbers, free of charge:" in out
    assert "You can also call, for free:" not in out and "wording file" not in err
    # In Welsh the organisation's new line has no Welsh yet: it stays English and the coordinator is told.
    code, out, err = run(capsys, *LEO, "--lang", "cy")
    assert code == 0 and out.startswith("Cynllun Leo")
    assert "Ring these numbers, free of charge:" in out and "'Ring these numbers, free of charge:'" in err
    assert "translations/cy.po" in err
    # Its Welsh in the organisation's catalogue, as for every other word of the papers.
    (guides / "translations").mkdir()
    (guides / "translations" / "cy.po").write_text(
        '# review: approved\nmsgid "Ring these numbers, free of charge:"\n'
        'msgstr "Ffoniwch y rhifau hyn, am ddim:"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, *LEO, "--lang", "cy+en")
    assert code == 0 and "Ffoniwch y rhifau hyn, am ddim:" in out
    assert out.index("Ffoniwch y rhifau hyn") < out.index("Ring these numbers, free of charge:")
    assert "translations/cy.po" not in err


def test_a_bad_wording_file_is_named_with_its_problem_and_the_bundled_words_used(
    capsys: pytest.CaptureFixture[str], guides: Path
) -> None:
    own = _own_wording(guides, BUNDLED_LINE, 'helplines_intro = "Ring {helpline} now:"')
    line = next(i for i, row in enumerate(own.read_text().splitlines(), 1) if "Ring {helpline}" in row)
    problem = (
        f"{CHILD_PLAN_WORDING_FILE}:{line}: bands.13-plus.helplines_intro: unknown name {{helpline}} in the "
        "pattern; this key may use: none"
    )
    code, out, err = run(capsys, *LEO)
    assert code == 0 and "You can also call, for free:" in out and "{helpline}" not in out
    assert "Your child plan wording file could not be used (the bundled words are used)" in err
    assert problem in err
    code, out, _ = run(capsys, "guides", "list")
    assert (
        code == 0
        and "\nChild plan wording that could not all be used (see: sdm-facilitator guides check):" in out
        and problem in out
    )
    code, out, err = run(capsys, "guides", "check")
    assert code != 0 and problem in out + err
