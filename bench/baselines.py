"""The baselines that are code rather than one statement: the import with no validation, and raw
openpyxl writing the year-end workbook's cell values."""

import pickle
import time
from datetime import date

import openpyxl

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


def dump_values(xlsx_path, values_path) -> dict:
    """The cell values of every sheet of a workbook, as (title, rows) pickled one after another."""
    workbook = openpyxl.load_workbook(xlsx_path, read_only=True, data_only=True)
    cells = 0
    with open(values_path, "wb") as handle:
        for sheet in workbook.worksheets:
            rows = [list(row) for row in sheet.iter_rows(values_only=True)]
            cells += sum(len(row) for row in rows)
            pickle.dump((sheet.title, rows), handle, protocol=pickle.HIGHEST_PROTOCOL)
    workbook.close()
    return {"sheets": len(workbook.sheetnames), "cells": cells}


def write_values(values_path, out) -> dict:
    """Raw openpyxl write-only, no styles, the same values. Only the writing is timed: the
    values are loaded first (and count in this process's peak memory)."""
    sheets = []
    with open(values_path, "rb") as handle:
        while True:
            try:
                sheets.append(pickle.load(handle))
            except EOFError:
                break
    started = time.perf_counter()
    workbook = openpyxl.Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(out)
    return {"seconds": round(time.perf_counter() - started, 3)}
