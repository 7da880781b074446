"""For a city or province office: its counties compared for a year, and the workbook of the
same figures that it hands up."""

import tempfile

from django.http import FileResponse, Http404
from django.views.generic import TemplateView, View

from campaign import access as rule
from campaign import clock
from campaign.mixins import AllowedMixin
from reports import access
from reports.city import campaigns_covering, compare, comparison_years, county_campaigns
from reports.city_workbook import CONTENT_TYPE, city_filename, write_city_workbook


class CountiesMixin(AllowedMixin):
    """The counties this office reads, and the year asked for (?year=, or the URL's)."""

    allowed = access.can_compare_counties
    refusal = Http404

    def comparison(self):
        user = self.request.user
        today = clock.today()
        counties = rule.counties_in_reach(user)
        # Years of every county's campaigns, so a city whose counties run different campaigns
        # compares any of their years, each county by its campaign covering the year.
        every_campaign = county_campaigns(counties)
        years = comparison_years(every_campaign, today)
        year = self.kwargs.get("year") or self.request.GET.get("year") or ""
        if year == "":
            year = min(max(today.year, years[0]), years[-1])
        elif not str(year).isdigit() or int(year) not in years:
            raise Http404
        year = int(year)
        area = user.unit.area
        return {
            "area": area,
            "year": year,
            "years": years,
            "today": today,
            "several_cities": len({c.parent_id for c in counties}) > 1,
            **compare(counties, campaigns_covering(every_campaign, year), year=year, today=today),
        }


class CountyComparisonView(CountiesMixin, TemplateView):
    template_name = "reports/counties.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.comparison(), **kwargs)


class CountyWorkbookView(CountiesMixin, View):
    def get(self, request, year):
        comparison = self.comparison()
        handle = tempfile.TemporaryFile()
        write_city_workbook(
            comparison, handle, office=request.user.unit.name, preparer=request.user.display_name
        )
        handle.seek(0)
        return FileResponse(
            handle,
            as_attachment=True,
            filename=city_filename(
                comparison["area"],
                comparison["year"],
                [row.campaign for row in comparison["rows"] if row.campaign],
            ),
            content_type=CONTENT_TYPE,
        )
