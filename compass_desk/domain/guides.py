"""Factory-reset guides: the model, lookup by phone model, and key highlighting in the keypad SVGs.

The guides are data (``resources/guides/<family>.toml``, one file per model family of
``resources/models.toml``), parsed by the caller and validated by
:func:`compass_desk.domain.guide_schema.parse_guide`. Each guide names one illustration layout
(``resources/guides/illustrations/<layout>.svg``); a step names the ids of the keys it uses, and
:func:`highlight_svg` marks them in the SVG text, so every layout is drawn once.

Where ``../shared/phones.md`` marks a procedure UNVERIFIED, the method carries ``verified = false``
and a note that says so; the methods are ordered so that the family's documented method comes
first, and every guide ends in the vendor manual.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from compass_desk.domain.catalog import Catalog, CatalogEntry
from compass_desk.domain.firmware import FirmwareError, parse_firmware
from compass_desk.domain.text import Text as Text  # re-exported: flows and diagnoses import it here

Lang = Literal["en", "nl"]
LANGUAGES: tuple[Lang, ...] = ("en", "nl")


class GuideError(ValueError):
    """A guide file (or illustration) that cannot be used; ``problems`` lists every fault found."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("; ".join(self.problems))


class Power(StrEnum):
    """The phone's power state during a step."""

    ON = "on"  # switched on and fully started
    STARTING = "starting"  # booting (the display is blank or shows a start-up screen)
    OFF_ON = "off-on"  # power is disconnected and connected again during the step

    def label(self, lang: str) -> str:
        return _POWER_LABELS[self].get(lang)


_POWER_LABELS = {
    Power.ON: Text("phone on", "telefoon aan"),
    Power.STARTING: Text("phone starting", "telefoon start op"),
    Power.OFF_ON: Text("power off, then on", "stroom eraf, dan erop"),
}


@dataclass(frozen=True, slots=True)
class ManualRef:
    """Where the vendor documents the procedure."""

    title: Text
    url: str


@dataclass(frozen=True, slots=True)
class FirmwareRange:
    """Which firmware major versions a method applies to (both ends inclusive, None = open)."""

    text: Text  # for people: "firmware V8 to V10"
    min_major: int | None = None
    max_major: int | None = None

    def covers(self, major: int) -> bool:
        low_ok = self.min_major is None or major >= self.min_major
        return low_ok and (self.max_major is None or major <= self.max_major)


@dataclass(frozen=True, slots=True)
class Step:
    number: int  # 1-based within its method
    text: Text
    keys: tuple[str, ...]  # illustration key ids to highlight; empty = no particular key
    power: Power
    hold: bool = False  # a key is kept pressed during this step
    hold_s: int | None = None  # seconds to hold, when the sources give a time (countdown)
    display: Text | None = None  # what the phone should show during or after the step
    trouble: Text | None = None  # what to do when this step does not go as described

    @property
    def timed(self) -> bool:
        return self.hold_s is not None


@dataclass(frozen=True, slots=True)
class Method:
    id: str
    title: Text
    verified: bool
    steps: tuple[Step, ...]
    fallback: Text  # "if this does not work": what to try next
    source: str  # where the procedure comes from (phones.md source tags)
    models: tuple[str, ...] = ()  # empty = every model of the guide
    note: Text | None = None  # why it is unverified, or another caveat
    firmware: FirmwareRange | None = None
    alternative: str | None = None  # id of the method to try when this one does not work

    def applies_to(self, model_id: str) -> bool:
        return not self.models or model_id in self.models


