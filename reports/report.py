"""A year's report: every figure the pages and the workbook show, computed from the data, or,
once the office has signed the year off, read back from the figures frozen then."""

from datetime import date
from functools import cached_property

from campaign import clock
from campaign.models import Campaign, Unit
from reports import breakdowns, kept
from reports.assessment import assessment
from reports.models import YearSignOff
from reports.selectors import Period, progress, summary

SECTIONS = [
    "summary",
    "progress",
    "special_actions",
    "activities",
    "coverage",
    "five_ones",
    "assessment",
    "charts",
]


class YearReport:
    def __init__(
        self,
        year: int,
        *,
        campaign: Campaign | None,
        today: date,
        sign_off=None,
        kept_found: dict | None = None,
    ):
        self.year = year
        self.campaign = campaign
        self.sign_off = sign_off
        self.period = Period(year=year, today=today, campaign=campaign)
        self._sections: dict = dict(sign_off.figures) if sign_off else {}
        # What reports.kept read for the sections a page asked to keep ({} when none).
        self._kept = {} if sign_off or kept_found is None else kept_found

    @classmethod
    def load(cls, year: int, *, campaign: Campaign, today: date | None = None, kept_sections=()):
        """The year's report; `kept_sections` are read from the kept figures (reports.kept)
        while current, in the one query that also asks whether the year is signed off."""
        today = today or clock.today()
        signed = YearSignOff.objects.filter(campaign=campaign, year=year)
        found = None
        if kept_sections:
            found = kept.read_year(campaign, year=year, today=today, kinds=kept_sections)
            calendar_end = found.pop("calendar_end")
            if found.pop("sign_off_id") is None:
                report = cls(year, campaign=campaign, today=today, kept_found=found)
                if calendar_end is not None and calendar_end >= today:
                    report.period._calendar_checked.append(True)
                return report
        sign_off = signed.select_related("signed_by").first()
        return cls(year, campaign=campaign, today=today, sign_off=sign_off, kept_found=found)

    @classmethod
    def load_years(cls, years: list[int], *, campaign: Campaign, today: date) -> dict:
        """Several years' reports with one query for their sign-offs; their periods share one
        check of the working-day calendar (they stand on the same day)."""
        sign_offs = {
            s.year: s
            for s in YearSignOff.objects.filter(campaign=campaign, year__in=years).select_related(
                "signed_by"
            )
        }
        reports = {
            year: cls(year, campaign=campaign, today=today, sign_off=sign_offs.get(year))
            for year in years
        }
        checked: list = []
        for report in reports.values():
            # The period is frozen; the check it records is not part of its value.
            object.__setattr__(report.period, "_calendar_checked", checked)
        return reports

    @property
    def frozen(self) -> bool:
        return self.sign_off is not None

    @property
    def as_of(self) -> date:
        """The day the figures stand on: the sign-off day once signed off."""
        if self.sign_off:
            return self.sign_off.as_of
        return self.period.today

    @cached_property
    def county(self) -> str:
        if self.sign_off:
            return self.sign_off.figures["meta"]["county"]
        return self.campaign.county.name if self.campaign else ""

    @cached_property
    def office_name(self) -> str:
        if self.sign_off:
            return self.sign_off.figures["meta"]["office"]
        office = (
            Unit.objects.in_county(self.period.county)
            .filter(kind=Unit.Kind.OFFICE)
            .values_list("name", flat=True)
        )
        return office.first() or ""

    def section(self, name: str):
        if name not in self._sections:
            if name in self._kept:
                # Read once: a kept section computed again may ask for another section.
                found, self._kept = self._kept, {}
                self._sections.update(
                    kept.sections(
                        self.campaign,
                        year=self.year,
                        today=self.period.today,
                        kinds=[kind for kind in found if kind != "version"],
                        compute=self._compute,
                        found=found,
                    )
                )
            else:
                self._sections[name] = self._compute(name)
        return self._sections[name]

    def _compute(self, name: str):
        period = self.period
        if name == "summary":
            return summary(period)
        if name == "progress":
            return progress(period)
        if name == "special_actions":
            return breakdowns.special_actions(period)
        if name == "activities":
            return breakdowns.activity_statistics(period)
        if name == "coverage":
            return breakdowns.coverage(period)
        if name == "five_ones":
            return breakdowns.five_ones(period)
        if name == "assessment":
            return assessment(period, self.section("progress")["rows"])
        if name == "charts":
            return breakdowns.charts(period, self.section("progress")["rows"])
        raise KeyError(name)

    def everything(self) -> dict:
        """All sections, as stored at sign-off."""
        figures = {name: self.section(name) for name in SECTIONS}
        figures["meta"] = {
            "year": self.year,
            "as_of": self.as_of.isoformat(),
            "county": self.county,
            "office": self.office_name,
        }
        return figures
