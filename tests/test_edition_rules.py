"""Client editions' rules: every bad change is a located error with a fix, stacked
layers apply in a documented order, and an override notices when its base text moves."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.playbook import load_playbook
from generator.project import read_project
from tests.helpers import copy_default_project, run_cli


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_default_project(tmp_path_factory.mktemp("edition-rules"))


def edition(project: Path, name: str, text: str) -> Path:
    folder = project / "editions" / name
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "edition.yml").write_text(text, encoding="utf-8")
    return folder


def check(project: Path, folder: Path, *more: str) -> tuple[int, str]:
    done = run_cli("check", "--edition", str(folder.relative_to(project)), *more, cwd=project)
    return done.returncode, done.stderr


def test_an_unknown_id_gets_a_did_you_mean_at_its_line(base: Path) -> None:
    folder = edition(
        base,
        "typos",
        "id: typos\nhide:\n  - starting-points/marketting\noverrides:\n  roles/cc0:\n"
        "    summary: Ours.\n",
    )
    code, err = check(base, folder)
    assert code == 1
    assert (
        "editions/typos/edition.yml:3:5: hide[0]: 'starting-points/marketting' names nothing in"
        " the playbook (did you mean 'starting-points/marketing'?)" in err
    )
    assert "editions/typos/edition.yml:5:3: overrides.roles/cc0: 'roles/cc0' names nothing" in err
    assert "did you mean 'roles/cco'?" in err


def test_an_edition_changes_texts_only(base: Path) -> None:
    folder = edition(
        base,
        "locked",
        "id: locked\noverrides:\n  assessments/readiness/questions/accept-discomfort:\n"
        "    dimension: appetite\n  assessments/readiness/questions/people:\n"
        "    choices.fewer-than-20.label: Under twenty\n",
    )
    code, err = check(base, folder)
    assert code == 1
    assert (
        "editions/locked/edition.yml:4:5: overrides.assessments/readiness/questions/"
        "accept-discomfort.dimension: 'dimension' of"
        " assessments/readiness/questions/accept-discomfort is not a text" in err
    )
    # The choice's label, addressed by the choice's id, is a text: no error for it.
    assert "choices.fewer-than-20.label" not in err


def test_parents_that_form_a_cycle_are_a_located_error(base: Path) -> None:
    edition(base, "one", "id: one\nparent: ../two\n")
    two = edition(base, "two", "id: two\nparent: ../one\n")
    code, err = check(base, two)
    assert code == 1
    assert (
        "editions/one/edition.yml:2:9: parent: the parents form a cycle: '../two' leads back" in err
    )


def test_a_parent_with_the_same_id_is_a_located_error(base: Path) -> None:
    edition(base, "consultancy", "id: same\n")
    child = edition(base, "client", "id: same\nparent: ../consultancy\n")
    code, err = check(base, child)
    assert code == 1
    assert "editions/client/edition.yml:1:5: id: the id 'same' is already the id of a layer" in err


def test_hiding_what_an_assessment_needs_is_an_error_at_the_line_that_hid_it(base: Path) -> None:
    folder = edition(
        base,
        "empty-group",
        "id: empty-group\nhide:\n"
        + "".join(
            f"  - assessments/fit/outcomes/{o}\n"
            for o in ("full-time-cco", "fractional-cco", "existing-leader", "ceo-led")
        ),
    )
    code, err = check(base, folder)
    assert code == 1
    assert (
        "editions/empty-group/edition.yml:3:5: hide[0]: hiding this leaves"
        " playbook/assessments/fit.yml:23:5 groups[0] with an error" in err
    )
    assert "no outcome is in the group 'who-leads'" in err


def test_a_hidden_page_takes_what_depends_on_it_and_leaves_no_broken_link(base: Path) -> None:
    folder = edition(base, "no-ceo", "id: no-ceo\nhide: [structures/staff-leader-dispersed-team]\n")
    paths = read_project(base / "mkdocs.yml", edition=folder)
    playbook = load_playbook(paths)
    assert playbook.edition is not None
    pages = {f"{k}/{i.model.id}" for k in playbook.by_kind for i in playbook.entities(k)}
    assert "structures/staff-leader-dispersed-team" not in pages
    # Its decision matrix names it as its one structure: hidden with it, and reported.
    assert "decision-rights/staff-leader-dispersed-team" not in pages
    assert playbook.edition.cascaded == {
        "decision-rights/staff-leader-dispersed-team": "structures/staff-leader-dispersed-team"
    }


def test_layers_stack_base_then_parent_then_child(base: Path) -> None:
    edition(
        base,
        "firm",
        "id: firm\nrename:\n  Chief Customer Officer: Chief Client Officer\n"
        "overrides:\n  roles/cco:\n    summary: The firm's words.\n    purpose: The firm's purpose.\n"
        "hide: [starting-points/marketing]\n",
    )
    child = edition(
        base,
        "client",
        "id: client-x\nparent: ../firm\nrename:\n  Chief Customer Officer: Chief Guest Officer\n"
        "overrides:\n  roles/cco:\n    summary: The client's words.\n",
    )
    playbook = load_playbook(read_project(base / "mkdocs.yml", edition=child))
    cco = next(r.model for r in playbook.roles if r.model.id == "cco")
    assert cco.summary == "The client's words."  # the child wins over its parent
    assert cco.purpose == "The firm's purpose."  # what the child leaves, the parent sets
    assert "Chief Guest Officer" in playbook.info.model.title + cco.title + str(
        playbook.glossary.model if playbook.glossary else ""
    )
    assert "Chief Client Officer" not in cco.title
    pages = {i.model.id for i in playbook.entities("starting-points")}
    assert "marketing" not in pages  # hides accumulate down the stack


def test_an_override_whose_base_text_changed_is_reported_and_fails_strict(
    tmp_path: Path,
) -> None:
    project = copy_default_project(tmp_path / "p")
    folder = edition(
        project, "stale", "id: stale\noverrides:\n  roles/ceo:\n    summary: Our words.\n"
    )
    code, err = check(project, folder, "--strict")
    assert code == 1
    assert "editions/stale/edition.yml:4:14: overrides.roles/ceo.summary: no fingerprint" in err
    recorded = run_cli("edition", "update", "editions/stale", cwd=project)
    assert recorded.returncode == 0, recorded.stderr
    assert check(project, folder, "--strict")[0] == 0
    role = project / "playbook" / "roles" / "ceo.yml"
    role.write_text(role.read_text("utf-8").replace("summary: ", "summary: Revised. ", 1), "utf-8")
    code, err = check(project, folder, "--strict")
    assert code == 1
    assert (
        "editions/stale/edition.yml:4:14: overrides.roles/ceo.summary: the text this overrides"
        " changed since the override was written (playbook/roles/ceo.yml:" in err
    )
    assert "--strict: 1 override(s) to review" in err


def test_init_writes_an_edition_that_builds_at_once_and_never_overwrites(tmp_path: Path) -> None:
    project = copy_default_project(tmp_path / "p")
    done = run_cli("init", "Beispiel AG", cwd=project)
    assert done.returncode == 0, done.stderr
    folder = project / "editions" / "beispiel-ag"
    assert (folder / "introduction.md").read_text("utf-8").startswith("# For Beispiel AG")
    assert check(project, folder, "--strict")[0] == 0
    again = run_cli("init", "Beispiel AG", cwd=project)
    assert again.returncode == 2
    assert "never overwrites" in again.stderr
    site = run_cli("build", "--edition", "editions/beispiel-ag", "--site-dir", "s", cwd=project)
    assert site.returncode == 0, site.stderr
    assert "Beispiel AG" in (project / "s" / "introduction.html").read_text("utf-8")


def test_a_bad_edition_builds_nothing(base: Path) -> None:
    folder = edition(base, "broken", "id: broken\nhide: [roles/nobody]\n")
    done = run_cli(
        "build", "--edition", str(folder.relative_to(base)), "--site-dir", "never", cwd=base
    )
    assert done.returncode == 1
    assert "edition.yml:2:8: hide[0]: 'roles/nobody' names nothing" in done.stderr
    assert not (base / "never").exists()


def test_a_hidden_docs_page_and_glossary_term_leave_no_trace(base: Path) -> None:
    folder = edition(base, "lean", "id: lean\nhide: [why-a-cco.md, glossary/nps]\n")
    out = base / "rendered-lean"
    done = run_cli(
        "render", "--edition", str(folder.relative_to(base)), "--out", str(out), cwd=base
    )
    assert done.returncode == 0, done.stderr
    docs = out / "docs"
    assert not (docs / "why-a-cco.md").exists()
    config = (out / "mkdocs.yml").read_text("utf-8")
    assert "why-a-cco.md" not in config
    for page in docs.rglob("*.md"):
        text = page.read_text("utf-8")
        assert "why-a-cco.md" not in text, page
    glossary = (docs / "glossary.md").read_text("utf-8")
    assert "Net Promoter Score" not in glossary
    assert "Customer Success Manager" in glossary
    built = run_cli("build", "--strict", "--edition", "editions/lean", "--site-dir", "s", cwd=base)
    assert built.returncode == 0, built.stderr
