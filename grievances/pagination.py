from django.core.paginator import Paginator


class IdsFirstPaginator(Paginator):
    """Pages a wide queryset in two steps: the page's ids from the narrow case table, then
    those rows whole. A deep page then walks an index of ids, not every joined row before it;
    and a unit's scope (a UNION, grievances.access) is planned without the joins, which made
    PostgreSQL's planning of a first page read at once longer than its execution."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
