//! The README's config reference and the bundled config.toml state the real defaults:
//! neither can drift from the code.

use std::path::Path;

use newsdesk::config::{BUILTIN, Config};

fn parse(text: &str) -> Config {
    Config::parse(text, Path::new("t.toml"), Path::new("/desk"))
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
}

#[test]
fn readme_defaults_are_the_code_defaults() {
    let readme = include_str!("../README.md");
    let defaults = parse("");
    let mut checked = 0;
    for row in readme.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let (Some(key), Some(default)) = (cells.get(1), cells.get(2)) else {
            continue;
        };
        let (key, default) = (key.trim_matches('`'), default.trim_matches('`'));
        if !(default.starts_with('"') || default == "false" || default == "true")
            || key.contains(' ') && !key.starts_with('[')
        {
            continue;
        }
        let toml = match key.split_once("] ") {
            Some((section, name)) => format!("{section}]\n{name} = {default}\n"),
            None => format!("{key} = {default}\n"),
        };
        assert_eq!(
            parse(&toml),
            defaults,
            "README says {key} defaults to {default}"
        );
        checked += 1;
    }
    assert!(
        checked >= 8,
        "only {checked} rows of the config table were checked"
    );
}

#[test]
fn the_bundled_config_states_the_code_defaults() {
    let bundled = parse(BUILTIN);
    let defaults = parse("");
    assert_eq!(bundled.display, defaults.display);
    assert_eq!(bundled.theme, defaults.theme);
    assert_eq!(bundled.watch, defaults.watch);
    assert_eq!(
        (bundled.inbox, bundled.skip),
        (defaults.inbox, defaults.skip)
    );
}
