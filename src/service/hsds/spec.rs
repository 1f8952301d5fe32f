//! HSDS 3.0's tabular form: every resource (table) with its file, its fields in the
//! specification's order, their types and constraints, and the references between them,
//! as the specification's data package lists them. The export writes every file with these
//! columns and a `datapackage.json` made from this table; a test holds the table to the
//! specification's own descriptor, kept with the tests.

use serde_json::{Map, Value, json};

/// A resource: its name, its file, its fields (name, type, format, "R" required and "U"
/// unique), and the fields that refer to another resource's id.
pub(super) type Resource = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str, &'static str)],
    &'static [(&'static str, &'static str)],
);

/// The HSDS version this program reads and writes.
pub const VERSION: &str = "3.0.0";

pub(super) const RESOURCES: &[Resource] = &[
    (
        "organization",
        "organizations.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("name", "string", "", "R"),
            ("alternate_name", "string", "", ""),
            ("description", "string", "", "R"),
            ("email", "string", "email", ""),
            ("website", "string", "uri", ""),
            ("tax_status", "string", "", ""),
            ("tax_id", "string", "", ""),
            ("year_incorporated", "number", "", ""),
            ("legal_status", "string", "", ""),
            ("logo", "string", "", ""),
            ("uri", "string", "uri", ""),
            ("parent_organization_id", "string", "uuid", ""),
        ],
        &[],
    ),
    (
        "program",
        "programs.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("organization_id", "string", "uuid", "RU"),
            ("name", "string", "", "R"),
            ("alternate_name", "string", "", ""),
            ("description", "string", "", "R"),
        ],
        &[("organization_id", "organization")],
    ),
    (
        "service",
        "services.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("organization_id", "string", "uuid", "R"),
            ("program_id", "string", "uuid", ""),
            ("name", "string", "", "R"),
            ("alternate_name", "string", "", ""),
            ("description", "string", "", ""),
            ("url", "string", "uri", ""),
            ("email", "string", "email", ""),
            ("status", "string", "", "R"),
            ("interpretation_services", "string", "", ""),
            ("application_process", "string", "", ""),
            ("fees_description", "string", "", ""),
            ("wait_time", "string", "", ""),
            ("fees", "string", "", ""),
            ("accreditations", "string", "", ""),
            ("eligibility_description", "string", "", ""),
            ("minimum_age", "number", "", ""),
            ("maximum_age", "number", "", ""),
            ("assured_date", "date", "", ""),
            ("assurer_email", "string", "email", ""),
            ("licenses", "string", "", ""),
            ("alert", "string", "", ""),
            ("last_modified", "datetime", "", ""),
        ],
        &[("organization_id", "organization"), ("program_id", "program")],
    ),
    (
        "attribute",
        "attributes.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("link_id", "string", "uuid", "R"),
            ("taxonomy_term_id", "string", "uuid", "R"),
            ("link_type", "string", "", ""),
            ("link_entity", "string", "", "R"),
            ("value", "string", "", ""),
        ],
        &[("taxonomy_term_id", "taxonomy_term")],
    ),
    (
        "service_at_location",
        "service_at_location.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", "R"),
            ("location_id", "string", "uuid", "R"),
            ("description", "string", "", ""),
        ],
        &[("service_id", "service"), ("location_id", "location")],
    ),
    (
        "location",
        "locations.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("location_type", "string", "", "R"),
            ("url", "string", "uri", ""),
            ("organization_id", "string", "uuid", ""),
            ("name", "string", "", ""),
            ("alternate_name", "string", "", ""),
            ("description", "string", "", ""),
            ("transportation", "string", "", ""),
            ("latitude", "number", "", ""),
            ("longitude", "number", "", ""),
            ("external_identifier", "string", "", ""),
            ("external_identifier_type", "string", "", ""),
        ],
        &[("organization_id", "organization")],
    ),
    (
        "phone",
        "phones.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("location_id", "string", "uuid", ""),
            ("service_id", "string", "uuid", ""),
            ("organization_id", "string", "uuid", ""),
            ("contact_id", "string", "uuid", ""),
            ("service_at_location_id", "string", "uuid", ""),
            ("number", "string", "", "R"),
            ("extension", "number", "", ""),
            ("type", "string", "", ""),
            ("description", "string", "", ""),
        ],
        &[
            ("contact_id", "contact"),
            ("location_id", "location"),
            ("organization_id", "organization"),
            ("service_id", "service"),
            ("service_at_location_id", "service_at_location"),
        ],
    ),
    (
        "contact",
        "contacts.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("organization_id", "string", "uuid", ""),
            ("service_id", "string", "uuid", ""),
            ("service_at_location_id", "string", "uuid", ""),
            ("location_id", "string", "uuid", ""),
            ("name", "string", "", ""),
            ("title", "string", "", ""),
            ("department", "string", "", ""),
            ("email", "string", "email", ""),
        ],
        &[
            ("location_id", "location"),
            ("organization_id", "organization"),
            ("service_id", "service"),
            ("service_at_location_id", "service_at_location"),
        ],
    ),
    (
        "address",
        "addresses.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("location_id", "string", "uuid", ""),
            ("attention", "string", "", ""),
            ("address_1", "string", "", "R"),
            ("address_2", "string", "", ""),
            ("city", "string", "", "R"),
            ("region", "string", "", ""),
            ("state_province", "string", "", "R"),
            ("postal_code", "string", "", "R"),
            ("country", "string", "", "R"),
            ("address_type", "string", "", "R"),
        ],
        &[("location_id", "location")],
    ),
    (
        "schedule",
        "schedules.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", ""),
            ("location_id", "string", "uuid", ""),
            ("service_at_location_id", "string", "uuid", ""),
            ("valid_from", "date", "", ""),
            ("valid_to", "date", "", ""),
            ("dtstart", "date", "", ""),
            ("timezone", "number", "", ""),
            ("until", "date", "", ""),
            ("count", "number", "", ""),
            ("wkst", "string", "", ""),
            ("freq", "string", "", ""),
            ("interval", "number", "", ""),
            ("byday", "string", "", ""),
            ("byweekno", "string", "", ""),
            ("bymonthday", "string", "", ""),
            ("byyearday", "string", "", ""),
            ("description", "string", "", ""),
            ("opens_at", "time", "", ""),
            ("closes_at", "time", "", ""),
            ("schedule_link", "string", "uri", ""),
            ("attending_type", "string", "", ""),
            ("notes", "string", "", ""),
        ],
        &[
            ("location_id", "location"),
            ("service_id", "service"),
            ("service_at_location_id", "service_at_location"),
        ],
    ),
    (
        "funding",
        "funding.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("organization_id", "string", "uuid", ""),
            ("service_id", "string", "uuid", ""),
            ("source", "string", "", ""),
        ],
        &[("organization_id", "organization"), ("service_id", "service")],
    ),
    (
        "service_area",
        "service_areas.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", ""),
            ("name", "string", "", ""),
            ("description", "string", "", ""),
            ("extent", "string", "", ""),
            ("extent_type", "string", "", ""),
            ("uri", "string", "", ""),
        ],
        &[("service_id", "service")],
    ),
    (
        "required_document",
        "required_documents.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", ""),
            ("document", "string", "", ""),
            ("uri", "string", "uri", ""),
        ],
        &[("service_id", "service")],
    ),
    (
        "language",
        "languages.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", ""),
            ("location_id", "string", "uuid", ""),
            ("phone_id", "string", "uuid", ""),
            ("name", "string", "", ""),
            ("code", "string", "", ""),
            ("note", "string", "", ""),
        ],
        &[("location_id", "location"), ("phone_id", "phone"), ("service_id", "service")],
    ),
    (
        "accessibility",
        "accessibility.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("location_id", "string", "uuid", ""),
            ("description", "string", "", ""),
            ("details", "string", "", ""),
            ("url", "string", "uri", ""),
        ],
        &[("location_id", "location")],
    ),
    (
        "taxonomy_term",
        "taxonomy_terms.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("code", "string", "", "U"),
            ("name", "string", "", "R"),
            ("description", "string", "", "R"),
            ("parent_id", "string", "uuid", ""),
            ("taxonomy", "string", "", ""),
            ("language", "string", "", ""),
            ("taxonomy_id", "string", "uuid", ""),
            ("term_uri", "string", "uri", ""),
        ],
        &[("taxonomy_id", "taxonomy")],
    ),
    (
        "metadata",
        "metadata.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("resource_id", "string", "uuid", "R"),
            ("resource_type", "string", "", "R"),
            ("last_action_date", "date", "", "R"),
            ("last_action_type", "string", "", "R"),
            ("field_name", "string", "", "R"),
            ("previous_value", "string", "", "R"),
            ("replacement_value", "string", "", "R"),
            ("updated_by", "string", "", "R"),
        ],
        &[],
    ),
    (
        "meta_table_description",
        "meta_table_descriptions.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("name", "string", "", ""),
            ("language", "string", "", ""),
            ("character_set", "string", "", ""),
        ],
        &[],
    ),
    (
        "cost_option",
        "cost_options.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("service_id", "string", "uuid", "R"),
            ("valid_from", "date", "", ""),
            ("valid_to", "date", "", ""),
            ("option", "string", "", ""),
            ("currency", "string", "", ""),
            ("amount", "number", "", ""),
            ("amount_description", "string", "", ""),
        ],
        &[("service_id", "service")],
    ),
    (
        "organization_identifier",
        "organization_identifiers.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("organization_id", "string", "uuid", "R"),
            ("identifier_scheme", "string", "", ""),
            ("identifier_type", "string", "", "R"),
            ("identifier", "string", "", "R"),
        ],
        &[("organization_id", "organization")],
    ),
    (
        "taxonomy",
        "taxonomies.csv",
        &[
            ("id", "string", "uuid", "RU"),
            ("name", "string", "", "R"),
            ("description", "string", "", "R"),
            ("uri", "string", "uri", ""),
            ("version", "string", "", ""),
        ],
        &[],
    ),
];

