"""Bulk retry: an unknown outcome is reported as such and each phone is read back before moving again."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

from compass_desk.api.errors import NetworkError, OutcomeUnknownError
from compass_desk.domain.models import Access, Company, Phone, ProvisioningState
from compass_desk.services.bulk_move import bulk_move, retry

SOURCE = Company("http://x/company/a", "a", "Source", access=Access.WRITE)
TARGET = Company("http://x/company/b", "b", "Target", access=Access.WRITE)


def _phone(i: int) -> Phone:
    return Phone(f"http://x/phone/p{i}", f"p{i}", f"Desk {i}", f"000413aabb{i:02x}", "snom-d785",
                 SOURCE.url, ProvisioningState.ACTIVE)


class FakeService:
    """Moves by hand-made rules; ``where`` is what Compass really holds (read back by retry)."""

    def __init__(self, phones: list[Phone]) -> None:
        self.where = {p.url: p for p in phones}
        self.moves: list[str] = []
        self.unknown: set[str] = set()  # these moves happen but their answer is lost
        self.unreadable: set[str] = set()
        self.session = SimpleNamespace(client=SimpleNamespace(phone=self._read))

    def _read(self, url: str) -> Phone:
        if url in self.unreadable:
            raise NetworkError("Could not reach Compass; check the network connection.")
        return self.where[url]

    def plan(self, phone, target, method):
        return SimpleNamespace(phone=phone, target=target)

    def move_api(self, plan):
        self.moves.append(plan.phone.url)
        moved = replace(plan.phone, company_url=plan.target.url)
        self.where[moved.url] = moved
        if plan.phone.url in self.unknown:
            raise OutcomeUnknownError("The answer was lost; check the phone before trying again.")
        return SimpleNamespace(phone=moved)


def test_unknown_outcome_is_not_called_failed_and_retry_reads_back_first():
    phones = [_phone(i) for i in range(3)]
    service = FakeService(phones)
    service.unknown = {phones[1].url}
    run = bulk_move(service, phones, TARGET, rate_per_s=1000)
    assert [r.ok for r in run.results] == [True, False, True]
    assert run.results[1].unknown and run.unknown == [phones[1]] and run.failed == []
    assert "unknown" in run.summary and "failed" not in run.summary
    assert run.to_retry == [phones[1]]
    service.unknown.clear()
    again = retry(service, run, rate_per_s=1000)
    assert all(r.ok for r in again.results)
    assert service.moves.count(phones[1].url) == 1  # it had moved: read back, not sent again
    assert again.results[1].message == "Already there."


def test_retry_moves_the_fresh_copy_and_never_a_phone_it_cannot_read():
    phones = [_phone(i) for i in range(2)]
    service = FakeService(phones)
    service.unknown = {phones[0].url, phones[1].url}
    run = bulk_move(service, phones, TARGET, rate_per_s=1000)
    # Someone moved phone 0 back meanwhile; phone 1 cannot be read now.
    service.where[phones[0].url] = replace(phones[0], name="Renamed meanwhile")
    service.unreadable = {phones[1].url}
    service.unknown.clear()
    service.moves.clear()
    again = retry(service, run, rate_per_s=1000)
    assert service.moves == [phones[0].url]
    assert again.results[0].ok and again.results[0].moved.name == "Renamed meanwhile"
    assert not again.results[1].ok and again.results[1].unknown