@dataclass(frozen=True, slots=True)
class Guide:
    family: str
    vendor: str
    layout: str  # illustration file name without .svg
    models: tuple[str, ...]
    title: Text
    before: Text  # what must be true before starting (activation), shown above the steps
    methods: tuple[Method, ...]  # the recommended (documented) method first
    manual: ManualRef

    def methods_for(self, model_id: str, firmware_version: str | None = None) -> list[Method]:
        """The methods for *model_id*, in order; filtered by firmware when the version is known."""
        methods = [m for m in self.methods if m.applies_to(model_id)]
        major = _major(firmware_version, self.vendor)
        if major is None:
            return methods
        return [m for m in methods if m.firmware is None or m.firmware.covers(major)]

    def method(self, method_id: str) -> Method:
        for method in self.methods:
            if method.id == method_id:
                return method
        raise KeyError(method_id)

    def recommended(self, model_id: str, firmware_version: str | None = None) -> Method:
        methods = self.methods_for(model_id, firmware_version) or self.methods_for(model_id)
        return methods[0]

    def verified_for(self, model_id: str) -> bool:
        """True when the first method for this model comes from a confirmed source."""
        return self.recommended(model_id).verified

    def key_ids(self) -> set[str]:
        return {key for method in self.methods for step in method.steps for key in step.keys}


def _major(firmware_version: str | None, vendor: str) -> int | None:
    if not firmware_version:
        return None
    try:
        return parse_firmware(firmware_version, vendor).major
    except FirmwareError:
        return None  # an unreadable version must not hide a method


class GuideBook:
    """All guides, by family and by model; answers "which guide for this phone?"."""

    def __init__(self, guides: Iterable[Guide], catalog: Catalog) -> None:
        self.catalog = catalog
        self._by_family = {guide.family: guide for guide in guides}
        self._by_model = {model: guide for guide in self._by_family.values() for model in guide.models}

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._by_family.values())

    def __len__(self) -> int:
        return len(self._by_family)

    def family(self, family: str) -> Guide | None:
        return self._by_family.get(family)

    def for_model(self, model_id: str) -> Guide | None:
        return self._by_model.get(model_id)

    def lookup(self, text: str) -> tuple[CatalogEntry, Guide] | None:
        """By model id, name or vendor and name (``snom-d785``, ``D785``, ``Snom D785``)."""
        entry = self.catalog.lookup(text)
        if entry is None:
            return None
        guide = self.for_model(entry.model.id)
        return None if guide is None else (entry, guide)

    def models_with_guide(self) -> list[CatalogEntry]:
        return [entry for entry in self.catalog if entry.model.id in self._by_model]

    def problems(self, illustrations: Mapping[str, str]) -> list[str]:
        """Cross-checks against the catalog and the illustrations (layout name → SVG text)."""
        found: list[str] = []
        for entry in self.catalog:
            guide = self.for_model(entry.model.id)
            if guide is None:
                found.append(f"model {entry.model.id} has no reset guide")
            elif guide.family != entry.family:
                found.append(
                    f"model {entry.model.id} is in guide {guide.family}, catalog says {entry.family}"
                )
        for guide in self._by_family.values():
            for model in guide.models:
                if self.catalog.get(model) is None:
                    found.append(f"guide {guide.family}: model {model} is not in the catalog")
            svg = illustrations.get(guide.layout)
            if svg is None:
                found.append(f"guide {guide.family}: illustration '{guide.layout}' is missing")
                continue
            try:
                ids = svg_key_ids(svg)
            except GuideError as exc:
                found.append(f"illustration '{guide.layout}': {exc}")
                continue
            for key in sorted(guide.key_ids() - ids):
                found.append(f"guide {guide.family}: key '{key}' is not in illustration '{guide.layout}'")
        return found


# --- illustrations ----------------------------------------------------------------------------

SVG_NS = "http://www.w3.org/2000/svg"
ET.register_namespace("", SVG_NS)  # serialise as plain <svg>, not <ns0:svg>

KEY_CLASS = "key"  # a <g class="key" id="..."> is one highlightable key
FACE_CLASS = "face"  # its shape(s) that change colour
HIGHLIGHT_FILL = "#ffb300"
HIGHLIGHT_STROKE = "#d84315"


def _parse_svg(svg_text: str) -> ET.Element:
    try:
        root = ET.fromstring(svg_text)
    except ET.ParseError as exc:
        raise GuideError([f"the illustration is not well-formed XML ({exc})"]) from None
    if root.tag != f"{{{SVG_NS}}}svg":
        raise GuideError(["the illustration is not an SVG document"])
    return root


