"""The site check report as plain text (for a ticket or the clipboard) and as a standalone HTML page."""

from __future__ import annotations

from html import escape

from compass_desk.domain.sitecheck import CheckResult, Outcome, SiteReport

LABELS = {
    Outcome.PASSED: "OK",
    Outcome.WARNING: "CHECK",
    Outcome.FAILED: "FAIL",
    Outcome.SKIPPED: "SKIPPED",
    Outcome.INFO: "INFO",
}
_COLOURS = {
    Outcome.PASSED: "#1b7f3b",
    Outcome.WARNING: "#a36a00",
    Outcome.FAILED: "#b3261e",
    Outcome.SKIPPED: "#666666",
    Outcome.INFO: "#28559a",
}


def headline(report: SiteReport) -> str:
    counts = report.counts()
    bad = counts[Outcome.FAILED.value] + counts[Outcome.WARNING.value]
    if report.cancelled:
        return "The site check was cancelled before it finished."
    if bad == 0:
        return "Everything a phone needs to provision works from this network."
    checked = len(report.checks) - counts[Outcome.SKIPPED.value] - counts[Outcome.INFO.value]
    return f"{bad} of {checked} checks found a problem: phones may not provision from this network."


def _stamp(report: SiteReport) -> str:
    return report.started_at.strftime("%Y-%m-%d %H:%M:%S %Z").strip()


def render_text(report: SiteReport) -> str:
    lines = [
        "Compass Desk site check",
        f"Run at: {_stamp(report)} "
        f"({(report.finished_at - report.started_at).total_seconds():.1f} s)",
    ]
    if report.environment:
        lines.append(f"Environment: {report.environment}")
    lines += [headline(report), ""]
    for check in report.checks:
        lines += _text_block(check)
    return "\n".join(lines).rstrip() + "\n"


def _text_block(check: CheckResult) -> list[str]:
    label = f"[{LABELS[check.outcome]}]"
    target = f" — {check.spec.target}" if check.spec.target else ""
    block = [f"{label} {check.spec.title}{target}", f"    {check.summary}"]
    if check.ask_it:
        block.append(f"    Ask IT: {check.ask_it}")
    block += [f"    {name}: {value}" for name, value in check.details]
    block.append("")
    return block


_STYLE = """body{font-family:sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;width:100%}
td,th{border:1px solid #ccc;padding:6px;vertical-align:top;text-align:left}
.label{font-weight:bold;white-space:nowrap}
.details{font-size:90%;color:#444;margin:4px 0 0 0;padding-left:1.2em}
.ask{margin-top:4px}"""


def render_html(report: SiteReport) -> str:
    rows = "\n".join(_html_row(c) for c in report.checks)
    env = (f"<p>Environment: {escape(report.environment)}</p>\n" if report.environment else "")
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Compass Desk site check</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n"
        "<h1>Compass Desk site check</h1>\n"
        f"<p>Run at {escape(_stamp(report))} "
        f"({(report.finished_at - report.started_at).total_seconds():.1f} s).</p>\n"
        f"{env}<p><strong>{escape(headline(report))}</strong></p>\n"
        "<table>\n<thead><tr><th>Result</th><th>Check</th><th>What happened</th></tr></thead>\n"
        f"<tbody>\n{rows}\n</tbody>\n</table>\n</body>\n</html>\n"
    )


def _html_row(check: CheckResult) -> str:
    colour = _COLOURS[check.outcome]
    target = f"<br><code>{escape(check.spec.target)}</code>" if check.spec.target else ""
    ask = (f"<div class=\"ask\"><strong>Ask IT:</strong> {escape(check.ask_it)}</div>"
           if check.ask_it else "")
    details = ""
    if check.details:
        items = "".join(f"<li>{escape(name)}: {escape(value)}</li>" for name, value in check.details)
        details = f"<ul class=\"details\">{items}</ul>"
    return (
        f"<tr><td class=\"label\" style=\"color:{colour}\">{escape(LABELS[check.outcome])}</td>"
        f"<td>{escape(check.spec.title)}{target}</td>"
        f"<td>{escape(check.summary)}{ask}{details}</td></tr>"
    )
