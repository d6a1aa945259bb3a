"""One field table (tracker.domain.schema): the model, the file, `edit` and `show --json` agree with it."""

from __future__ import annotations

import dataclasses
import json

import pytest

from conftest import ARTICLE
from tracker.domain import schema
from tracker.cli.main import build_parser, main
from tracker.domain.encoding import FIELDS
from tracker.domain.model import Article, Event, Prediction
from tracker.store.store import Store

MODELS = {"article": Article, "event": Event, "prediction": Prediction}


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_the_table_declares_every_field_of_the_model(kind):
    in_model = {f.name for f in dataclasses.fields(MODELS[kind])} - {"id", "history"}
    assert set(schema.names(kind)) == in_model
    assert FIELDS[kind] == schema.names(kind)


def _edit_flags() -> set[str]:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    return {opt for action in commands.choices["edit"]._actions for opt in action.option_strings}


def test_edit_has_a_flag_for_every_editable_field():
    assert {f.flag for f in schema.editable()} <= _edit_flags()
    # A status changes through `mark`, with its history: `edit --status` only says so (exit 2).
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    setters = {opt for action in commands.choices["edit"]._actions if action.dest.startswith("set_")
               for opt in action.option_strings}
    assert "--status" not in setters
    with pytest.raises(SystemExit) as exit_:
        parser.parse_args(["edit", "x", "--status", "confirmed"])
    assert exit_.value.code == 2


@pytest.mark.parametrize("kind", sorted(MODELS))
def test_add_has_a_flag_for_every_field_edit_can_set(kind):
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    kinds = next(a for a in commands.choices["add"]._actions if a.dest == "kind")
    flags = {opt for action in kinds.choices[kind]._actions for opt in action.option_strings}
    singular = {"--tags": "--tag", "--articles": "--article"}  # add takes these one at a time
    assert {singular.get(f.flag, f.flag) for f in schema.SCHEMA[kind] if f.editable} <= flags


def test_a_field_name_means_one_type_in_every_kind():
    # What a user types is read by the field's name alone (tracker.domain.fields.parse_field).
    types: dict[str, set[str]] = {}
    for fields in schema.SCHEMA.values():
        for f in fields:
            types.setdefault(f.name, set()).add(f.type)
    assert {name: t for name, t in types.items() if len(t) > 1} == {}


def test_the_model_declares_each_field_with_the_type_its_annotation_names():
    annotations = {schema.TEXT: "str", schema.URL: "str", schema.DATE: "PDate", schema.LIST: "list[str]",
                   schema.PROBABILITY: "float | None", schema.STATUS: "Status"}
    for kind, model in MODELS.items():
        declared = {f.name: f.metadata["field"].type for f in dataclasses.fields(model) if "field" in f.metadata}
        assert {name: annotations[t] for name, t in declared.items()} == \
            {f.name: f.type for f in dataclasses.fields(model) if f.name in declared}


@pytest.mark.parametrize("field", [f for f in schema.ARTICLE if f.type == schema.TEXT and f.name != "author"],
                         ids=lambda f: f.name)
def test_edit_sets_every_text_field_of_an_article_and_show_reads_it_back(sample_db, capsys, field):
    value = f"新しい {field.name} [b]"
    assert main(["--db", str(sample_db), "edit", ARTICLE, field.flag, value]) == 0
    capsys.readouterr()
    assert getattr(Store(sample_db).load().articles[ARTICLE], field.name) == value
    assert main(["--db", str(sample_db), "show", ARTICLE, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[field.name] == value


def test_every_field_has_a_csv_column_and_survives_the_round_trip(sample_db, tmp_path):
    from tracker.exchange.tabular import ALL_COLUMNS, export_csv

    assert {f.column for fields in schema.SCHEMA.values() for f in fields} <= set(ALL_COLUMNS)
    store = Store(sample_db)
    assert main(["--db", str(sample_db), "edit", ARTICLE, "--summary-posted", "2025-02-23",
                 "--source-note", "a; b"]) == 0
    rows = tmp_path / "rows.csv"
    rows.write_bytes(export_csv(store.load().records()))
    copy = tmp_path / "copy.json"
    assert main(["--db", str(copy), "import", str(rows)]) == 0
    for kind in MODELS:
        original, imported = store.load().table(kind), Store(copy).load().table(kind)
        for record_id, record in original.items():
            for name in schema.names(kind):
                assert getattr(imported[record_id], name) == getattr(record, name), (record_id, name)


def test_show_puts_a_space_after_every_label_and_lines_the_values_up(sample_db, capsys):
    assert main(["--db", str(sample_db), "edit", ARTICLE, "--summary-posted", "2025-02-23T21:14",
                 "--summary-title", "ベラルーシとポーランド"]) == 0
    assert main(["--db", str(sample_db), "edit", "poland-rejects-inspections", "--alt-hedge", "可能性がある"]) == 0
    for record_id in (ARTICLE, "poland-rejects-inspections"):
        capsys.readouterr()
        assert main(["--db", str(sample_db), "show", record_id]) == 0
        rows = capsys.readouterr().out.split("\nhistory:")[0].splitlines()
        starts = {len(line) - len(line.split(":", 1)[1].lstrip()) for line in rows}
        assert all(line.split(":", 1)[1].startswith(" ") for line in rows), rows
        assert len(starts) == 1, rows  # every value starts in the same column
