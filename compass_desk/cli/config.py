"""``config show|check|diff``: read provisioning files from disk, no account needed.

Secrets stay masked unless ``show --reveal-secrets`` is given. Exit codes:

- ``config show FILE``: 0, or 2 when FILE is missing, unreadable or not a text file; 1 when it is
  text but cannot be parsed (the masked text is still printed).
- ``config check FILE``: 0 clean (info only, warnings allowed), 1 at least one finding of severity
  error, 2 missing, unreadable or not a text file.
- ``config diff A B``: 0 identical, 1 different (like diff(1)), 2 a file missing or unreadable.

With ``--json`` each prints one object (fields may be added, never renamed):

``show``: ``{"file", "format", "encoding", "notes": [str], "custom_start_line": int|null,
"settings": [{"name", "index", "value", "permission", "permission_meaning", "line", "section",
"from_custom", "secret", "notes": [str]}]}`` (secret values masked unless revealed).
``check``: ``{"file", "format": str|null, "encoding": str|null, "settings": int, "errors": int,
"warnings": int, "findings": [{"line", "severity", "code", "setting", "message"}]}``.
``diff``: ``{"left", "right", "identical": bool, "settings": [{"change", "name", "left_value",
"right_value", "left_line", "right_line"}], "lines": [{"tag", "left_line", "left", "right_line",
"right"}]}`` (changed lines only, masked).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from compass_desk.cli.common import FAILED, OK, USAGE, CliError, GlobalOptions, counted, print_json

ORDER = 70


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    config = sub.add_parser("config", help="show, check and compare provisioning files (no account needed)")
    config_sub = config.add_subparsers(dest="config_command", metavar="SUBCOMMAND")
    show = config_sub.add_parser("show", help="print a Snom or Yealink provisioning file with secrets masked")
    show.add_argument("file", metavar="FILE", help=".xml, .cfg, .htm or .txt provisioning file")
    show.add_argument("--reveal-secrets", action="store_true",
                      help="show passwords and other secrets in plain text")
    show.set_defaults(handler=_show)
    check = config_sub.add_parser("check", help="validate a provisioning file (exit 1 on errors)")
    check.add_argument("file", metavar="FILE")
    check.set_defaults(handler=_check)
    diff = config_sub.add_parser("diff", help="compare two provisioning files (secrets compared, not shown)")
    diff.add_argument("left", metavar="A")
    diff.add_argument("right", metavar="B")
    diff.set_defaults(handler=_diff)


def read_file(name: str) -> bytes:
    """The bytes of *name*, or a CliError (exit 2) saying in one sentence why not."""
    from compass_desk.services.files import ProvisioningFileError, read_provisioning_file

    try:
        return read_provisioning_file(name)
    except ProvisioningFileError as exc:
        raise CliError(exc.message, USAGE) from None


def _decoded(name: str) -> tuple[bytes, Any]:
    from compass_desk.domain.provisioning import ParseError, decode

    data = read_file(name)
    try:
        return data, decode(data)
    except ParseError as exc:
        raise CliError(f"{name}: {exc.message}", USAGE) from None


def _load(name: str) -> Any:
    from compass_desk.domain.provisioning import ParseError, parse_bytes

    data, _ = _decoded(name)
    try:
        return parse_bytes(data, Path(name).name)
    except ParseError as exc:
        raise CliError(f"{name}: {exc.message}", FAILED) from None


def _show(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.provisioning import (
        FileFormat,
        ParsedFile,
        ParseError,
        detect_format,
        parse_bytes,
    )
    from compass_desk.domain.provisioning.explain import explain, permission_meaning
    from compass_desk.domain.provisioning.secrets import is_secret, mask_setting, mask_text, secret_settings

    data, decoded = _decoded(args.file)
    try:
        parsed = parse_bytes(data, Path(args.file).name)
    except ParseError as exc:
        # Still show the text (masked as well as can be) so the broken line can be found.
        try:
            file_format = detect_format(decoded.text, Path(args.file).name)
        except ParseError:
            file_format = FileFormat.SNOM_TEXT
        raw = ParsedFile(file_format, decoded.text, ())
        sys.stdout.write(decoded.text if args.reveal_secrets else mask_text(raw))
        raise CliError(f"{args.file}: {exc.message}", FAILED) from None
    for note in parsed.notes:
        print(f"compass-desk: note: {note}", file=sys.stderr)
    reveal = bool(args.reveal_secrets)
    if options.json:
        rows = []
        for setting in parsed.settings:
            shown = setting if reveal else mask_setting(setting)
            rows.append({
                "name": setting.name, "index": setting.index, "value": shown.value,
                "permission": setting.permission,
                "permission_meaning": permission_meaning(setting.permission, parsed.format),
                "line": setting.line, "section": setting.section, "from_custom": setting.from_custom,
                "secret": is_secret(setting), "notes": explain(setting, parsed.format),
            })
        print_json({"file": args.file, "format": parsed.format.value, "encoding": parsed.encoding,
                    "notes": list(parsed.notes), "custom_start_line": parsed.custom_start_line,
                    "settings": rows})
    else:
        text = parsed.text if reveal else mask_text(parsed)
        sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
    hidden = len(secret_settings(parsed))
    if reveal:
        print("compass-desk: secrets are shown in plain text; do not share this output", file=sys.stderr)
    elif hidden:
        print(f"compass-desk: {counted(hidden, 'secret value')} masked; --reveal-secrets shows them",
              file=sys.stderr)
    return OK


def _check(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.provisioning import Severity
    from compass_desk.domain.provisioning.validate import check

    data, _ = _decoded(args.file)
    result = check(data, Path(args.file).name)
    errors = sum(f.severity is Severity.ERROR for f in result.findings)
    warnings = sum(f.severity is Severity.WARNING for f in result.findings)
    parsed = result.parsed
    if options.json:
        print_json({
            "file": args.file,
            "format": parsed.format.value if parsed else None,
            "encoding": parsed.encoding if parsed else None,
            "settings": len(parsed.settings) if parsed else 0,
            "errors": errors, "warnings": warnings,
            "findings": [{"line": f.line, "severity": f.severity.value, "code": f.code, "setting": f.setting,
                          "message": f.message} for f in result.findings],
        })
    else:
        for finding in result.findings:
            where = f"{args.file}:{finding.line}" if finding.line else args.file
            print(f"{where}: {finding.severity.value}: {finding.message}")
        kind = (f"{parsed.format.label}, {counted(len(parsed.settings), 'setting')}" if parsed
                else "not parsed")
        print(f"{args.file}: {kind}; {counted(errors, 'error')}, {counted(warnings, 'warning')}")
    return FAILED if result.has_errors else OK


def _diff(args: argparse.Namespace, options: GlobalOptions) -> int:
    from compass_desk.domain.provisioning.diff import diff_files, format_diff

    left, right = _load(args.left), _load(args.right)
    diff = diff_files(left, right)
    if options.json:
        print_json({
            "left": args.left, "right": args.right, "identical": diff.identical,
            "settings": [{"change": c.change.value, "name": c.name,
                          "left_value": c.left.value if c.left else None,
                          "right_value": c.right.value if c.right else None,
                          "left_line": c.left.line if c.left else None,
                          "right_line": c.right.line if c.right else None} for c in diff.settings],
            "lines": [{"tag": r.tag, "left_line": r.left_line, "left": r.left, "right_line": r.right_line,
                       "right": r.right} for r in diff.rows if r.tag != "equal"],
        })
    elif diff.identical:
        print(f"{args.left} and {args.right} are the same")
    else:
        for line in format_diff(diff, args.left, args.right):
            print(line)
    return OK if diff.identical else FAILED
