"""The office administrator loads the next campaign's plan in 系统管理: the upload shows what
the file holds, whether it adds or updates a campaign, and every fault, writing nothing; the
confirmation loads it. The current campaign comes down as a plan workbook to edit."""

from datetime import date
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from administration.plans.workbook import campaign_spec, plan_workbook
from campaign.models import Campaign
from campaign.plan import first_plan, next_plan_path
from campaign.plan_file import read_plan_bytes
from tests.campaign.test_plan_files import frame
from tests.campaigns import NEXT_NAME
from tests.factories import county_for_tests

pytestmark = pytest.mark.django_db

URL = reverse("administration:plans")


def upload(client, name, content):
    return client.post(URL, {"file": SimpleUploadedFile(name, content)})


def test_the_preview_of_the_next_plan_shows_it_and_writes_nothing(client_for, office, plan):
    client = client_for(office)
    before = frame()
    response = upload(client, "plan-next.toml", next_plan_path().read_bytes())
    assert response.status_code == 200
    page = response.content.decode()
    assert f"将新增一轮活动“{NEXT_NAME}”" in page and "2017-01-01 – 2020-12-31" in page
    for word in ("动员部署", "总结表彰", "支持部队建设", "优抚政策是否落实到位", "征兵宣传"):
        assert word in page
    assert 'data-testid="plan-confirm"' in page
    assert frame() == before


def test_confirming_loads_the_plan(client_for, office, plan):
    client = client_for(office)
    preview = upload(client, "plan-next.toml", next_plan_path().read_bytes())
    response = client.post(
        URL,
        {
            "confirm": "1",
            "filename": preview.context["filename"],
            "content": preview.context["content"],
        },
        follow=True,
    )
    assert f"已载入“{NEXT_NAME}”的实施方案" in response.content.decode()
    second = Campaign.objects.get(county=plan.county, name=NEXT_NAME)
    assert second.phases.count() == 5 and second.topics.count() == 5
    rows = response.content.decode().count('data-testid="campaign-row"')
    assert rows == 2


def test_a_bad_plan_lists_every_fault_offers_no_confirmation_and_writes_nothing(
    client_for, office, plan
):
    text = next_plan_path().read_text(encoding="utf-8")
    text = text.replace("starts_on = 2017-01-01", "starts_on = 2016-07-01", 1)
    text = text.replace('about = "garrison"', 'about = "民兵"', 1)
    before = frame()
    response = upload(client_for(office), "bad.toml", text.encode())
    assert response.status_code == 400
    page = response.content.decode()
    assert "与本县另一轮活动“双拥在基层”（2015-01-01至2016-12-31）重叠" in page
    assert "第1个专题的对象“民兵”无法识别" in page
    assert 'data-testid="plan-confirm"' not in page
    assert frame() == before


def test_a_confirmation_the_county_no_longer_accepts_is_shown_again_not_loaded(
    client_for, office, plan
):
    client = client_for(office)
    preview = upload(client, "plan-next.toml", next_plan_path().read_bytes())
    # Meanwhile the campaign is moved onto the window the plan asks for.
    Campaign.objects.filter(pk=plan.pk).update(ends_on="2017-06-30")
    before = frame()
    response = client.post(
        URL,
        {"confirm": "1", "filename": "plan-next.toml", "content": preview.context["content"]},
    )
    assert response.status_code == 400 and "重叠" in response.content.decode()
    assert frame() == before


def test_a_file_that_is_not_a_plan_is_refused_with_a_message(client_for, office, plan):
    response = upload(client_for(office), "plan.docx", b"not a plan")
    assert response.status_code == 400
    assert "既不是TOML计划文件，也不是xlsx工作簿或CSV文件" in response.content.decode()
    gone = client_for(office).post(URL, {"confirm": "1", "content": "%%%"}, follow=True)
    assert "未收到计划文件，请重新上传。" in gone.content.decode()


def test_the_current_plan_downloads_as_a_workbook_that_uploads_as_an_update(
    client_for, office, plan
):
    client = client_for(office)
    response = client.get(reverse("administration:plan_workbook"))
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    assert read_plan_bytes("plan.xlsx", content) == first_plan()
    assert load_workbook(BytesIO(content)).sheetnames == [
        "基本信息",
        "阶段",
        "主要内容",
        "专题",
        "活动类型",
    ]
    before = frame()
    page = upload(client, "plan.xlsx", content).content.decode()
    assert "将更新该轮活动“双拥在基层”" in page
    assert frame() == before


def test_an_edited_workbook_becomes_the_next_campaign(client_for, office, plan):
    spec = campaign_spec(plan)
    workbook = load_workbook(BytesIO(plan_workbook(spec)))
    sheet = workbook["基本信息"]
    sheet["A2"], sheet["B2"], sheet["C2"] = "双拥在基层（第二轮）", "2017-01", "2018-12"
    phases = workbook["阶段"]
    for row in range(2, phases.max_row + 1):
        phases.cell(row, 3).value = phases.cell(row, 3).value.replace(
            year=phases.cell(row, 3).value.year + 2
        )
        phases.cell(row, 4).value = phases.cell(row, 4).value.replace(
            year=phases.cell(row, 4).value.year + 2
        )
    kinds = workbook["活动类型"]
    for row in range(2, kinds.max_row + 1):
        kinds.cell(row, 1).value = f"second_{kinds.cell(row, 1).value}"
        kinds.cell(row, 2).value = f"{kinds.cell(row, 2).value}（第二轮）"
    out = BytesIO()
    workbook.save(out)
    client = client_for(office)
    preview = upload(client, "next.xlsx", out.getvalue())
    assert preview.status_code == 200, preview.context["errors"]
    client.post(
        URL, {"confirm": "1", "filename": "next.xlsx", "content": preview.context["content"]}
    )
    second = Campaign.objects.get(county=county_for_tests(), name="双拥在基层（第二轮）")
    assert second.phases.get(carries_over=True).ends_on.isoformat() == "2017-11-30"
    assert second.topics.get(policy_check=True).number == 4


@pytest.mark.parametrize("campaigns", [1, 3])
def test_the_plans_page_keeps_its_query_count(
    campaigns, client_for, office, plan, django_assert_max_num_queries
):
    for n in range(1, campaigns):
        Campaign.objects.create(
            county=plan.county,
            name=f"第{n + 1}轮",
            starts_on=date(2015 + 2 * n, 1, 1),
            ends_on=date(2016 + 2 * n, 12, 31),
        )
    client = client_for(office)
    with django_assert_max_num_queries(8):
        response = client.get(URL)
    page = response.content.decode()
    assert page.count('data-testid="campaign-row"') == campaigns
    for campaign in Campaign.objects.all():
        assert campaign.name in page
