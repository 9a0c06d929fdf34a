"""The site check report as plain text (for a ticket or the clipboard) and as a standalone HTML page,
in English (the CLI) or Dutch (the GUI in Dutch: the installer hands the report on as the screen shows it).
"""

from __future__ import annotations

from html import escape

from compass_desk.domain.sitecheck import CheckResult, Outcome, SiteReport
from compass_desk.domain.sitecheck_words import detail_texts
from compass_desk.domain.text import Text

LABEL_TEXTS = {
    Outcome.PASSED: Text("OK", "OK"),
    Outcome.WARNING: Text("CHECK", "CONTROLEREN"),
    Outcome.FAILED: Text("FAIL", "MISLUKT"),
    Outcome.SKIPPED: Text("SKIPPED", "OVERGESLAGEN"),
    Outcome.INFO: Text("INFO", "INFO"),
}
LABELS = {outcome: text.en for outcome, text in LABEL_TEXTS.items()}  # the CLI's words
_COLOURS = {
    Outcome.PASSED: "#1b7f3b",
    Outcome.WARNING: "#a36a00",
    Outcome.FAILED: "#b3261e",
    Outcome.SKIPPED: "#666666",
    Outcome.INFO: "#28559a",
}
TITLE = Text("Compass Desk site check", "Locatiecontrole van Compass Desk")
ASK_IT = Text("Ask IT:", "Vraag IT:")
_ENVIRONMENT = Text("Environment: {name}", "Omgeving: {name}")
_RUN_AT = Text("Run at: {stamp} ({seconds} s)", "Uitgevoerd op: {stamp} ({seconds} s)")
_HTML_RUN_AT = Text("Run at {stamp} ({seconds} s).", "Uitgevoerd op {stamp} ({seconds} s).")
_COLUMNS = (Text("Result", "Resultaat"), Text("Check", "Controle"), Text("What happened", "Wat er gebeurde"))


def headline(report: SiteReport) -> Text:
    counts = report.counts()
    bad = counts[Outcome.FAILED.value] + counts[Outcome.WARNING.value]
    if report.cancelled:
        return Text("The site check was cancelled before it finished.",
                    "De locatiecontrole is geannuleerd voordat hij klaar was.")
    if bad == 0:
        return Text("Everything a phone needs to provision works from this network.",
                    "Alles wat een telefoon nodig heeft om te provisionen, werkt vanaf dit netwerk.")
    checked = len(report.checks) - counts[Outcome.SKIPPED.value] - counts[Outcome.INFO.value]
    found = "vond" if bad == 1 else "vonden"
    return Text(f"{bad} of {checked} checks found a problem: phones may not provision from this network.",
                f"{bad} van {checked} controles {found} een probleem: telefoons kunnen vanaf dit netwerk "
                "misschien niet provisionen.")


def _stamp(report: SiteReport) -> str:
    return report.started_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def _seconds(report: SiteReport) -> str:
    return f"{(report.finished_at - report.started_at).total_seconds():.1f}"


def render_text(report: SiteReport, lang: str = "en", *, cli_hints: bool = False) -> str:
    """The report as text; *cli_hints* adds the checks' command-line advice (the CLI only, in English)."""
    lines = [TITLE.get(lang), _RUN_AT.format(stamp=_stamp(report), seconds=_seconds(report)).get(lang)]
    if report.environment:
        lines.append(_ENVIRONMENT.format(name=report.environment).get(lang))
    lines += [headline(report).get(lang), ""]
    for check in report.checks:
        lines += _text_block(check, lang, cli_hints)
    return "\n".join(lines).rstrip() + "\n"


def _text_block(check: CheckResult, lang: str, cli_hints: bool = False) -> list[str]:
    label = f"[{LABEL_TEXTS[check.outcome].get(lang)}]"
    target = f" — {check.spec.target}" if check.spec.target else ""
    block = [f"{label} {check.spec.title_text.get(lang)}{target}", f"    {check.summary_text.get(lang)}"]
    if check.ask_it:
        block.append(f"    {ASK_IT.get(lang)} {check.ask_it_text.get(lang)}")
    block += [f"    {detail.get(lang)}" for detail in detail_texts(check.details)]
    if cli_hints and check.spec.cli_hint:
        block.append(f"    Hint: {check.spec.cli_hint}")
    block.append("")
    return block


_STYLE = """body{font-family:sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}
.label{font-weight:bold;white-space:nowrap}
.details{font-size:90%;color:#444;margin:4px 0 0 0;padding-left:1.2em}
.ask{margin-top:4px}"""


def render_html(report: SiteReport, lang: str = "en") -> str:
    rows = "\n".join(_html_row(c, lang) for c in report.checks)
    env = (f"<p>{escape(_ENVIRONMENT.format(name=report.environment).get(lang))}</p>\n"
           if report.environment else "")
    title = escape(TITLE.get(lang))
    run_at = _HTML_RUN_AT.format(stamp=_stamp(report), seconds=_seconds(report)).get(lang)
    heads = "".join(f"<th>{escape(column.get(lang))}</th>" for column in _COLUMNS)
    return (
        f"<!DOCTYPE html>\n<html lang=\"{'nl' if lang == 'nl' else 'en'}\">\n"
        "<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{title}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{title}</h1>\n"
        f"<p>{escape(run_at)}</p>\n"
        f"{env}<p><strong>{escape(headline(report).get(lang))}</strong></p>\n"
        f"<table>\n<thead><tr>{heads}</tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _html_row(check: CheckResult, lang: str) -> str:
    colour = _COLOURS[check.outcome]
    target = f"<br><code>{escape(check.spec.target)}</code>" if check.spec.target else ""
    ask = (f"<div class=\"ask\"><strong>{escape(ASK_IT.get(lang))}</strong> "
           f"{escape(check.ask_it_text.get(lang))}</div>" if check.ask_it else "")
    details = ""
    if check.details:
        items = "".join(f"<li>{escape(detail.get(lang))}</li>" for detail in detail_texts(check.details))
        details = f"<ul class=\"details\">{items}</ul>"
    return (
        "<tr><td class=\"label\" "
        f"style=\"color:{colour}\">{escape(LABEL_TEXTS[check.outcome].get(lang))}</td>"
        f"<td>{escape(check.spec.title_text.get(lang))}{target}</td>"
        f"<td>{escape(check.summary_text.get(lang))}{ask}{details}</td></tr>"
    )
