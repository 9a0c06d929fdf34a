"""FirmwareService on the simulator: one phone and a model, confirmations, bulk failures, rights, overview."""

from __future__ import annotations

import time
from collections import Counter

import pytest
from fw_helpers import FailingTransport, set_installed, sim_phone

from compass_desk.domain import firmware_plan as fp
from compass_desk.services.cancel import CancelToken
from compass_desk.services.firmware import ConfirmationNeeded, Outcome, ReadOnly


def pick(service, *, vendor_prefix="", min_phones=1, installed_index=None):
    """(company, model, phones) for a model with at least *min_phones* phones in one organisation."""
    result = service.session.refresh()
    for company in result.companies:
        by_model = Counter(p.model for p in result.phones if p.company_url == company.url)
        for model_id, count in sorted(by_model.items()):
            if count >= min_phones and model_id.startswith(vendor_prefix):
                model = service.models(company)[model_id]
                phones = [p for p in result.phones if p.company_url == company.url and p.model == model_id]
                return company, model, sorted(phones, key=lambda p: p.url)
    raise AssertionError("no such model in the simulator's data")


def fresh_model(simulator, service, company, model):
    """The model's phones, all on the oldest certified version with nothing selected."""
    for p in service.phones_of_model(company, model.id):
        set_installed(simulator, p.url, model.firmwares[0])
        sim_phone(simulator, p.url).firmware = None
    return service.phones_of_model(company, model.id)


def fresh_phone(simulator, service, phone, installed):
    """*phone* running *installed*, with nothing selected, as Compass now shows it."""
    set_installed(simulator, phone.url, installed)
    sim_phone(simulator, phone.url).firmware = None
    return service.session.client.phone(phone.url)


def test_set_and_clear_one_phone(simulator, make_service):
    service = make_service()
    _company, model, phones = pick(service, vendor_prefix="snom-d7")
    phone = fresh_phone(simulator, service, phones[0], model.firmwares[0])
    plan = service.plan([phone], model.firmwares[-1])
    assert plan.changes[0].relation.value == "newer" and not plan.needs_second_confirmation
    run = service.apply(plan)
    assert run.results[0].outcome is Outcome.CHANGED and run.changed[0].firmware == model.firmwares[-1]
    assert sim_phone(simulator, phone.url).firmware == model.firmwares[-1]
    # Compass now sends the firmware URL to the phone.
    assert f"/{model.firmwares[-1]}" in service.session.provisioning_file(phone).content
    clear = service.apply(service.plan([run.changed[0]], None))
    assert clear.results[0].outcome is Outcome.CHANGED and clear.changed[0].firmware is None
    assert sim_phone(simulator, phone.url).firmware is None
    assert f"/{model.firmwares[-1]}" not in service.session.provisioning_file(phone).content
    again = service.apply(service.plan([clear.changed[0]], None))
    assert again.results[0].outcome is Outcome.UNCHANGED and again.changed == []


def test_set_and_clear_a_whole_model(simulator, make_service):
    service = make_service()
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    seen = []
    plan = service.plan(phones, model.firmwares[-1])
    assert plan.target_label == f"{len(phones)} {model.display_name} phones"
    run = service.apply(plan, progress=lambda d, t, label: seen.append((d, t)))
    assert all(r.ok for r in run.results)
    assert {sim_phone(simulator, p.url).firmware for p in phones} == {model.firmwares[-1]}
    assert seen[0] == (0, len(phones)) and seen[-1] == (len(phones), len(phones))
    cleared = service.apply(service.plan(service.phones_of_model(company, model.id), None))
    assert len(cleared.changed) == len(phones)
    assert {sim_phone(simulator, p.url).firmware for p in phones} == {None}


def test_downgrade_is_refused_until_confirmed_a_second_time(simulator, make_service):
    transport = FailingTransport()
    service = make_service(transport=transport)
    _company, model, phones = pick(service, vendor_prefix="snom-d3")
    phone = fresh_phone(simulator, service, phones[0], model.firmwares[-1])
    plan = service.plan([phone], model.firmwares[0])
    with pytest.raises(ConfirmationNeeded) as caught:
        service.apply(plan)
    assert f"older than the installed {model.firmwares[-1]}" in caught.value.message
    assert transport.patches == [] and sim_phone(simulator, phone.url).firmware == phone.firmware
    run = service.apply(plan, confirmed=True)
    assert run.results[0].outcome is Outcome.CHANGED
    assert sim_phone(simulator, phone.url).firmware == model.firmwares[0]


