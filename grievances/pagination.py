from django.core.paginator import Paginator
from django.db.models.sql.where import WhereNode


class IdsFirstPaginator(Paginator):
    """Pages a wide queryset in two steps: the page's ids from the narrow case table, then
    those rows whole. A deep page then walks an index of ids, not every joined row before it;
    and the filters (a unit's scope is a UNION, grievances.access) are planned and run once,
    without the joins, not a second time for the rows whose ids they gave."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        whole = self.object_list.all()
        whole.query.where = WhereNode()  # the same columns, joins and flags; ids alone
        rows = {row.pk: row for row in whole.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
