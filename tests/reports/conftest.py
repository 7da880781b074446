import pytest

from tests.reports.dataset import build_county


@pytest.fixture
def county(plan, office, clerk_a, township_a, township_b, member_unit, garrison_unit):
    return build_county(
        office=office,
        clerk_a=clerk_a,
        township_a=township_a,
        township_b=township_b,
        member_unit=member_unit,
        garrison_unit=garrison_unit,
    )


@pytest.fixture
def workbook_of():
    """workbook_of(response or bytes) -> the openpyxl workbook, read back."""
    import io

    from openpyxl import load_workbook

    def read(source):
        data = source
        if hasattr(source, "streaming_content"):
            data = b"".join(source.streaming_content)
        return load_workbook(io.BytesIO(data))

    return read
