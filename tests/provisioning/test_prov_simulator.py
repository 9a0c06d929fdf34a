"""The files the simulator serves (what Compass would send) parse, validate and mask cleanly."""

from __future__ import annotations

from compass_desk.api.client import CompassClient
from compass_desk.domain.models import Environment
from compass_desk.domain.provisioning import FileFormat, Severity, parse_text
from compass_desk.domain.provisioning.secrets import mask_settings, mask_text, secret_settings
from compass_desk.domain.provisioning.validate import validate
from compass_desk.sim import DEMO_PASSWORD


def test_simulator_files_are_clean_and_their_secrets_hidden(simulator):
    formats, customs, secrets_seen = set(), 0, 0
    with CompassClient(Environment("sim", simulator.base_url, "demo"), DEMO_PASSWORD) as client:
        phones = [p for company in client.companies()[:4] for p in client.phones(company)][:30]
        for phone in phones:
            file = client.provisioning_file(phone)
            parsed = parse_text(file.content, file.filename)
            formats.add(parsed.format)
            problems = [f for f in validate(parsed) if f.severity is not Severity.INFO]
            assert problems == [], (file.filename, problems)
            if parsed.custom_start_line is not None:
                customs += 1
                custom = [s for s in parsed.settings if s.from_custom]
                assert custom and all(s.section != "functionKeys" for s in custom)
            secrets = [s.value for s in secret_settings(parsed)]
            secrets_seen += len(secrets)
            masked = mask_text(parsed) + repr(mask_settings(parsed.settings))
            assert [s for s in secrets if s in masked] == []
    assert formats == {FileFormat.SNOM_XML, FileFormat.YEALINK_CFG}
    assert customs > 0 and secrets_seen > 0
