"""A competition's document settings: letterhead, signatories, certificate template, decree.

Words used here:
- *settings file*: a YAML file next to the rubric named ``<rubric stem>.documents.yaml`` (or
  any file given by name); every key is optional and a missing file means defaults.
- *letterhead*: the lines at the top of every document (government, agency, address) and an
  optional logo image (a path relative to the settings file).
- *signatory*: a person who signs: name, title (jabatan) and an optional id number (NIP).
- *certificate template*: the certificate's title and the sentence under the recipient's name,
  with ``{place}``, ``{category}``, ``{competition}``, ``{year}`` filled in.
- *decree*: the mayor's decree the winners list is annexed to: authority ("WALI KOTA
  PEKALONGAN"), number, date and subject; number and date may stay empty, to be filled in by
  the legal office.

A mistake is refused with a message naming the file, the key and what is wrong, every mistake
at once (as the rubric is).
"""

from __future__ import annotations

import datetime as dt
import string
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scoring.problems import Problem, ProblemsError, error
from scoring.rubric import Rubric


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Signatory(_Model):
    name: str = Field(min_length=1)
    title: str = ""
    id_number: str = ""


class Letterhead(_Model):
    government: str = ""
    agency: str = ""
    address: str = ""
    logo: Path | None = None


CERTIFICATE_FIELDS = ("place", "category", "competition", "year")


class CertificateTemplate(_Model):
    title: str = "PIAGAM PENGHARGAAN"
    text: str = "sebagai {place} Kategori {category} pada {competition}"

    @field_validator("text")
    @classmethod
    def _known_fields(cls, text: str) -> str:
        used = {name for _, name, _, _ in string.Formatter().parse(text) if name}
        unknown = used - set(CERTIFICATE_FIELDS)
        if unknown:
            raise ValueError(f"unknown field {{{sorted(unknown)[0]}}}; use "
                             + ", ".join(f"{{{f}}}" for f in CERTIFICATE_FIELDS))
        return text


class Decree(_Model):
    authority: str = "WALI KOTA"
    number: str = ""
    date: dt.date | None = None
    about: str = ""
    signatory: Signatory | None = None
    """Who signs the decree (the mayor); the annex leaves the name blank without one."""


class DocumentSettings(_Model):
    letterhead: Letterhead = Letterhead()
    chair: Signatory | None = None
    """The chair of the committee: signs the minutes and the results report."""
    certificate_signatory: Signatory | None = None
    """Signs the certificates (the chair when not given)."""
    judges: dict[str, Signatory] = Field(default_factory=dict)
    """Judge id (as in the score table) → how the judge signs; the id itself when absent."""
    certificate: CertificateTemplate = CertificateTemplate()
    decree: Decree = Decree()
    public_url: str | None = None
    """The public results page; the QR code leads there (else it holds the fingerprint)."""

    def judge(self, judge_id: str) -> Signatory:
        return self.judges.get(judge_id) or Signatory(name=judge_id or "…")


def settings_path(rubric_path: str | Path) -> Path:
    """Where the settings of a rubric file are looked for: ``<stem>.documents.yaml``."""
    path = Path(rubric_path)
    return path.with_name(f"{path.stem}.documents.yaml")


def parse_settings(text: str, file: str = "<documents>") -> tuple[DocumentSettings | None,
                                                                   list[Problem]]:
    """Settings from YAML text, or None and every problem found."""
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        return None, [error("documents.settings.invalid_yaml", file=file, reason=str(exc))]
    if not isinstance(raw, dict):
        return None, [error("documents.settings.invalid", file=file, key="(file)",
                            reason="not a mapping of key: value")]
    try:
        settings = DocumentSettings.model_validate(raw)
    except ValidationError as exc:
        return None, [error("documents.settings.invalid", file=file, cell=_where(e["loc"]),
                            key=_where(e["loc"]), reason=e["msg"]) for e in exc.errors()]
    logo = settings.letterhead.logo
    if logo is not None and not logo.is_absolute():
        head = settings.letterhead.model_copy(update={"logo": Path(file).parent / logo})
        settings = settings.model_copy(update={"letterhead": head})
    return settings, []


def _where(loc: tuple[object, ...]) -> str:
    return ".".join(str(part) for part in loc)


def load_settings(path: str | Path | None, rubric: Rubric | None = None, *,
                  required: bool = False) -> DocumentSettings:
    """The settings in ``path`` (defaults when None or absent, unless ``required``); raises
    :class:`ProblemsError` listing every mistake. Without a letterhead the rubric's organiser
    heads the documents."""
    settings = DocumentSettings()
    if required and path is not None and not Path(path).exists():
        raise ProblemsError([error("file.not_found", file=str(path), path=str(path))])
    if path is not None and Path(path).exists():
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ProblemsError([error("file.unreadable", file=str(path),
                                       reason=str(exc))]) from None
        found, problems = parse_settings(text, str(path))
        if found is None:
            raise ProblemsError(problems)
        settings = found
    return with_defaults(settings, rubric)


def with_defaults(settings: DocumentSettings, rubric: Rubric | None) -> DocumentSettings:
    """``settings`` with the rubric's organiser as the agency when no letterhead is given."""
    head = settings.letterhead
    if rubric is not None and not (head.government or head.agency) and rubric.organiser:
        settings = settings.model_copy(
            update={"letterhead": head.model_copy(update={"agency": rubric.organiser})})
    return settings
