//! JSON Schemas for pack files and fact files, so editors that validate TOML against a schema (a
//! `#:schema` line, as taplo and Even Better TOML read it) underline mistakes and complete field names
//! while an author types. The files live in `schema/`; a test keeps them in step with the loaders.

/// The JSON Schema of a question pack (`trivia pack schema`).
pub const PACK_SCHEMA: &str = include_str!("../schema/pack.schema.json");

/// The JSON Schema of a fact file (`trivia facts schema`).
pub const FACTS_SCHEMA: &str = include_str!("../schema/facts.schema.json");

/// The file name `trivia pack new` gives the pack schema next to a new pack.
pub const PACK_SCHEMA_FILE: &str = "pack.schema.json";

/// A TOML document as the JSON value a schema validator sees: tables become objects, dates and times
/// become strings in their TOML form (as editors convert them), everything else maps one to one.
pub fn toml_to_json(text: &str) -> Result<serde_json::Value, toml::de::Error> {
    let value: toml::Table = toml::from_str(text)?;
    Ok(table_to_json(&value))
}

fn table_to_json(table: &toml::Table) -> serde_json::Value {
    serde_json::Value::Object(
        table
            .iter()
            .map(|(key, value)| (key.clone(), value_to_json(value)))
            .collect(),
    )
}

fn value_to_json(value: &toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(text) => serde_json::Value::String(text.clone()),
        toml::Value::Integer(number) => serde_json::Value::from(*number),
        toml::Value::Float(number) => serde_json::Number::from_f64(*number)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        toml::Value::Boolean(flag) => serde_json::Value::Bool(*flag),
        toml::Value::Datetime(datetime) => serde_json::Value::String(datetime.to_string()),
        toml::Value::Array(items) => {
            serde_json::Value::Array(items.iter().map(value_to_json).collect())
        }
        toml::Value::Table(table) => table_to_json(table),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_are_json() {
        for schema in [PACK_SCHEMA, FACTS_SCHEMA] {
            let value: serde_json::Value = serde_json::from_str(schema).unwrap();
            assert!(value.get("properties").is_some());
        }
    }

    #[test]
    fn toml_dates_become_strings() {
        let json = toml_to_json("a = 2017-07-09\nb = [1, 2.5]\n[c]\nd = true\n").unwrap();
        assert_eq!(
            json,
            serde_json::json!({"a": "2017-07-09", "b": [1, 2.5], "c": {"d": true}})
        );
    }
}
