from django.core.paginator import Paginator


class IdsFirstPaginator(Paginator):
    """Pages a wide queryset in two steps: the page's ids from the narrow case table, then
    those rows whole. A deep page then walks an index of ids, not every joined row before it.
    The first page reads its rows at once: its walk stops after one page either way, and a
    query less is a round trip less."""

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if bottom == 0:
            return self._get_page(list(self.object_list[: self.per_page]), number, self)
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        rows = {row.pk: row for row in self.object_list.filter(pk__in=ids)}
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
