"""The site visit's summary says one file as one file ("Stored the provisioning file of …"), not
"1 of 1 provisioning files"; several stay "n of m" (English and Dutch)."""

from __future__ import annotations

from types import SimpleNamespace

from compass_desk.domain.models import Access, Company, Phone, ProvisioningState
from compass_desk.domain.text import same
from compass_desk.services import offline
from compass_desk.services.offline import PhoneResult, SiteVisitResult

COMPANY = Company(url="https://c.example/company/1", entity_id="1", name="Bakkerij Vermeulen",
                  access=Access.WRITE)


def phone(n: int) -> Phone:
    return Phone(url=f"https://c.example/phone/{n}", resource_id=str(n), name=f"Balie {n}",
                 mac=f"0004132233{n:02d}",
                 model="snom-d785", company_url=COMPANY.url, provisioning=ProvisioningState.ACTIVE)


def result(count: int, stored: int) -> SiteVisitResult:
    phones = [phone(n) for n in range(count)]
    kept = SimpleNamespace()  # only "stored is not None" counts here
    results = [PhoneResult(p, stored=kept if i < stored else None,
                           problem_texts=() if i < stored else (same("x"),)) for i, p in enumerate(phones)]
    return SiteVisitResult(COMPANY, phones, results)


def test_one_file_is_said_as_one_file():
    text = result(1, 1).summary_text()
    assert text.en == "Stored the provisioning file of Bakkerij Vermeulen for offline reading."
    assert text.nl == "Het provisioningbestand van Bakkerij Vermeulen is bewaard om offline te lezen."


def test_several_files_and_one_problem():
    text = result(3, 2).summary_text()
    assert text.en.startswith("Stored 2 of 3 provisioning files of Bakkerij Vermeulen for offline reading.")
    assert "1 phone had a problem" in text.en and "1 telefoon had een probleem" in text.nl


def test_every_text_has_its_own_dutch():
    for text in offline.TEXTS:
        assert text.nl.strip() and text.nl != text.en, text
