"""The campaign as a whole (全面总结): its page and workbook, every year so far and the total."""

from datetime import date

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

URL = reverse("reports:summary")
WORKBOOK = reverse("reports:summary_workbook")


def test_smoke(county, client_for, office, settings, workbook_of):
    settings.SHUANGYONG_TODAY = date(2016, 6, 15)
    response = client_for(office).get(URL)
    assert response.status_code == 200
    print(response.context["text"])
    book = workbook_of(client_for(office).get(WORKBOOK))
    print(book.sheetnames)