def _classes(element: ET.Element) -> list[str]:
    return element.get("class", "").split()


def svg_key_ids(svg_text: str) -> set[str]:
    """The ids of the highlightable keys in an illustration."""
    root = _parse_svg(svg_text)
    return {el.get("id", "") for el in root.iter() if KEY_CLASS in _classes(el) and el.get("id")}


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _language_matches(wanted: str, lang: str) -> bool:
    """SVG ``systemLanguage``: a comma-separated list of language tags ("nl", "nl-BE", "en, nl")."""
    return any(tag.strip().lower().split("-")[0] == lang for tag in wanted.split(","))


def svg_for_language(svg_text: str, lang: str) -> str:
    """*svg_text* with every ``<switch>`` resolved for *lang*: its first child meant for *lang* (by
    ``systemLanguage``), else its first child without one. Lettering such as "power / PoE" is drawn
    once per language that way (standard SVG); resolving it here follows the app's language instead
    of the computer's, which is what Qt's renderer would use.
    """
    root = _parse_svg(svg_text)
    switch = f"{{{SVG_NS}}}switch"
    for parent in list(root.iter()):
        for index, child in enumerate(list(parent)):
            if child.tag != switch:
                continue
            options = list(child)
            chosen = next((o for o in options if _language_matches(o.get("systemLanguage", ""), lang)), None)
            chosen = chosen if chosen is not None else next(
                (o for o in options if o.get("systemLanguage") is None), None)
            parent.remove(child)
            if chosen is not None:
                chosen.attrib.pop("systemLanguage", None)
                parent.insert(index, chosen)
    return ET.tostring(root, encoding="unicode")


def svg_key_names(svg_text: str, lang: str) -> dict[str, str]:
    """Key id → the name people know in *lang*.

    A key's ``<title xml:lang="nl">`` for Dutch (the plain ``<title>`` is English); without a title
    in *lang*, other languages take the lettering on the key ("OK", "#", "✗" read the same everywhere)
    and English the plain title.
    """
    root = _parse_svg(svg_for_language(svg_text, lang))
    names: dict[str, str] = {}
    for element in root.iter():
        key_id = element.get("id")
        if KEY_CLASS not in _classes(element) or not key_id:
            continue
        found_titles = element.findall(f"{{{SVG_NS}}}title")
        titles = {t.get(XML_LANG, "en"): (t.text or "").strip() for t in found_titles}
        texts = (t.text.strip() for t in element.iter(f"{{{SVG_NS}}}text") if t.text and t.text.strip())
        lettering = next(texts, "")
        found = [titles.get("en", ""), lettering]
        if lang != "en":
            found = [titles.get(lang, ""), lettering, titles.get("en", "")]
        name = next((n for n in found if n), "")
        if name:
            names[key_id] = name
    return names


def highlight_svg(svg_text: str, key_ids: Iterable[str]) -> str:
    """Return *svg_text* with the given keys highlighted; raises :class:`GuideError` for unknown ids.

    Presentation attributes (not CSS) so that Qt's SVG Tiny renderer shows the highlight too.
    """
    wanted = list(dict.fromkeys(key_ids))
    root = _parse_svg(svg_text)
    keys = {el.get("id"): el for el in root.iter() if KEY_CLASS in _classes(el)}
    unknown = [key for key in wanted if key not in keys]
    if unknown:
        raise GuideError([f"the illustration has no key '{key}'" for key in unknown])
    for key in wanted:
        group = keys[key]
        group.set("class", " ".join([*_classes(group), "highlighted"]))
        faces = [el for el in group.iter() if FACE_CLASS in _classes(el)] or [group]
        for face in faces:
            face.set("fill", HIGHLIGHT_FILL)
            face.set("stroke", HIGHLIGHT_STROKE)
            face.set("stroke-width", "3")
    return ET.tostring(root, encoding="unicode")
