//! Broken configs live as files in tests/configs, one per failure mode; each opens with
//! `# expect: …` lines giving substrings of its message (file:line:col included).

use std::fs;
use std::path::Path;
use std::process::Command;

use super::harness::BIN;

/// The `# expect:` lines at the top of a config file.
fn expectations(text: &str) -> Vec<&str> {
    text.lines()
        .map_while(|l| l.strip_prefix("# expect: "))
        .collect()
}

#[test]
fn every_broken_config_fails_check_with_its_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/configs");
    let mut checked = 0;
    for entry in fs::read_dir(&dir).expect("tests/configs") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        let text = fs::read_to_string(&path).expect("read config");
        let expected = expectations(&text);
        assert!(
            !expected.is_empty(),
            "{name}: the first line must be `# expect: …`"
        );
        // Run from the folder so the message names the file as given: `NAME:line:col: …`.
        let out = Command::new(BIN)
            .current_dir(&dir)
            .env_remove("NEWSDESK_CONFIG")
            .args(["--config", &name, "config", "check"])
            .output()
            .expect("run newsdesk");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: exit code; stderr: {stderr}"
        );
        assert!(
            out.stdout.is_empty(),
            "{name}: stdout {}",
            String::from_utf8_lossy(&out.stdout)
        );
        for want in expected {
            assert!(
                stderr.contains(want),
                "{name}:\n want: {want}\n  got: {stderr}"
            );
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} broken configs found");
}

#[test]
fn the_bundled_config_checks_clean() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(BIN)
        .current_dir(repo)
        .env_remove("NEWSDESK_CONFIG")
        .args(["--config", "config.toml", "config", "check"])
        .output()
        .expect("run newsdesk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("config.toml: ok (5 categories"));
}

#[test]
fn a_missing_config_file_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .env_remove("NEWSDESK_CONFIG")
        .args(["--config", "nowhere.toml", "config", "check"])
        .output()
        .expect("run newsdesk");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nowhere.toml: cannot read config"));
}
