"""Bad input is refused with a clear Chinese message and leaves nothing half-written."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from bulletins.models import Bulletin, BulletinAttachment, Citation
from tests.factories import ModelFigureFactory
from tests.fixtures.bulletins import PDF, make_bulletin

pytestmark = pytest.mark.django_db


def _rows():
    return (
        list(Bulletin.objects.order_by("pk").values()),
        list(Citation.objects.order_by("pk").values()),
        list(BulletinAttachment.objects.order_by("pk").values()),
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "", "body": "正文"}, "请填写简报标题。"),
        ({"title": "   ", "body": "正文"}, "请填写简报标题。"),
        ({"title": "标题", "body": ""}, "请填写简报正文。"),
        ({"title": "标题", "body": "正文", "model_figures": ["999999"]}, "999999"),
        ({"title": "长" * 201, "body": "正文"}, "200"),
    ],
)
def test_a_bad_draft_is_refused(data, message, client_for, office, plan):
    response = client_for(office).post(reverse("bulletins:bulletin_add"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Bulletin.objects.exists() and not Citation.objects.exists()


def test_another_countys_model_cannot_be_cited(client_for, office, plan):
    from tests.other_county import build_other_county

    other = build_other_county()
    theirs = other.objects["model_figure_a"]
    response = client_for(office).post(
        reverse("bulletins:bulletin_add"),
        {"title": "标题", "body": "正文", "model_figures": [theirs.pk]},
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()
    assert not Bulletin.objects.in_county(office.unit.area).exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("经验.txt", b"plain text, not a photo", "只接受"),
        ("伪装.pdf", b"<html>not a pdf</html>", "只接受"),
        ("空.pdf", b"", "文件"),
    ],
)
def test_a_wrong_attachment_is_refused(name, content, message, client_for, office, bulletin_draft):
    before = _rows()
    response = client_for(office).post(
        reverse("bulletins:attachment_add", args=[bulletin_draft.pk]),
        {"file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert _rows() == before


def test_a_good_attachment_is_kept(client_for, office, bulletin_draft):
    response = client_for(office).post(
        reverse("bulletins:attachment_add", args=[bulletin_draft.pk]),
        {"file": SimpleUploadedFile("经验材料.pdf", PDF)},
        follow=True,
    )
    assert "附件已上传" in response.content.decode()
    [attachment] = BulletinAttachment.objects.all()
    assert (attachment.original_name, attachment.content_type) == (
        "经验材料.pdf",
        "application/pdf",
    )


def test_a_withdrawn_issue_takes_no_attachment(client_for, office, plan):
    from bulletins.services import bulletin_withdraw

    gone = bulletin_withdraw(
        user=office, bulletin=make_bulletin(office, publish_on=date(2015, 3, 1))
    )
    response = client_for(office).post(
        reverse("bulletins:attachment_add", args=[gone.pk]),
        {"file": SimpleUploadedFile("经验材料.pdf", PDF)},
    )
    assert response.status_code == 403
    assert not BulletinAttachment.objects.exists()


def test_a_stale_edit_is_refused(client_for, office, office_staff, bulletin_draft):
    figure = ModelFigureFactory(unit=office.unit, name="某典型")
    url = reverse("bulletins:bulletin_edit", args=[bulletin_draft.pk])
    mine = client_for(office)
    opened = mine.get(url).context["form"].initial["version"]
    client_for(office_staff).post(
        url, {"title": "同事改的", "body": "同事的正文", "version": opened}
    )
    mine = client_for(office)
    before = _rows()
    response = mine.post(
        url,
        {"title": "我改的", "body": "我的正文", "version": opened, "model_figures": [figure.pk]},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "您打开表单后，吴" in page and "本次未保存" in page
    assert _rows() == before
    assert Bulletin.objects.get(pk=bulletin_draft.pk).title == "同事改的"


def test_an_edit_without_its_version_is_refused(client_for, office, bulletin_draft):
    url = reverse("bulletins:bulletin_edit", args=[bulletin_draft.pk])
    response = client_for(office).post(url, {"title": "我改的", "body": "我的正文"})
    assert response.status_code == 200
    assert "表单不完整" in response.content.decode()
    assert Bulletin.objects.get(pk=bulletin_draft.pk).title == "简报草稿"


def test_a_stale_publish_is_refused(client_for, office, bulletin_draft):
    client = client_for(office)
    url = reverse("bulletins:bulletin_edit", args=[bulletin_draft.pk])
    client.post(url, {"title": "改过", "body": "正文", "version": bulletin_draft.version})
    response = client.post(
        reverse("bulletins:bulletin_publish", args=[bulletin_draft.pk]),
        {"version": bulletin_draft.version},
        follow=True,
    )
    assert "本次未保存" in response.content.decode()
    bulletin_draft.refresh_from_db()
    assert (bulletin_draft.status, bulletin_draft.number) == ("draft", None)


def test_an_edit_changes_the_text_and_what_it_cites(client_for, office, bulletin_draft):
    figure = ModelFigureFactory(unit=office.unit, name="某典型")
    url = reverse("bulletins:bulletin_edit", args=[bulletin_draft.pk])
    client_for(office).post(
        url,
        {"title": "新标题", "body": "新正文", "version": 1, "model_figures": [figure.pk]},
    )
    bulletin_draft.refresh_from_db()
    assert (bulletin_draft.title, bulletin_draft.version) == ("新标题", 2)
    assert [c.model_figure for c in bulletin_draft.citations.all()] == [figure]
    assert bulletin_draft.history.count() == 2
