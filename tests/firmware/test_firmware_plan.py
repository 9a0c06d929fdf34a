"""The pure firmware choice: options marked newer/older/same, refusals, confirmations, the overview."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compass_desk.domain import firmware_plan as fp
from compass_desk.domain.firmware import Ordering, RiskKind
from compass_desk.domain.models import Company, Phone, PhoneModel, PhoneStatus, ProvisioningState, Vendor

D785 = PhoneModel("snom-d785", Vendor.SNOM, "D785", firmwares=("10.1.159.12", "10.1.184.15", "10.1.198.19"))
T54W = PhoneModel("yealink-t54w", Vendor.YEALINK, "T54W", firmwares=("96.86.188.7", "96.86.188.12"))
D385 = PhoneModel("snom-d385", Vendor.SNOM, "D385", firmwares=("8.7.5.35", "10.1.159.12"))
COMPANY = Company("https://x/company/1", "1", "Bakkerij Jansen")


def phone(n=1, model=D785, firmware=None):
    return Phone(f"https://x/phone/{n}", str(n), f"Phone {n}", f"00041300000{n % 10}", model.id,
                 COMPANY.url, ProvisioningState.DISABLED, firmware=firmware)


def test_options_mark_each_certified_version_for_one_phone():
    opts = fp.options(D785, [(phone(), "10.1.184.15")])
    assert [o.version for o in opts] == [None, "10.1.159.12", "10.1.184.15", "10.1.198.19"]
    assert opts[0].label == "Use installed firmware" and opts[0].selected_now == 1
    assert opts[1].label == "10.1.159.12: older than installed"
    assert opts[2].label == "10.1.184.15: same as installed"
    assert opts[3].label == "10.1.198.19 (latest certified): newer than installed" and opts[3].latest
    unknown = fp.options(D785, [(phone(), None)])
    assert unknown[1].label == "10.1.159.12: installed version unknown"


def test_options_count_relations_over_a_model():
    phones = [(phone(1), "10.1.159.12"), (phone(2), "10.1.198.19"), (phone(3, firmware="10.1.198.19"), None)]
    latest = fp.options(D785, phones)[3]
    assert latest.relations == {"newer": 1, "same": 1, "unknown": 1}
    assert latest.label == "10.1.198.19 (latest certified): newer for 1, same for 1, unknown for 1"
    assert latest.selected_now == 1


def test_a_version_that_is_not_certified_is_refused_naming_the_certified_ones():
    with pytest.raises(fp.FirmwareRefused) as caught:
        fp.plan(D785, [(phone(), "10.1.184.15")], "10.1.215.13", target_label="x")
    assert caught.value.message == (
        "10.1.215.13 is not certified for Snom D785; the certified versions are "
        "10.1.159.12, 10.1.184.15, 10.1.198.19."
    )
    # Another spelling of a certified version is accepted and sent as Compass lists it.
    assert fp.plan(D785, [(phone(), None)], "v10.1.198.19", target_label="x").target == "10.1.198.19"
    assert fp.check_certified("96.86.188.12.rom", T54W) == "96.86.188.12"
    with pytest.raises(fp.FirmwareRefused, match="lists no certified firmware"):
        fp.check_certified("1.2.3.4", PhoneModel("x", Vendor.SNOM, "X"))


def test_upgrade_needs_one_confirmation_and_explains_what_happens():
    plan = fp.plan(D785, [(phone(), "10.1.184.15")], "10.1.198.19", target_label="phone “Phone 1”")
    assert plan.changes[0].relation is Ordering.NEWER and not plan.needs_second_confirmation
    text = str(plan.explanation())
    assert "Compass adds the URL of firmware 10.1.198.19" in text
    assert "Compass web server" in text and "next time it fetches its settings" in text
    assert "Downgrading" not in text and plan.reasons() == []


def test_downgrade_needs_a_second_confirmation_with_the_reason():
    plan = fp.plan(D785, [(phone(), "10.1.198.19")], "10.1.159.12", target_label="phone “Phone 1”")
    assert plan.needs_second_confirmation
    assert [r.kind for r in plan.changes[0].risks] == [RiskKind.DOWNGRADE]
    assert "older than the installed 10.1.198.19" in str(plan.reasons()[0])
    assert "vendor or the installed firmware may block it" in str(plan.explanation())
    assert "ouder dan de geïnstalleerde 10.1.198.19" in plan.reasons()[0].nl
    assert "fabrikant of de geïnstalleerde firmware" in plan.explanation().nl


def test_major_downgrade_and_snom_recovery_are_named():
    plan = fp.plan(D385, [(phone(model=D385), "10.1.159.12")], "8.7.5.35", target_label="p")
    kinds = {r.kind for r in plan.changes[0].risks}
    assert kinds == {RiskKind.MAJOR_DOWNGRADE, RiskKind.SNOM_RECOVERY}
    assert any("V10 to V8" in reason.en and "V10 naar V8" in reason.nl for reason in plan.reasons())


def test_crossing_between_international_and_lydis_needs_a_second_confirmation():
    # Installed international (0) build, certified Lydis (188) build, even though it is newer.
    plan = fp.plan(T54W, [(phone(model=T54W), "96.86.0.5")], "96.86.188.12", target_label="p")
    assert plan.changes[0].relation is Ordering.NEWER
    assert [r.kind for r in plan.changes[0].risks] == [RiskKind.CUSTOM_SWITCH]
    assert plan.needs_second_confirmation
    assert "international (generic) Yealink firmware (0) to Lydis" in plan.reasons()[0].en
    assert "internationale (algemene) Yealink-firmware (0) naar Lydis" in plan.reasons()[0].nl


def test_unknown_installed_version_needs_a_second_confirmation_but_clearing_does_not():
    plan = fp.plan(D785, [(phone(), None)], "10.1.198.19", target_label="phone “Phone 1”")
    assert plan.needs_second_confirmation
    assert plan.reasons() == [fp.UNKNOWN_INSTALLED.format(target="phone “Phone 1”")]
    named = fp.plan(D785, [(phone(), None)], "10.1.198.19", target_label=fp.phone_words(phone()))
    assert named.reasons()[0].nl.startswith("De geïnstalleerde firmware van telefoon “Phone 1” (00:04:13")
    clear = fp.plan(D785, [(phone(firmware="10.1.198.19"), None)], None, target_label="phone “Phone 1”")
    assert not clear.needs_second_confirmation and clear.target is None
    assert "Compass sends no firmware instruction" in clear.explanation().en


def test_many_phones_count_the_reasons_and_skip_phones_already_set():
    phones = [(phone(1), "10.1.198.19"), (phone(2), "10.1.198.19"), (phone(3, firmware="10.1.184.15"), "x"),
              (phone(4), "10.1.159.12")]
    plan = fp.plan(D785, phones, "10.1.184.15", target_label="4 Snom D785 phones")
    assert [c.phone.resource_id for c in plan.needed] == ["1", "2", "4"]
    assert len(plan.reasons()) == 1 and plan.reasons()[0].en.endswith("(2 phones)")
    assert plan.reasons()[0].nl.endswith("(2 telefoons)")
    with pytest.raises(fp.FirmwareRefused, match="not a Yealink T54W"):
        fp.plan(T54W, phones, None, target_label="x")


def test_installed_version_from_status_or_user_agent():
    assert fp.installed_version(PhoneStatus(firmware_version="10.1.198.19")) == "10.1.198.19"
    assert fp.installed_version(PhoneStatus(user_agent="Yealink SIP-T54W 96.86.0.70")) == "96.86.0.70"
    assert fp.installed_version(PhoneStatus(user_agent="curl/8")) is None
    assert fp.installed_version(None) is None


def test_latest_orders_versions_not_text():
    assert fp.latest(("10.1.198.19", "10.1.215.13", "10.1.30.1")) == "10.1.215.13"
    assert fp.latest(("96.86.188.12", "96.86.188.7")) == "96.86.188.12"
    assert fp.latest(()) is None


def test_overview_counts_behind_and_pending():
    phones = [phone(1), phone(2, firmware="10.1.198.19"), phone(3, firmware="10.1.198.19"), phone(4),
              phone(5, model=T54W)]
    statuses = {
        phones[0].url: PhoneStatus(online=True, firmware_version="10.1.159.12"),
        phones[1].url: PhoneStatus(online=True, firmware_version="10.1.198.19"),
        phones[2].url: PhoneStatus(online=False, firmware_version="10.1.184.15"),
        phones[4].url: PhoneStatus(online=True, user_agent="Yealink SIP-T54W 96.86.188.12"),
    }
    view = fp.overview(COMPANY, phones, statuses, [D785, T54W])
    d785, t54w = view.models
    assert (d785.model_name, d785.phones, d785.behind, d785.pending) == ("Snom D785", 4, 2, 1)
    assert d785.unknown == 1
    assert d785.by_installed == {"10.1.159.12": 1, "10.1.198.19": 1, "10.1.184.15": 1, "unknown": 1}
    assert d785.by_selected == {"Use installed firmware": 2, "10.1.198.19": 2}
    assert (t54w.phones, t54w.behind, t54w.pending, t54w.latest) == (1, 0, 0, "96.86.188.12")
    assert [r.phone.resource_id for r in view.behind] == ["1", "3"]
    assert [r.phone.resource_id for r in view.pending] == ["3"]
    rows = view.csv_rows()
    assert rows[0] == list(fp.FirmwareOverview.CSV_HEADER) and len(rows) == 6
    third = next(r for r in rows if r[1] == "Phone 3")
    assert third == ["Bakkerij Jansen", "Phone 3", "000413000003", "Snom D785", "10.1.184.15", "10.1.198.19",
                     "10.1.198.19", "yes", "yes", "no"]


@settings(max_examples=60, deadline=None)
@given(installed=st.tuples(st.integers(0, 300), st.integers(0, 99)),
       index=st.integers(0, 2))
def test_second_confirmation_exactly_for_older_targets_on_snom(installed, index):
    version = f"10.1.{installed[0]}.{installed[1]}"
    target = D785.firmwares[index]
    plan = fp.plan(D785, [(phone(), version)], target, target_label="p")
    older = plan.changes[0].relation is Ordering.OLDER
    assert plan.needs_second_confirmation == (older and plan.changes[0].needed)


def test_versions_are_listed_newest_first_and_unknown_last():
    counts = {"unknown": 1, "108.86.188.7": 2, "108.86.188.11": 1, "garbage": 1}
    assert [v for v, _ in fp.by_version(counts)] == ["108.86.188.11", "108.86.188.7", "garbage", "unknown"]
