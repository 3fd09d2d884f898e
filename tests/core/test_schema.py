from __future__ import annotations

import pytest

from hakam.core.schema import SchemaError, load_schema, parse_schema
from hakam.resources import resource_path

DEFAULT = resource_path("schema", "default.toml").read_text(encoding="utf-8")


def test_default_schema_has_the_conflict_news_labels() -> None:
    schema = load_schema()
    assert list(schema.entities) == ["PERS", "ORG", "GPE", "LOC", "FAC", "DATE"]
    assert len(schema.events) == 12 and "DISPLACEMENT" in schema.events
    assert set(schema.roles) == {"AGENT", "TARGET", "VICTIM", "PLACE", "TIME", "INSTRUMENT"}
    assert schema.attributes["fatalities"].parse("3") == 3
    assert schema.entities["GPE"].title("ar") == "كيان جغرافي سياسي"
    assert schema.entity_by_key("2").name == "ORG"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda s: s.replace('color = "#1971c2"', 'color = "blue"'), "line 18: [entities.ORG] field 'color'"),
        (lambda s: s.replace('ar = "منظمة"\n', ""), "[entities.ORG] field 'ar' is missing"),
        (lambda s: s.replace('key = "2"', 'key = "1"'), "line 19: [entities.ORG] field 'key' '1' is already used"),
        (lambda s: s.replace('type = "int"', 'type = "number"', 1), "[attributes.fatalities] field 'type'"),
        (lambda s: s.replace("[entities.PERS]", "[entities.PERS"), "line 9"),
        (lambda s: s.replace('en = "Person"', 'en = "Person"\nshade = 3'), "unknown field 'shade'"),
    ],
)
def test_broken_schema_names_line_and_field(edit, message: str) -> None:
    with pytest.raises(SchemaError) as error:
        parse_schema(edit(DEFAULT), "my.toml")
    assert str(error.value).startswith("my.toml")
    assert message in str(error.value)


def test_schema_round_trips_through_toml_and_extends() -> None:
    schema = load_schema()
    extended = schema.extended(entities=["MISC"], events=["SIEGE"])
    again = parse_schema(extended.to_toml())
    assert again.entities["MISC"].key == "7"
    assert again.events["SIEGE"].color.startswith("#")
    assert again.entities["PERS"] == schema.entities["PERS"]
