"""Which organisation a phone joins on another environment: only an exact name match, else ask (--to)."""

from __future__ import annotations

import pytest

from compass_desk.cli import main
from compass_desk.domain.models import Access, Company, Environment
from compass_desk.domain.move_plan import MoveRefused
from compass_desk.paths import app_paths
from compass_desk.services.env_switch import choose_target_company, default_target_company
from compass_desk.sim import SimConfig, Simulator
from compass_desk.store.profiles import ProfileStore

from .move_helpers import count_everywhere, make_session


def org(name: str, short: str, access: Access | None = Access.WRITE, n: int = 0) -> Company:
    return Company(f"https://x/companies/{name}{n}", str(n), name, short, access)


VERHOEVEN = org("Administratiekantoor Verhoeven", "administratiek")
DE_GROOT = org("Administratiekantoor de Groot", "administratiek")


def test_a_shared_short_name_alone_is_not_a_match_and_the_refusal_names_candidates():
    assert default_target_company(VERHOEVEN, [DE_GROOT]) is None
    with pytest.raises(MoveRefused) as refused:
        choose_target_company(VERHOEVEN, [DE_GROOT, org("Bakkerij Jansen", "bakkerijjansen")], "staging")
    reason = refused.value.reason
    assert "--to" in reason and "“Administratiekantoor de Groot”" in reason and "Bakkerij" not in reason
    assert "staging" in reason and "Administratiekantoor Verhoeven" in reason


def test_the_same_full_name_matches_whatever_the_case_and_spacing():
    twin = org("administratiekantoor  VERHOEVEN ", "other")
    assert default_target_company(VERHOEVEN, [DE_GROOT, twin]) is twin
    assert choose_target_company(VERHOEVEN, [DE_GROOT, twin], "staging") is twin


def test_no_match_when_the_name_is_read_only_or_ambiguous():
    read_only = org("Administratiekantoor Verhoeven", "x", Access.READ)
    assert default_target_company(VERHOEVEN, [read_only]) is None
    two = [org("Administratiekantoor Verhoeven", "a", n=1), org("Administratiekantoor Verhoeven", "b", n=2)]
    assert default_target_company(VERHOEVEN, two) is None
    assert default_target_company(None, two) is None


@pytest.fixture
def two_environments(simulator, monkeypatch):
    monkeypatch.setenv("COMPASS_PASSWORD", "compass-demo")
    with Simulator(SimConfig(environment="staging", seed=1)) as staging:
        profiles = ProfileStore(app_paths().ensure().config)
        profiles.save(Environment("prod", simulator.base_url, "demo"))
        profiles.save(Environment("staging", staging.base_url, "demo"))
        prod, stage = make_session(simulator), make_session(staging)
        try:
            prod.refresh()
            stage.refresh()
            names = {" ".join(c.name.split()).casefold() for c in stage.companies}
            on_stage = {p.mac for p in stage.phones}
            phone = next(p for p in prod.phones if p.mac not in on_stage
                         and " ".join(prod.company(p.company_url).name.split()).casefold() not in names)
            target = next(c for c in stage.companies if c.access is Access.WRITE)
        finally:
            prod.close()
            stage.close()
        yield staging, phone, target


def test_cli_without_to_refuses_when_no_organisation_has_the_same_name(two_environments, capsys):
    staging, phone, _target = two_environments
    code = main(["phones", "move", phone.mac, "--env", "prod", "--to-env", "staging", "--yes"])
    err = capsys.readouterr().err
    assert code == 2 and "--to" in err and "exactly the same name" in err and err.count("\n") == 1
    assert count_everywhere(staging, phone.mac) == 0  # nothing added


def test_cli_question_names_the_target_organisation_and_environment(two_environments, capsys, monkeypatch):
    staging, phone, target = two_environments
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "n")
    code = main(["phones", "move", phone.mac, "--env", "prod", "--to-env", "staging", "--to", target.name])
    err = capsys.readouterr().err
    assert code == 1 and "Not confirmed; nothing changed." in err
    assert len(asked) == 1 and f"“{target.name}”" in asked[0] and "on staging" in asked[0]
    assert count_everywhere(staging, phone.mac) == 0
