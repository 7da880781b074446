"""The sections of 系统管理 (accounts, units, reference lists …). Each module of this app
registers its section here, so the index lists what exists without knowing it in advance."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    order: int
    label: str
    summary: str
    url_name: str


_sections: dict[str, Section] = {}


def register(*, order: int, label, summary, url_name: str) -> None:
    _sections[url_name] = Section(order, label, summary, url_name)


def all_sections() -> list[Section]:
    return sorted(_sections.values(), key=lambda s: s.order)
