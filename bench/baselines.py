"""The baselines that are code rather than one statement: the import with no validation, and raw
XlsxWriter writing the year-end workbook's styled cells (raw openpyxl writing its values plain,
the first bench's baseline, alongside)."""

import pickle
import time
from datetime import date, datetime

import openpyxl
import xlsxwriter

from outreach.imports.layout import COLUMNS, DATA_SHEET, GRADE_LABELS, SEPARATOR
from outreach.models import BeneficiaryCategory, Household, Person, PriorityMark

BATCH = 500


def bulk_import(path, township) -> dict:
    """Read the template as the import does (openpyxl read-only) and bulk-create its households,
    persons and their category links: no checks, no history, no preview."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    rows = workbook[DATA_SHEET].iter_rows(values_only=True)
    header = next(rows)
    where = [(c.key, header.index(c.header)) for c in COLUMNS]
    in_county = {"county_id": township.area_id}
    categories = dict(BeneficiaryCategory.objects.filter(**in_county).values_list("name", "pk"))
    marks = dict(PriorityMark.objects.filter(**in_county).values_list("name", "pk"))
    relations = {str(label): value for value, label in Person.Relation.choices}
    natures = {str(label): value for value, label in Person.DisabilityNature.choices}
    grades = {label: n for n, label in GRADE_LABELS.items()}
    households, persons, links = {}, [], []
    for row in rows:
        v = {key: row[i] for key, i in where}
        if not v["number"]:
            continue
        household = households.get(v["number"])
        if household is None:
            household = households[v["number"]] = Household(
                township=township,
                number=v["number"],
                head_name=v["head_name"],
                village=v["village"],
                address=v["address"] or "",
                phone=v["household_phone"] or "",
            )
        number = v["id_number"]
        persons.append(
            Person(
                household=household,
                name=v["name"],
                id_number=number,
                sex="M" if int(number[16]) % 2 else "F",
                birth_date=date(int(number[6:10]), int(number[10:12]), int(number[12:14])),
                relation=relations[v["relation"]],
                disability_grade=grades.get(v["disability_grade"]),
                disability_nature=natures.get(v["disability_nature"], ""),
                phone=v["phone"] or "",
            )
        )
        links.append(
            (
                [categories[n] for n in (v["categories"] or "").split(SEPARATOR) if n],
                [marks[n] for n in (v["priority_marks"] or "").split(SEPARATOR) if n],
            )
        )
    workbook.close()
    Household.objects.bulk_create(households.values(), batch_size=BATCH)
    Person.objects.bulk_create(persons, batch_size=BATCH)
    category_through = Person.categories.through
    mark_through = Person.priority_marks.through
    category_through.objects.bulk_create(
        (
            category_through(person_id=p.pk, beneficiarycategory_id=c)
            for p, (chosen, _m) in zip(persons, links, strict=True)
            for c in chosen
        ),
        batch_size=BATCH,
    )
    mark_through.objects.bulk_create(
        (
            mark_through(person_id=p.pk, prioritymark_id=m)
            for p, (_c, chosen) in zip(persons, links, strict=True)
            for m in chosen
        ),
        batch_size=BATCH,
    )
    return {"rows": len(persons), "persons": len(persons)}


def _style(cell) -> dict:
    """A read cell's style as XlsxWriter format properties."""
    font, alignment, border, fill = cell.font, cell.alignment, cell.border, cell.fill
    spec = {"font_name": font.name, "font_size": font.sz, "bold": bool(font.b)}
    if alignment.horizontal:
        spec["align"] = alignment.horizontal
    if alignment.vertical:
        spec["valign"] = "vcenter" if alignment.vertical == "center" else alignment.vertical
    if alignment.wrap_text:
        spec["text_wrap"] = True
    if border.left is not None and border.left.style:
        spec["border"] = 1
        spec["border_color"] = "#" + border.left.color.rgb[-6:]
    if fill.fill_type == "solid":
        spec["pattern"] = 1
        spec["bg_color"] = "#" + fill.fgColor.rgb[-6:]
    if cell.number_format != "General":
        spec["num_format"] = cell.number_format
    return spec


def dump_values(xlsx_path, values_path) -> dict:
    """The cells of every sheet of a workbook, pickled one sheet after another as (title, styles,
    rows): a row is a list of (value, index into styles) or None where no cell is written."""
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True)
    cells = 0
    with open(values_path, "wb") as handle:
        for sheet in workbook.worksheets:
            styles, index = [], {}
            rows = []
            for row in sheet.iter_rows():
                line = []
                for cell in row:
                    style_id = getattr(cell, "_style_id", None)
                    if style_id is None:  # an empty cell, not in the file
                        line.append(None)
                        continue
                    if style_id not in index:
                        index[style_id] = len(styles)
                        styles.append(_style(cell))
                    line.append((cell.value, index[style_id]))
                rows.append(line)
            cells += sum(len(row) for row in rows)
            pickle.dump((sheet.title, styles, rows), handle, protocol=pickle.HIGHEST_PROTOCOL)
    workbook.close()
    return {"sheets": len(workbook.sheetnames), "cells": cells}


def _load(values_path) -> list:
    sheets = []
    with open(values_path, "rb") as handle:
        while True:
            try:
                sheets.append(pickle.load(handle))
            except EOFError:
                return sheets


def write_values(values_path, out) -> dict:
    """The fastest raw writer of the same styled cells: XlsxWriter in constant-memory mode, each
    cell written by its type's own call with its format. Only the writing is timed: the cells
    are loaded first (and count in this process's peak memory)."""
    sheets = _load(values_path)
    started = time.perf_counter()
    workbook = xlsxwriter.Workbook(out, {"constant_memory": True})
    for title, styles, rows in sheets:
        sheet = workbook.add_worksheet(title)
        formats = [workbook.add_format(spec) for spec in styles]
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                value, style = cell
                if value is None:
                    sheet.write_blank(r, c, None, formats[style])
                elif isinstance(value, str):
                    sheet.write_string(r, c, value, formats[style])
                elif isinstance(value, datetime):
                    sheet.write_datetime(r, c, value, formats[style])
                else:
                    sheet.write_number(r, c, value, formats[style])
    workbook.close()
    return {"seconds": round(time.perf_counter() - started, 3)}


def write_plain(values_path, out) -> dict:
    """Raw openpyxl write-only, no styles, the same values: the first bench's baseline."""
    sheets = _load(values_path)
    started = time.perf_counter()
    workbook = openpyxl.Workbook(write_only=True)
    for title, _styles, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append([None if cell is None else cell[0] for cell in row])
    workbook.save(out)
    return {"seconds": round(time.perf_counter() - started, 3)}