def test_international_to_lydis_needs_a_second_confirmation(simulator, make_service):
    service = make_service()
    _company, model, phones = pick(service, vendor_prefix="yealink-t4")
    prefix, release = model.firmwares[0].split(".")[:2]
    phone = fresh_phone(simulator, service, phones[0], f"{prefix}.{release}.0.2")  # international build
    plan = service.plan([phone], model.firmwares[-1])
    assert plan.changes[0].relation.value == "newer"
    with pytest.raises(ConfirmationNeeded, match=r"international .*Lydis"):
        service.apply(plan)
    assert sim_phone(simulator, phone.url).firmware == phone.firmware
    assert service.apply(plan, confirmed=True).results[0].ok


def test_bulk_with_one_failure_reports_it_and_retry_fixes_it(simulator, make_service, tmp_path):
    from compass_desk.store.audit import AuditLog

    transport = FailingTransport()
    audit = AuditLog(tmp_path / "audit.sqlite3")
    service = make_service(transport=transport, audit=audit)
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    broken = phones[1]
    transport.fail[("PATCH", broken.url)] = 403
    run = service.apply(service.plan(phones, model.firmwares[-1]))
    expected = [Outcome.FAILED if p is broken else Outcome.CHANGED for p in phones]
    assert [r.outcome for r in run.results] == expected
    assert [p.url for p in run.changed] == [p.url for p in phones if p is not broken]
    assert "1 failed" in str(run.summary) and run.failures[0].message
    assert "1 mislukt" in run.summary.nl
    assert sim_phone(simulator, broken.url).firmware == broken.firmware  # nothing half-applied
    outcomes = Counter(e.outcome for e in audit.entries())
    assert outcomes == {"ok": len(phones) - 1, "failed": 1}
    transport.fail.clear()
    patches_before = len(transport.patches)
    again = service.retry(run)
    assert all(r.ok for r in again.results) and len(again.changed) == len(phones)
    assert len(transport.patches) == patches_before + 1  # only the failed phone was sent again
    assert sim_phone(simulator, broken.url).firmware == model.firmwares[-1]
    audit.close()


def test_cancel_leaves_an_exact_list_of_changed_phones(simulator, make_service):
    service = make_service(rate_per_s=25.0, concurrency=1)
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    token = CancelToken()

    def progress(done, total, label):
        if done == 1:
            token.cancel()

    run = service.apply(service.plan(phones, model.firmwares[-1]), progress=progress,
                        cancel=token)
    assert run.cancelled and run.changed
    assert any(r.outcome is Outcome.NOT_STARTED for r in run.results)
    for result in run.results:
        on_sim = sim_phone(simulator, result.change.phone.url).firmware
        assert (on_sim == model.firmwares[-1]) == (result.outcome is Outcome.CHANGED)


def test_changes_are_paced(simulator, make_service):
    service = make_service(rate_per_s=20.0, concurrency=4)
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    started = time.monotonic()
    run = service.apply(service.plan(phones, model.firmwares[-1]))
    assert len(run.changed) == len(phones)
    assert time.monotonic() - started >= (len(phones) - 1) / 20.0


def test_read_only_user_is_refused_before_anything_is_sent(simulator, make_service):
    demo = make_service()
    _company, model, phones = pick(demo, vendor_prefix="snom")
    transport = FailingTransport()
    helpdesk = make_service(user="helpdesk", transport=transport)
    helpdesk.session.refresh()
    with pytest.raises(ReadOnly, match="read-only access to"):
        helpdesk.plan(phones[:1], model.firmwares[-1])
    plan = demo.plan(phones[:1], model.firmwares[-1], installed={phones[0].url: model.firmwares[0]})
    with pytest.raises(ReadOnly):
        helpdesk.apply(plan, confirmed=True)
    assert transport.patches == []
    assert sim_phone(simulator, phones[0].url).firmware == phones[0].firmware


