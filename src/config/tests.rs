//! The bundled config loads; each broken config gives its message at its place.

use std::path::Path;

use super::*;

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, Path::new("test.toml"), Path::new("/desk"))
}

fn error(text: &str) -> String {
    parse(text)
        .expect_err("config should be refused")
        .to_string()
}

#[test]
fn bundled_config_loads_and_lists_exactly_the_default_keys() {
    let config = parse(BUILTIN).expect("bundled config");
    assert_eq!(config.inbox, Path::new("/desk/inbox"));
    assert_eq!(config.categories.len(), 5);
    let syria = config.category("syria").expect("syria");
    assert_eq!(syria.folder, Path::new("/desk/filed/syria"));
    let raw: Raw = toml::from_str(BUILTIN).expect("raw");
    let listed: BTreeMap<String, Action> = raw
        .keys
        .into_iter()
        .map(|(k, a)| (k.into_inner(), a))
        .collect();
    let defaults: BTreeMap<String, Action> = default_bindings()
        .into_iter()
        .map(|(k, a)| (k.to_string(), a))
        .collect();
    assert_eq!(
        listed, defaults,
        "config.toml [keys] and keymap::default_bindings drifted"
    );
    assert_eq!(
        config.bindings.get(&"1".parse().expect("key")),
        Some(&Action::FileInto("syria".into()))
    );
}

#[test]
fn empty_config_uses_defaults() {
    let config = parse("").expect("empty config");
    assert_eq!(config.skip, Path::new("/desk/skipped"));
    assert_eq!(
        config.bindings.get(&"q".parse().expect("key")),
        Some(&Action::Quit)
    );
}

#[test]
fn unknown_field_is_reported_with_line_and_column() {
    let e = error("inbox = \"in\"\ninboks = \"x\"\n");
    assert!(
        e.starts_with("test.toml:2:1: unknown field `inboks`"),
        "{e}"
    );
}

#[test]
fn unknown_action_lists_valid_names() {
    let e = error("[keys]\n\"j\" = \"slect_next\"\n");
    assert!(e.starts_with("test.toml:2:7:"), "{e}");
    assert!(e.contains("slect_next") && e.contains("select_next"), "{e}");
}

#[test]
fn bad_key_string() {
    let e = error("[keys]\n\"ctrl-jj\" = \"quit\"\n");
    assert!(
        e.starts_with("test.toml:2:1: unknown key \"ctrl-jj\""),
        "{e}"
    );
}

#[test]
fn two_categories_on_one_key() {
    let e =
        error("[[category]]\nname = \"a\"\nkey = \"1\"\n[[category]]\nname = \"b\"\nkey = \"1\"\n");
    assert_eq!(e, "test.toml:6:7: key 1 is given to both \"a\" and \"b\"");
}

#[test]
fn category_folder_inside_the_inbox() {
    let e = error("[[category]]\nname = \"a\"\nfolder = \"inbox/a\"\n");
    assert!(
        e.starts_with(
            "test.toml:3:10: the folder of category \"a\" is /desk/inbox/a, which is inside"
        ),
        "{e}"
    );
}

#[test]
fn two_categories_share_a_folder() {
    let e = error(
        "[[category]]\nname = \"a\"\nfolder = \"x\"\n[[category]]\nname = \"b\"\nfolder = \"x/\"\n",
    );
    assert!(
        e.starts_with("test.toml:6:10: categories \"a\" and \"b\" share the folder"),
        "{e}"
    );
}

#[test]
fn category_key_clashes_with_a_binding() {
    let e = error("[[category]]\nname = \"a\"\nkey = \"q\"\n[keys]\n\"q\" = \"quit\"\n");
    assert!(
        e.starts_with("test.toml:5:1: key q is bound in [keys] and also to category \"a\""),
        "{e}"
    );
}

#[test]
fn file_into_unknown_category() {
    let e = error("[keys]\n\"f\" = { file_into = \"nowhere\" }\n");
    assert!(
        e.contains("files into \"nowhere\", which is not a category"),
        "{e}"
    );
}

#[test]
fn syntax_error_and_bad_enum_value() {
    let e = error("inbox = \"unterminated\n");
    assert!(e.starts_with("test.toml:1:"), "{e}");
    let e = error("[display]\nbidi = \"sideways\"\n");
    assert!(
        e.starts_with("test.toml:2:8:") && e.contains("terminal"),
        "{e}"
    );
}

#[test]
fn processed_folder_resolves_and_must_stand_apart() {
    assert_eq!(
        parse("").expect("defaults").processed,
        Path::new("/desk/processed")
    );
    let config = parse("processed = \"done/feeds\"\n").expect("processed set");
    assert_eq!(config.processed, Path::new("/desk/done/feeds"));
    let e = error("processed = \"inbox/feeds\"\n");
    assert!(e.starts_with("test.toml:1:13: the processed folder"), "{e}");
    assert!(e.contains("inside the inbox"), "{e}");
    let e = error("processed = \"skipped\"\n");
    assert!(e.contains("is the skip folder"), "{e}");
    let e = error("processed = \"news\"\n[[category]]\nname = \"news\"\n");
    assert!(e.contains("folder of category \"news\""), "{e}");
}
