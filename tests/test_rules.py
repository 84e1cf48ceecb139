"""Rule files: a bad file is one InputProblem naming file, line and field; every rule's examples run."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.errors import InputProblem
from checker.rule_examples import check_example
from checker.rules import CHECK_TYPES, OPTION_SCHEMAS, load_rule, load_rules

RULES_DIR = Path(__file__).parent.parent / "rules"

VALID = """\
id: TST001
title: A test rule
extends: quantity_series
select:
  kind: quantity
group_by: [quantity_unit, actor]
tolerance:
  relative: 0.05
message:
  update: "{subject}: {a.text} then {b.text}"
"""


def write(tmp_path: Path, text: str, name: str = "TST001.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problem_of(path: Path):
    with pytest.raises(InputProblem) as caught:
        load_rule(path)
    return caught.value.error


def test_a_valid_rule_loads_with_its_tolerance(tmp_path):
    rule = load_rule(write(tmp_path, VALID))
    assert rule.id == "TST001" and rule.tolerance == {"relative": 0.05} and rule.group_by == ("quantity_unit", "actor")


@pytest.mark.parametrize(
    ("written", "selected"),
    [
        ("{not: [currency, percent]}", lambda units: {"not": [*units, "percent"]}),
        ("[soldier, currency]", lambda units: ["soldier", *units]),
        ("currency", lambda units: list(units)),
        ("soldier", lambda units: "soldier"),
    ],
    ids=["excluded", "one of a list", "alone", "no family"],
)
def test_a_unit_family_in_quantity_unit_stands_for_its_units(tmp_path, written, selected):
    from checker.units import unit_families

    currencies = unit_families()["currency"]
    assert {"EUR", "USD", "CHF", "GBP", "JPY", "DEM"} <= set(currencies) and "dollar" not in currencies
    rule = load_rule(write(tmp_path, VALID.replace("kind: quantity", f"kind: quantity\n  quantity_unit: {written}")))
    assert rule.select["quantity_unit"] == selected(currencies)


def test_a_unit_family_in_a_unit_option_stands_for_its_units(tmp_path):
    from checker.units import unit_families

    currencies = unit_families()["currency"]
    options = "options:\n  monotonic_units: [death, currency]\n  same_series_within_days: {currency: 30, EUR: 7, death: 365}\n"
    rule = load_rule(write(tmp_path, VALID + options))
    assert rule.options["monotonic_units"] == ["death", *currencies]
    assert rule.options["same_series_within_days"] == {**dict.fromkeys(currencies, 30), "EUR": 7, "death": 365}


def test_a_reason_for_a_unit_family_is_the_reason_for_each_of_its_units(tmp_path):
    rule = load_rule(write(tmp_path, VALID + "options:\n  why_left_out: {currency: one story's amounts are different things}\n"))
    assert rule.options["why_left_out"]["EUR"] == rule.options["why_left_out"]["USD"] == "one story's amounts are different things"


@pytest.mark.parametrize(
    ("options", "line", "field", "words"),
    [
        ("  monotonic_units: [death, deaths]\n", 12, "options.monotonic_units.1", "unknown unit 'deaths'"),
        ("  same_series_within_days:\n    death: 365\n    injuries: 365\n", 14, "options.same_series_within_days.injuries",
         "unknown unit 'injuries'"),
        ("  monotonic_units: [dollar]\n", 12, "options.monotonic_units.0", "'dollar' is an ambiguous word"),
        ("  why_left_out:\n    medals: scores of separate events\n", 13, "options.why_left_out.medals", "unknown unit 'medals'"),
    ],
    ids=["typo in a list", "typo as a mapping key", "ambiguous word", "typo in a reason's unit"],
)
def test_a_unit_option_naming_no_unit_is_one_problem_naming_the_option(tmp_path, options, line, field, words):
    error = problem_of(write(tmp_path, VALID + "options:\n" + options))
    assert error.line == line and error.field == field and words in error.message


@pytest.mark.parametrize(
    ("select", "field", "words"),
    [
        ("quantity_unit: [death, persn]", "select.quantity_unit.1", "unknown unit 'persn'"),
        ("quantity_unit: soldiers", "select.quantity_unit", "unknown unit 'soldiers'"),
        ("quantity_unit: {not: [percent, franken]}", "select.quantity_unit.not.1", "'franken' is an ambiguous word"),
    ],
    ids=["typo in a list", "typo alone", "ambiguous word in an exclusion"],
)
def test_a_selected_unit_naming_no_unit_is_one_problem_naming_the_field(tmp_path, select, field, words):
    error = problem_of(write(tmp_path, VALID.replace("kind: quantity", f"kind: quantity\n  {select}")))
    assert error.field == field and words in error.message and error.line == 6


@pytest.mark.parametrize(
    ("broken", "line", "field", "words"),
    [
        (VALID.replace("title: A test rule", "title: A test rule\ncolour: red"), 3, "colour", "unknown key 'colour'"),
        (VALID.replace("group_by: [quantity_unit, actor]", "group_by: quantity_unit"), 6, "group_by", "is not of type 'array'"),
        (VALID.replace("extends: quantity_series", "extends: vibes_check"), 3, "extends", "unknown check type 'vibes_check'"),
        (VALID.replace("kind: quantity", "colour: quantity"), 5, "select.colour", "unknown claim field 'colour'"),
        (VALID.replace("relative: 0.05", "relative: lots"), 8, "tolerance.relative", "is not of type 'number'"),
        (VALID.replace("tolerance:", "options:\n  sideways: true\ntolerance:"), 8, "options.sideways", "unknown option 'sideways'"),
        (VALID.replace("tolerance:", "options:\n  monotonic_units: death\ntolerance:"), 8, "options.monotonic_units", "bad value"),
        (VALID.replace("tolerance:", "options:\n  same_series_within_days:\n    death: -1\ntolerance:"), 9,
         "options.same_series_within_days.death", "bad value"),
        (VALID.replace("{b.text}", "{c.text}"), 10, "message.update", "unknown placeholder {c.text}"),
        (VALID.replace("{b.text}", "{b.colour}"), 10, "message.update", "unknown claim attribute"),
        (VALID.replace("id: TST001", "id: test-1"), 1, "id", "does not match"),
        (VALID.replace("kind: quantity", "kind: {except: quantity}"), 5, "select.kind", "is not valid"),
    ],
    ids=["unknown key", "wrong type", "unknown check type", "unknown select field", "bad tolerance",
         "unknown option", "bad option value", "bad series window", "unknown placeholder", "unknown claim attribute", "bad id", "bad select form"],
)
def test_a_bad_rule_file_is_one_problem_naming_file_line_and_field(tmp_path, broken, line, field, words):
    path = write(tmp_path, broken)
    error = problem_of(path)
    assert error.path == str(path)
    assert error.line == line
    assert error.field == field
    assert words in error.message


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, VALID.replace("group_by: [quantity_unit, actor]", "group_by: [quantity_unit, actor"))
    error = problem_of(path)
    assert error.path == str(path) and error.line is not None and "invalid YAML" in error.message


def test_a_missing_required_key_is_named(tmp_path):
    error = problem_of(write(tmp_path, VALID.replace("title: A test rule\n", "")))
    assert "'title' is a required property" in error.message


def test_a_rule_id_used_twice_is_an_error(tmp_path):
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    with pytest.raises(InputProblem) as caught:
        load_rules(tmp_path)
    assert "rule id TST001 is already the id of" in caught.value.error.message and caught.value.error.path.endswith("b.yaml")
    assert caught.value.error.message.split(" of ")[1].startswith(str(tmp_path / "a.yaml"))


def test_every_problem_of_a_file_is_told_in_the_order_of_its_lines(tmp_path):
    broken = (
        VALID.replace("id: TST001\n", "")
        .replace("title: A test rule", "title: A test rule\ncolour: red\nsize: 3")
        .replace("kind: quantity", "kind: quantity\n  shade: dark")
        .replace("relative: 0.05", "relative: lots")
        .replace("{b.text}", "{c.text}")
    )
    with pytest.raises(InputProblem) as caught:
        load_rule(write(tmp_path, broken))
    told = [(error.line, error.field, error.message) for error in caught.value.errors]
    assert told == [
        (1, "(top level)", "'id' is a required property"),
        (2, "colour", "unknown key 'colour'"),
        (3, "size", "unknown key 'size'"),
        (7, "select.shade", "unknown claim field 'shade'"),
        (10, "tolerance.relative", "'lots' is not of type 'number'"),
        (12, "message.update", "unknown placeholder {c.text}; use one of a, b, detail, rule, subject"),
    ]


@pytest.mark.parametrize(
    ("options", "told"),
    [
        ("  monotonic_units: death\n", [("options.monotonic_units", "bad value")]),
        ("  monotonic_units: [deaths]\n  counted_per_period: [arrest, arests]\n",
         [("options.monotonic_units.0", "unknown unit 'deaths'"), ("options.counted_per_period.1", "unknown unit 'arests'")]),
        ("  sideways: true\n  monotonic_units: [deaths]\n",
         [("options.monotonic_units.0", "unknown unit 'deaths'"), ("options.sideways", "unknown option 'sideways'")]),
    ],
    ids=["a value of the wrong type is one problem, not one a character", "two options", "an unknown option besides"],
)
def test_every_bad_option_is_told_once(tmp_path, options, told):
    with pytest.raises(InputProblem) as caught:
        load_rule(write(tmp_path, VALID + "options:\n" + options))
    found = sorted((error.field, error.message) for error in caught.value.errors)
    assert len(found) == len(told) and all(field == expected[0] and expected[1] in message for (field, message), expected in zip(found, sorted(told)))


def test_with_an_unknown_check_type_its_options_are_not_judged(tmp_path):
    with pytest.raises(InputProblem) as caught:
        load_rule(write(tmp_path, VALID.replace("extends: quantity_series", "extends: vibes_check") + "options:\n  sideways: true\n"))
    assert [error.field for error in caught.value.errors] == ["extends"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (VALID.replace("group_by: [quantity_unit, actor]", "group_by: [quantity_unit, actor\ntolerance2: 1"), 7,
         "invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that begins on line 6)"),
        (VALID.replace('"{subject}: {a.text} then {b.text}"', '"{subject}'), 11, "(while scanning a quoted scalar that begins on line 10)"),
        ("- id: TST001\n- title: x\n", 1, "a rule file is one mapping of keys (id: …, title: …), not a list"),
        ("", None, "empty rule file"),
    ],
    ids=["unclosed bracket", "unclosed quote", "a list", "empty"],
)
def test_a_file_that_is_no_rule_mapping_is_told_with_the_line_where_it_began(tmp_path, text, line, words):
    error = problem_of(write(tmp_path, text))
    assert error.line == line and words in error.message, error


def test_every_broken_file_of_a_directory_is_told_and_no_file_hides_another(tmp_path):
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    write(tmp_path, VALID.replace("TST001", "TST002").replace("extends: quantity_series", "extends: vibes_check"), "c.yaml")
    write(tmp_path, VALID.replace("TST001", "TST003").replace("actor]", "actor"), "d.yml")
    write(tmp_path, VALID.replace("TST001", "TST004"), "e.yaml")
    with pytest.raises(InputProblem) as caught:
        load_rules(tmp_path, kept_in=tmp_path / "cache")
    assert [(Path(error.path).name, error.field) for error in caught.value.errors] == [("b.yaml", "id"), ("c.yaml", "extends"), ("d.yml", None)]
    assert not list((tmp_path / "cache").glob("rules-*.valid"))


@pytest.mark.parametrize(
    ("layout", "words"),
    [
        ("missing", "rules directory not found"),
        ("file", "--rules takes the directory that holds the rule files, not a file: --rules {parent}"),
        ("empty", "no rule files (*.yaml, *.yml) in this directory"),
        ("parent", "no rule files (*.yaml, *.yml) in this directory; rule files are in {parent}/mine: pass that folder to --rules"),
    ],
)
def test_a_rules_path_that_holds_no_rule_file_says_what_to_give(tmp_path, layout, words):
    given = {"missing": tmp_path / "nowhere", "file": tmp_path / "TST001.yaml", "empty": tmp_path / "empty", "parent": tmp_path}[layout]
    (tmp_path / "empty").mkdir()
    write(tmp_path / "empty", "not a rule", "notes.txt")
    if layout in {"file", "parent"}:
        (tmp_path / "mine").mkdir()
        write(tmp_path / "mine", VALID)
        write(tmp_path, VALID) if layout == "file" else None
    with pytest.raises(InputProblem) as caught:
        load_rules(given)
    assert caught.value.error.path == str(given) and caught.value.error.message == words.format(parent=tmp_path)


def test_every_check_type_is_documented_and_has_an_option_schema():
    assert set(CHECK_TYPES) == set(OPTION_SCHEMAS)
    assert all(len(text) > 40 for text in CHECK_TYPES.values())


def test_the_shipped_rules_cover_every_check_type_and_name_no_seed():
    rules = load_rules(RULES_DIR)
    assert {rule.extends for rule in rules} == set(CHECK_TYPES)
    seed_ids = {path.stem for path in (RULES_DIR.parent / "seeds").glob("*")}
    for path in RULES_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not any(seed in text for seed in seed_ids), path
    assert all(rule.examples for rule in rules)


EXAMPLES = [(rule, example) for rule in load_rules(RULES_DIR) for example in rule.examples]


@pytest.mark.parametrize(("rule", "example"), EXAMPLES, ids=[f"{rule.id}::{example['name']}" for rule, example in EXAMPLES])
def test_rule_example(rule, example):
    problem = check_example(rule, example)
    assert problem is None, problem


def test_rules_commands_list_validate_and_explain(cli):
    code, stdout, _ = cli("rules", "list", "--rules", RULES_DIR)
    assert code == 0 and all(rule.id in stdout for rule in load_rules(RULES_DIR))
    code, stdout, _ = cli("rules", "validate", "--rules", RULES_DIR)
    assert code == 0 and "examples pass" in stdout
    code, stdout, _ = cli("rules", "explain", "QTY001", "--rules", RULES_DIR)
    assert code == 0 and "quantity_series" in stdout and "example:" in stdout
    code, _, stderr = cli("rules", "explain", "NOPE999", "--rules", RULES_DIR)
    assert code == 2 and "NOPE999" in stderr


def test_explain_takes_a_rule_id_in_any_case(cli):
    code, stdout, _ = cli("rules", "explain", "qty001", "--rules", RULES_DIR)
    assert code == 0 and stdout.startswith("QTY001: ")


IDS = "CAL001, CAL002, EVT001, EVT002, QTY001, QTY002, QTY003, QTY004, QTY005, QTY006, QTY007, STA001"


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["validate", "/some/dir"], "rules validate: takes no argument, got '/some/dir'; for a rule directory write checker rules validate --rules /some/dir"),
        (["list", "XYZ"], "rules list: takes no argument, got 'XYZ'; for a rule directory write checker rules list --rules XYZ"),
        (["explain"], f"rules explain: needs a rule id (checker rules explain ID); the rules of {RULES_DIR}: {IDS}"),
        (["explain", "QTY999"], f"{RULES_DIR}: no rule with id 'QTY999'; the ids are: {IDS}"),
        (["frobnicate"], "rules: unknown action 'frobnicate'; use list, validate or explain ID"),
        ([str(RULES_DIR)], f"rules: unknown action '{RULES_DIR}'; use list, validate or explain ID; a rule directory goes after --rules (checker rules validate --rules {RULES_DIR})"),
    ],
    ids=["a directory after validate", "an argument after list", "explain without an id", "an unknown id", "an unknown action", "a directory as the action"],
)
def test_an_argument_the_rules_action_does_not_take_is_an_error_that_says_what_to_write(cli, args, told):
    code, stdout, stderr = cli("rules", *args, "--rules", RULES_DIR)
    assert (code, stdout, stderr) == (2, "", f"error: {told}\n")


@pytest.mark.parametrize("command", ["rules validate", "rules list", "check", "claim"])
def test_every_broken_rule_file_is_told_by_every_command_that_reads_rules(cli, tmp_path, command):
    rules = tmp_path / "rules"
    rules.mkdir()
    write(rules, VALID.replace("extends: quantity_series", "extends: vibes_check").replace("title: A test rule", "title: A test rule\ncolour: red"), "a.yaml")
    write(rules, VALID.replace("TST001", "TST002").replace("actor]", "actor"), "b.yaml")
    write(rules, VALID.replace("TST001", "TST003"), "c.yaml")
    args = {"check": ["check", "--no-baseline", "--report", tmp_path / "report.md"], "claim": ["claim", "Russland hat 100.000 Soldaten."]}
    code, stdout, stderr = cli(*args.get(command, command.split()), "--rules", rules)
    assert code == 2 and stdout == ""
    assert stderr.splitlines() == [
        f"error: {rules / 'a.yaml'}:3: colour: unknown key 'colour'",
        f"error: {rules / 'a.yaml'}:4: extends: unknown check type 'vibes_check'; expected one of {', '.join(sorted(CHECK_TYPES))}",
        f"error: {rules / 'b.yaml'}:7: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that begins on line 6)",
    ]


def test_validate_tells_every_failing_example_with_its_rule_line_and_text(cli, tmp_path):
    shipped = (RULES_DIR / "CAL001-weekday-and-date.yaml").read_text(encoding="utf-8")
    # Both examples of the rule expect the opposite of what they find.
    flipped = shipped.replace("expect:\n      - {kind: contradiction, articles: [wrong]", "expect_not:\n      - {kind: contradiction, articles: [wrong]", 1)
    flipped = flipped.replace("expect_not:\n      - {kind: contradiction}\n", "expect:\n      - {kind: contradiction}\n", 1)
    assert flipped.count("expect_not:") == shipped.count("expect_not:")
    write(tmp_path, flipped, "CAL001.yaml")
    code, stdout, stderr = cli("rules", "validate", "--rules", tmp_path)
    lines = stderr.splitlines()
    assert code == 1 and lines[0].startswith(f"error: {tmp_path / 'CAL001.yaml'}:15: rule CAL001: example 'a weekday that does not match its date is flagged': expected no")
    assert lines[1] == "  [wrong, 2021-12] Das Treffen findet am Dienstag, 8. Dezember 2021 statt."
    assert lines[2].startswith(f"error: {tmp_path / 'CAL001.yaml'}:22: rule CAL001: example 'a matching weekday and date are no finding': expected {{'kind': 'contradiction'}}, found no findings")
    assert lines[3] == "  [right, 2021-12] Das Treffen findet am Dienstag, 7. Dezember 2021 statt."
    examples = shipped.count("  - name: ")
    assert len(lines) == 4 and stdout == f"1 rules valid, {examples - 2}/{examples} examples pass\n"


def test_a_broken_rule_file_makes_rules_validate_exit_2_with_file_and_line(cli, tmp_path):
    write(tmp_path, VALID.replace("extends: quantity_series", "extends: vibes_check"))
    code, _, stderr = cli("rules", "validate", "--rules", tmp_path)
    assert code == 2
    assert "TST001.yaml:3: extends: unknown check type" in stderr


@pytest.fixture
def rules_copy(tmp_path):
    copy = tmp_path / "rules"
    copy.mkdir()
    for path in RULES_DIR.glob("*.yaml"):
        (copy / path.name).write_bytes(path.read_bytes())
    return copy


def test_an_unchanged_rule_set_skips_the_schema_checks_but_is_built_from_its_files(rules_copy, tmp_path, monkeypatch):
    import checker.rules as rules_module

    first = load_rules(rules_copy, kept_in=tmp_path / "cache")
    assert len(list((tmp_path / "cache").glob("rules-*.valid"))) == 1

    def no_schema_checks():
        raise AssertionError("schema-checked again although nothing changed")

    monkeypatch.setattr(rules_module, "_schema_validator", no_schema_checks)
    rules_module._validator.cache_clear()
    assert load_rules(rules_copy, kept_in=tmp_path / "cache") == first


def test_an_edited_rule_file_is_checked_again_and_a_bad_set_leaves_no_mark(rules_copy, tmp_path):
    load_rules(rules_copy, kept_in=tmp_path / "cache")
    path = next(rules_copy.glob("QTY001*.yaml"))
    path.write_text(path.read_text(encoding="utf-8").replace("relative: 0.05", "relative: -1"), encoding="utf-8")
    with pytest.raises(InputProblem):
        load_rules(rules_copy, kept_in=tmp_path / "cache")
    # The set with a problem left no mark: the folder still holds only the earlier, valid set's.
    assert len(list((tmp_path / "cache").glob("rules-*.valid"))) == 1


def test_the_same_rules_in_another_folder_are_checked_on_their_own(rules_copy, tmp_path, monkeypatch):
    import checker.rules as rules_module

    load_rules(rules_copy, kept_in=tmp_path / "cache")
    other = tmp_path / "other"
    other.mkdir()
    for path in rules_copy.glob("*.yaml"):
        (other / path.name).write_bytes(path.read_bytes())
    checked = []
    real = rules_module.load_rule
    monkeypatch.setattr(rules_module, "load_rule", lambda path, validated=False: checked.append(validated) or real(path, validated))
    load_rules(other, kept_in=tmp_path / "cache")
    assert checked and not any(checked)


def test_a_folder_that_cannot_be_written_to_only_costs_the_validation(rules_copy, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be", encoding="utf-8")
    assert load_rules(rules_copy, kept_in=blocker / "cache") == load_rules(rules_copy)
