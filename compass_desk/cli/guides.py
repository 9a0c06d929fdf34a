"""``guide MODEL`` and ``models``: the factory-reset guides, no account needed.

``guide MODEL [--lang en|nl]`` prints the reset steps of one model; MODEL is the model id
(``snom-d785``), the name (``D785``) or vendor and name (``Snom D785``). An unknown model exits 4
with the closest matches. ``models`` lists the models that have a guide.

With ``--json`` (fields may be added, never renamed):

``guide``: ``{"model": {"id", "vendor", "name", "kind"}, "family", "lang", "title", "before",
"verified": bool, "manual": {"title", "url"}, "methods": [{"id", "title", "verified", "note",
"source", "firmware": str|null, "alternative": str|null, "fallback", "steps": [{"number", "text",
"keys": [str], "power", "power_label", "hold": bool, "hold_s": int|null, "display": str|null,
"trouble": str|null}]}]}``; the text fields in the chosen language.
``models``: ``[{"id", "vendor", "name", "kind", "family", "verified": bool}]``.

:func:`load_guidebook` is also what the GUI uses to read the guides (this module does the I/O;
``compass_desk.domain.guides`` stays pure).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from compass_desk.cli.common import NOT_FOUND, OK, CliError, GlobalOptions, print_json, print_table

if TYPE_CHECKING:
    from compass_desk.domain.catalog import CatalogEntry
    from compass_desk.domain.guides import Guide, GuideBook, Method

ORDER = 60


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    guide = sub.add_parser(
        "guide", help="print the factory-reset steps for a phone model (no account needed)"
    )
    guide.add_argument("model", metavar="MODEL", help="model id or name, e.g. snom-d785, D785 or 'Snom D785'")
    guide.add_argument(
        "--lang", choices=("en", "nl"), default="en", help="language of the steps (default en)"
    )
    guide.set_defaults(handler=_guide)
    models = sub.add_parser("models", help="list the phone models that have a factory-reset guide")
    models.set_defaults(handler=_models)


def load_guidebook() -> GuideBook:
    """Read and validate every guide, the catalog and the illustrations; :class:`GuideError` if any is bad."""
    from compass_desk import resources
    from compass_desk.domain.catalog import Catalog
    from compass_desk.domain.guide_schema import parse_guide
    from compass_desk.domain.guides import GuideBook, GuideError

    catalog = Catalog.from_toml(resources.load_toml("models.toml"))
    folder = resources.resource_path("guides")
    guides = [
        parse_guide(resources.load_toml("guides", path.name), path.name, family=path.stem)
        for path in sorted(folder.glob("*.toml"))
    ]
    book = GuideBook(guides, catalog)
    problems = book.problems(load_illustrations())
    if problems:
        raise GuideError(problems)
    return book


def load_illustrations() -> dict[str, str]:
    """Layout name → SVG text of every keypad illustration."""
    from compass_desk import resources

    folder = resources.resource_path("guides", "illustrations")
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.svg"))}


def _book() -> GuideBook:
    from compass_desk.domain.guides import GuideError

    try:
        return load_guidebook()
    except GuideError as exc:
        raise CliError(
            f"the reset guides are damaged ({exc.problems[0]}); reinstall the application"
        ) from None


def _guide(args: argparse.Namespace, options: GlobalOptions) -> int:
    book = _book()
    found = book.lookup(args.model)
    if found is None:
        raise CliError(_unknown(book, args.model), NOT_FOUND)
    entry, guide = found
    if options.json:
        print_json(_guide_json(entry, guide, args.lang))
    else:
        _print_guide(entry, guide, args.lang)
    return OK


def _unknown(book: GuideBook, text: str) -> str:
    names = [f"{e.model.name} ({e.model.id})" for e in book.catalog.closest(text)]
    hint = f"; did you mean {', '.join(names[:-1])} or {names[-1]}?" if len(names) > 1 else ""
    return f"there is no reset guide for model '{text}'{hint} ('compass-desk models' lists them all)"


def _models(args: argparse.Namespace, options: GlobalOptions) -> int:
    del args
    book = _book()
    rows: list[dict[str, Any]] = []
    for entry in book.models_with_guide():
        guide = book.for_model(entry.model.id)
        assert guide is not None
        model = entry.model
        rows.append(
            {
                "id": model.id,
                "vendor": model.vendor.value,
                "name": model.name,
                "kind": model.kind,
                "family": guide.family,
                "verified": guide.verified_for(model.id),
            }
        )
    if options.json:
        print_json(rows)
    else:
        print_table(
            ["MODEL", "NAME", "KIND", "GUIDE", "METHOD"],
            [
                [
                    r["id"],
                    f"{str(r['vendor']).capitalize()} {r['name']}",
                    r["kind"],
                    r["family"],
                    "verified" if r["verified"] else "UNVERIFIED",
                ]
                for r in rows
            ],
        )
    return OK


def _method_json(method: Method, lang: str) -> dict[str, Any]:
    return {
        "id": method.id,
        "title": method.title.get(lang),
        "verified": method.verified,
        "note": method.note.get(lang) if method.note else None,
        "source": method.source,
        "firmware": method.firmware.text.get(lang) if method.firmware else None,
        "alternative": method.alternative,
        "fallback": method.fallback.get(lang),
        "steps": [
            {
                "number": step.number,
                "text": step.text.get(lang),
                "keys": list(step.keys),
                "power": step.power.value,
                "power_label": step.power.label(lang),
                "hold": step.hold,
                "hold_s": step.hold_s,
                "display": step.display.get(lang) if step.display else None,
                "trouble": step.trouble.get(lang) if step.trouble else None,
            }
            for step in method.steps
        ],
    }


def _guide_json(entry: CatalogEntry, guide: Guide, lang: str) -> dict[str, Any]:
    model = entry.model
    return {
        "model": {"id": model.id, "vendor": model.vendor.value, "name": model.name, "kind": model.kind},
        "family": guide.family,
        "lang": lang,
        "title": guide.title.get(lang),
        "before": guide.before.get(lang),
        "verified": guide.verified_for(model.id),
        "manual": {"title": guide.manual.title.get(lang), "url": guide.manual.url},
        "methods": [_method_json(m, lang) for m in guide.methods_for(model.id)],
    }


_WORDS = {
    "en": {
        "method": "Method",
        "display": "Display",
        "hold": "hold {s} s",
        "held": "keep pressed",
        "trouble": "If not",
        "fallback": "If this does not work",
        "manual": "Vendor manual",
        "unverified": "UNVERIFIED",
        "firmware": "Firmware",
        "model": "Model",
    },
    "nl": {
        "method": "Methode",
        "display": "Display",
        "hold": "{s} s vasthouden",
        "held": "ingedrukt houden",
        "trouble": "Zo niet",
        "fallback": "Als dit niet werkt",
        "manual": "Handleiding fabrikant",
        "unverified": "NIET BEVESTIGD",
        "firmware": "Firmware",
        "model": "Model",
    },
}


def _print_guide(entry: CatalogEntry, guide: Guide, lang: str) -> None:
    w = _WORDS[lang]
    out = sys.stdout
    out.write(f"{guide.title.get(lang)}\n{w['model']}: {entry.model.display_name} ({entry.model.id})\n\n")
    out.write(f"{guide.before.get(lang)}\n")
    for number, method in enumerate(guide.methods_for(entry.model.id), 1):
        flag = f"  [{w['unverified']}]" if not method.verified else ""
        out.write(f"\n{w['method']} {number}: {method.title.get(lang)}{flag}\n")
        if method.note:
            out.write(f"  ! {method.note.get(lang)}\n")
        if method.firmware:
            out.write(f"  {w['firmware']}: {method.firmware.text.get(lang)}\n")
        for step in method.steps:
            hold = w["hold"].format(s=step.hold_s) if step.hold_s else (w["held"] if step.hold else "")
            tags = ", ".join(t for t in (step.power.label(lang), hold) if t)
            out.write(f"  {step.number}. [{tags}] {step.text.get(lang)}\n")
            if step.display:
                out.write(f"     {w['display']}: {step.display.get(lang)}\n")
            if step.trouble:
                out.write(f"     {w['trouble']}: {step.trouble.get(lang)}\n")
        out.write(f"  {w['fallback']}: {method.fallback.get(lang)}\n")
    out.write(f"\n{w['manual']}: {guide.manual.title.get(lang)} <{guide.manual.url}>\n")
