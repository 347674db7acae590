//! `guidepress schema`: print the JSON Schema of a guide or of collection.json.

use guidepress::model::schema::{schema_text, SchemaKind};

use super::args::{SchemaArgs, SchemaOf};

/// Prints the schema and returns the exit code.
pub fn run(args: &SchemaArgs) -> i32 {
    let kind = match args.of {
        SchemaOf::Guide => SchemaKind::Guide,
        SchemaOf::Collection => SchemaKind::Collection,
    };
    print!("{}", schema_text(kind));
    super::OK
}
