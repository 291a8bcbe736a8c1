"""The medicines and substances table: classes, interactions, medicines stopped, unknown names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from tests.spec.conftest import NOW
from twitchcare.cli.app import app
from twitchcare.engine import assess
from twitchcare.engine.facts import derive
from twitchcare.errors import KnowledgeError
from twitchcare.kb import KnowledgeBase, load_kb
from twitchcare.kb.loader import build_kb, default_knowledge_dir
from twitchcare.kb.logic import FactValue, level_rank
from twitchcare.kb.names import normalise_medicine

BASE: dict[str, FactValue] = {"age": 40, "sex": "female", "loc.calf": True, "duration_days": 3}


def test_names_are_compared_in_one_written_form() -> None:
    assert normalise_medicine("St John's wort") == "st johns wort"
    assert normalise_medicine("st_johns_wort") == "st johns wort"
    assert normalise_medicine(" Lithium  Carbonate ") == "lithium carbonate"


def test_a_substance_counts_for_its_class_like_a_medicine(kb: KnowledgeBase) -> None:
    facts = derive(kb, {**BASE, "substances": ["Energy_Drink"]})
    assert facts["med.caffeine_product"] is True


@pytest.mark.parametrize(
    ("names", "interaction"),
    [
        (["sertraline", "tramadol"], "serotonergic_pair"),
        (["phenelzine", "st johns wort"], "serotonergic_pair"),
        (["lithium", "ibuprofen"], "lithium_raised"),
        (["theophylline", "ciprofloxacin"], "theophylline_raised"),
        (["simvastatin", "clarithromycin"], "statin_raised"),
        (["gliclazide", "fluconazole"], "sulfonylurea_raised"),
        (["ramipril", "spironolactone"], "potassium_raised"),
    ],
)
def test_two_medicines_that_interact_are_an_interaction(
    kb: KnowledgeBase, names: list[str], interaction: str
) -> None:
    assert derive(kb, {**BASE, "medications": names})[f"interaction.{interaction}"] is True
    assert derive(kb, {**BASE, "medications": names[:1]})[f"interaction.{interaction}"] is False


def test_one_medicine_is_never_an_interaction_with_itself(kb: KnowledgeBase) -> None:
    facts = derive(kb, {**BASE, "medications": ["lithium"]})
    assert facts["interaction.serotonergic_pair"] is False  # lithium is serotonergic once


def test_an_interaction_across_medicines_and_substances_counts(kb: KnowledgeBase) -> None:
    facts = derive(kb, {**BASE, "medications": ["sertraline"], "substances": ["mdma"]})
    assert facts["interaction.serotonergic_pair"] is True


def test_a_medicine_stopped_gives_its_class_as_stopped(kb: KnowledgeBase) -> None:
    facts = derive(kb, {**BASE, "medications_stopped": ["Pregabalin"]})
    assert facts["stopped.gabapentinoid"] is True
    assert facts["stopped.benzodiazepine"] is False
    assert "med.gabapentinoid" not in facts  # taking it now is a separate question


def test_an_unknown_name_is_reported_not_dropped(kb: KnowledgeBase) -> None:
    facts = {**BASE, "medications": ["metformin", "zzyxil"], "substances": ["moon dust"]}
    result = assess(kb, facts, now=NOW)
    assert result.not_recognised == ("zzyxil", "moon dust")
    assert any("not recognised: zzyxil" in line for line in result.trace)


def test_a_known_medicine_without_a_class_is_not_reported(kb: KnowledgeBase) -> None:
    result = assess(kb, {**BASE, "medications": ["Metformin", "paracetamol"]}, now=NOW)
    assert result.not_recognised == ()


def test_the_terminal_result_names_what_was_not_recognised(tmp_path: Path) -> None:
    case = tmp_path / "case.json"
    case.write_text(
        '{"id": "x", "story": "s", "person": {"age": 30, "sex": "male"},'
        ' "twitching": {"locations": ["calf"]}, "exposures": {"substances": ["glowberry_tonic"]}}',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["assess", "--case", str(case)])
    assert result.exit_code == 0, result.output
    assert "not recognised: glowberry tonic" in " ".join(result.output.split())


_KB = load_kb()
KNOWN = sorted(_KB.recognised_names)


@settings(max_examples=150, deadline=None)
@given(
    known=st.lists(st.sampled_from(KNOWN), max_size=3, unique=True),
    unknown=st.text(alphabet="qxzjkv", min_size=4, max_size=10),
    field=st.sampled_from(["medications", "substances", "medications_stopped"]),
    extra=st.dictionaries(
        st.sampled_from(["fever", "tremor", "palpitations", "confusion", "weakness"]),
        st.booleans(),
        max_size=3,
    ),
)
def test_an_unknown_name_never_lowers_the_level(
    known: list[str], unknown: str, field: str, extra: dict[str, bool]
) -> None:
    facts: dict[str, FactValue] = {**BASE, **extra, field: list(known)}
    before = assess(_KB, facts, now=NOW)
    after = assess(_KB, {**facts, field: [*known, unknown]}, now=NOW)
    assert level_rank(after.level) >= level_rank(before.level)
    assert unknown in after.not_recognised


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_knowledge_dir(), target)
    return target


def test_a_member_not_written_as_compared_fails_the_check(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "medications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[baclofen, lioresal", "[Baclofen, lioresal", 1),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "classes[baclofen].members" in str(err.value)


def test_an_interaction_naming_an_unknown_class_fails_the_check(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    path = folder / "medications.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "and_one_of: [theophylline_raiser]", "and_one_of: [theophyline_raiser]", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as err:
        build_kb(folder)
    assert "interactions[theophylline_raised]" in str(err.value)
    assert "did you mean 'theophylline_raiser'" in str(err.value)