def test_overview_matches_the_simulator(simulator, make_service):
    service = make_service()
    company = service.session.refresh().companies[3]
    view = service.overview(company)
    records = [r for r in simulator.engine.state.data.phones.values() if r.company_id == company.entity_id]
    assert len(view.rows) == len(records)
    catalog = {e.model.id: e for e in simulator.engine.catalog}
    expected_counts: dict[str, Counter] = {}
    behind = pending = 0
    for record in records:
        expected_counts.setdefault(record.model, Counter())[record.installed_firmware or "unknown"] += 1
        newest = catalog[record.model].demo_firmwares[-1]
        installed = record.installed_firmware
        if installed and fp.relation(newest, installed) is fp.Ordering.NEWER:
            behind += 1
        if record.firmware and installed and record.firmware != installed:
            pending += 1
    assert {m.model_id: Counter(m.by_installed) for m in view.models} == expected_counts
    assert sum(m.phones for m in view.models) == len(records)
    assert (len(view.behind), len(view.pending)) == (behind, pending)
    assert sum(m.behind for m in view.models) == behind and sum(m.pending for m in view.models) == pending


def test_a_phone_removed_meanwhile_fails_alone(simulator, make_service):
    service = make_service()
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    plan = service.plan(phones, model.firmwares[-1])
    service.session.client.remove_phone(phones[0])  # a colleague removes it in Compass Studio
    run = service.apply(plan)
    assert run.results[0].outcome is Outcome.FAILED and "no longer exists" in run.results[0].message
    assert [p.url for p in run.changed] == [p.url for p in phones[1:]]
    again = service.retry(run)
    assert again.results[0].outcome is Outcome.FAILED and len(again.changed) == len(phones) - 1


def test_server_errors_during_a_bulk_run_are_failures_not_guesses(simulator, make_service):
    service = make_service()
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    plan = service.plan(phones, model.firmwares[-1])
    simulator.set_faults(fault_rate=1.0)
    run = service.apply(plan)
    assert run.changed == [] and {r.outcome for r in run.results} <= {Outcome.FAILED, Outcome.UNKNOWN}
    assert {sim_phone(simulator, p.url).firmware for p in phones} == {None}
    simulator.set_faults(fault_rate=0.0)
    again = service.retry(run)
    assert len(again.changed) == len(phones)
    assert {sim_phone(simulator, p.url).firmware for p in phones} == {model.firmwares[-1]}


def test_expired_credentials_stop_the_run_and_say_which_phones_changed(simulator, make_service):
    service = make_service(concurrency=1)
    company, model, _ = pick(service, vendor_prefix="yealink", min_phones=3)
    phones = fresh_model(simulator, service, company, model)
    plan = service.plan(phones, model.firmwares[-1])
    simulator.set_faults(credentials_expire_after=1)  # the first change goes through, then 401
    run = service.apply(plan)
    outcomes = [r.outcome for r in run.results]
    assert outcomes[0] is Outcome.CHANGED and outcomes[1] is Outcome.FAILED
    assert set(outcomes[2:]) == {Outcome.NOT_STARTED}
    assert [p.url for p in run.changed] == [phones[0].url]
    assert [sim_phone(simulator, p.url).firmware for p in phones] == [model.firmwares[-1]] + [None] * (
        len(phones) - 1)


def test_without_phone_models_only_installed_firmware_can_be_chosen():
    from compass_desk.api.client import CompassClient
    from compass_desk.domain.models import Environment
    from compass_desk.services.firmware import FirmwareService
    from compass_desk.services.session import Session
    from compass_desk.sim import SimConfig, Simulator

    with Simulator(SimConfig(disabled_operations=frozenset({"phoneModels"}))) as sim:
        env = Environment("limited", sim.base_url, "demo")
        with Session(CompassClient(env, "compass-demo"), env) as session:
            service = FirmwareService(session, rate_per_s=1000.0)
            phone = next(p for p in session.refresh().phones if p.firmware)
            with pytest.raises(fp.FirmwareRefused, match="does not list certified firmware"):
                service.plan([phone], "10.1.198.19")
            assert service.model_for(phone, strict=False).firmwares == ()
            run = service.apply(service.plan([phone], None))
            assert run.results[0].outcome is Outcome.CHANGED and run.changed[0].firmware is None