pub(super) const CHOICES: &[(&str, &str, &[&str])] = &[
    ("service", "status", &["active", "inactive", "defunct", "temporarily closed"]),
    ("location", "location_type", &["physical", "postal", "virtual"]),
    ("address", "address_type", &["physical", "postal", "virtual"]),
    ("schedule", "wkst", &["MO", "TU", "WE", "TH", "FR", "SA", "SU"]),
    ("schedule", "freq", &["WEEKLY", "MONTHLY"]),
];

/// The columns of a file, in the specification's order (empty for a file it does not name).
pub(super) fn columns(path: &str) -> Vec<&'static str> {
    RESOURCES
        .iter()
        .find(|(_, p, _, _)| *p == path)
        .map(|(_, _, fields, _)| fields.iter().map(|f| f.0).collect())
        .unwrap_or_default()
}

/// Every file of the package, in the specification's order.
pub fn files() -> impl Iterator<Item = &'static str> {
    RESOURCES.iter().map(|(_, p, _, _)| *p)
}

/// The data package descriptor of an export: every resource, its fields and constraints, and
/// its references, as HSDS 3.0 defines them.
pub(super) fn datapackage() -> Value {
    let resources: Vec<Value> = RESOURCES
        .iter()
        .map(|(name, path, fields, links)| {
            let fields: Vec<Value> = fields
                .iter()
                .map(|(field, kind, format, flags)| {
                    let mut constraints = Map::new();
                    constraints.insert("required".into(), Value::Bool(flags.contains('R')));
                    constraints.insert("unique".into(), Value::Bool(flags.contains('U')));
                    if let Some((_, _, list)) =
                        CHOICES.iter().find(|(r, f, _)| r == name && f == field)
                    {
                        constraints.insert("enum".into(), json!(list));
                    }
                    let mut f = Map::new();
                    f.insert("name".into(), json!(field));
                    f.insert("type".into(), json!(kind));
                    if !format.is_empty() {
                        f.insert("format".into(), json!(format));
                    }
                    f.insert("constraints".into(), Value::Object(constraints));
                    Value::Object(f)
                })
                .collect();
            let mut schema = Map::new();
            schema.insert("primaryKey".into(), json!("id"));
            schema.insert("fields".into(), Value::Array(fields));
            if !links.is_empty() {
                let keys: Vec<Value> = links
                    .iter()
                    .map(|(field, to)| {
                        json!({"fields": field, "reference": {"resource": to, "fields": "id"}})
                    })
                    .collect();
                schema.insert("foreignKeys".into(), Value::Array(keys));
            }
            json!({
                "name": name,
                "path": path,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "profile": "tabular-data-resource",
                "schema": Value::Object(schema),
            })
        })
        .collect();
    json!({
        "name": "human_services_data",
        "title": "Human Services Data Specification",
        "profile": "tabular-data-package",
        "version": VERSION,
        "homepage": "http://docs.openreferral.org",
        "resources": resources,
    })
}
