"""The services' sentences for people have a Dutch beside the English: files that cannot be opened,
lookups that find nothing, refresh progress and the organisations a refresh could not load."""

from __future__ import annotations

import os
import sys

import httpx
import pytest
from svc_connect import CountingTransport, make_session

from compass_desk.api.errors import error_for_status
from compass_desk.domain.models import Company, Phone, ProvisioningState
from compass_desk.domain.provisioning import MAX_BYTES
from compass_desk.domain.text import Text
from compass_desk.services import files, offline
from compass_desk.services.files import ProvisioningFileError, read_provisioning_file
from compass_desk.services.lookup import NoMatchError, find_company, find_phone
from compass_desk.services.session import LISTING_ORGANISATIONS, PROGRESS_TEXTS

ENGLISH = {"the", "cannot", "not", "is", "no", "such", "file", "folder", "there", "phone", "with", "more",
           "than", "one", "has", "use", "its", "instead", "organisations", "you", "can", "see", "allowed"}


def english_in(text: str, *data: str) -> set[str]:
    for value in data:
        text = text.replace(value, "")
    # "is" is Dutch too; a single word shared by both is not a sign of English.
    return {w.strip(".,;:()'").lower() for w in text.split()} & (ENGLISH - {"is"})


@pytest.mark.parametrize("text", [*files.TEXTS, *PROGRESS_TEXTS])
def test_every_sentence_has_its_own_dutch(text: Text):
    assert text.nl and text.nl != text.en
    assert english_in(text.nl, "{name}", "{why}", "{mb}") == set()


def test_files_that_cannot_be_read_say_why_in_dutch(tmp_path):
    huge = tmp_path / "huge.cfg"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    cases = [(tmp_path, "is een map"), (tmp_path / "missing.cfg", "bestaat niet"), (huge, "te groot")]
    if sys.platform != "win32":
        cases.append((os.devnull, "geen gewoon bestand"))
    for path, dutch in cases:
        with pytest.raises(ProvisioningFileError) as caught:
            read_provisioning_file(path)
        error = caught.value
        assert isinstance(error, OSError)
        assert dutch in error.text.nl and str(error) == error.message == error.text.en
        assert english_in(error.text.nl, str(path)) == set(), error.text.nl


def test_a_refresh_reports_its_steps_as_text_and_names_as_they_are(simulator):
    from compass_desk.api.client import CompassClient
    from compass_desk.domain.models import Environment
    from compass_desk.services.session import Session
    from compass_desk.sim import DEMO_PASSWORD

    labels = []
    env = Environment("sim", simulator.base_url, "demo")
    with CompassClient(env, DEMO_PASSWORD) as client:
        Session(client, env).refresh(progress=lambda done, total, label: labels.append(label))
    assert labels[0] == LISTING_ORGANISATIONS
    assert all(isinstance(label, str) for label in labels[1:])  # organisation names, shown as they are


@pytest.fixture
def sessions(simulator):
    made = []

    def make(**kwargs):
        made.append(make_session(simulator, **kwargs))
        return made[-1]

    yield make
    for s in made:
        s.client.close()


def test_a_failed_organisation_carries_the_dutch_of_its_error(sessions):
    companies = sessions().client.companies()
    broken = companies[3]
    transport = CountingTransport(fail={broken.url + "/phones": 403})
    with httpx.Client(transport=transport) as http:
        result = sessions(http_client=http).refresh()
    [failure] = result.failures
    assert failure.reason.en == failure.message
    assert "geen rechten om de telefoons van" in failure.reason.nl and broken.name in failure.reason.nl


def test_lookups_that_find_nothing_say_so_in_dutch(sessions):
    session = sessions()
    session.refresh()
    misses = [
        (lambda: find_phone(session, ""), "geen telefoon opgegeven"),
        (lambda: find_phone(session, "nosuchid"), "in de organisaties die je kunt zien"),
        (lambda: find_phone(session, "00:04:13:zz:00:01"), "ook geen MAC-adres: '00:04:13:zz:00:01' is geen"),
        (lambda: find_phone(session, "00:04:13:00:ee:01"), "geen telefoon met MAC-adres"),
        (lambda: find_phone(session, "https://elsewhere.example/phone/1"), "is geen adres op"),
        (lambda: find_company(session, ""), "geen organisatie opgegeven"),
        (lambda: find_company(session, "Nobody Ltd"), "geen organisatie 'Nobody Ltd'"),
    ]
    for look, dutch in misses:
        with pytest.raises(NoMatchError) as caught:
            look()
        error = caught.value
        assert dutch in error.text.nl, error.text.nl
        assert str(error) == error.message == error.text.en != error.text.nl
        data = ("nosuchid", "https://elsewhere.example/phone/1", session.client.base_url, "Nobody Ltd")
        assert english_in(error.text.nl, *data) == set(), error.text.nl


@pytest.mark.parametrize("text", offline.TEXTS)
def test_every_site_visit_sentence_has_its_own_dutch(text: Text):
    assert text.nl and text.nl != text.en
    assert english_in(text.nl, "{name}", "{why}", "{stored}", "{total}", "{count}") == set()


def test_a_site_visit_summary_and_its_problems_in_both_languages():
    company = Company("https://x.test/c/1", "c1", "Bakkerij Vermeulen")
    phones = [Phone(f"https://x.test/p/{i}", f"p{i}", f"Balie {i}", f"000413aabb{i:02x}", "snom-d785",
                    company.url, ProvisioningState.DISABLED) for i in range(3)]
    refused = error_for_status(403, Text("fetch the file", "het bestand op te halen"), "no licence")
    problem = offline._problem(offline._NOT_FETCHED, refused)
    assert problem.en == f"Provisioning file not fetched: {refused.message}"
    assert problem.nl.startswith("Provisioningbestand niet opgehaald: Je hebt geen rechten")
    result = offline.SiteVisitResult(
        company, phones, [offline.PhoneResult(phones[0], problem_texts=(problem,))],
        cancelled=True)
    assert result.summary() == result.summary_text().en == (
        "Cancelled: stored 0 of 3 provisioning files of Bakkerij Vermeulen. "
        "1 phone had a problem; see the list.")
    assert result.summary_text().nl == (
        "Geannuleerd: 0 van 3 provisioningbestanden van Bakkerij Vermeulen bewaard. "
        "1 telefoon had een probleem; zie de lijst.")
