//! The data side of `exec`: placeholders in arguments and `NEWSDESK_*` variables.
//! Running the command is the CLI's job (`cli::exec`); nothing here touches a process.

use std::path::Path;

use crate::article::Article;

/// The placeholders an `exec` argument may hold; each is also `NEWSDESK_<NAME>` in the
/// command's environment.
pub const PLACEHOLDERS: [&str; 13] = [
    "path", "name", "id", "title", "lang", "category", "rule", "source", "url", "author", "date",
    "tags", "priority",
];

/// Programs whose script argument would run placeholder text as code, and the option
/// that introduces the script.
const INTERPRETERS: [(&str, char); 12] = [
    ("sh", 'c'),
    ("bash", 'c'),
    ("dash", 'c'),
    ("zsh", 'c'),
    ("ksh", 'c'),
    ("mksh", 'c'),
    ("ash", 'c'),
    ("fish", 'c'),
    ("python", 'c'),
    ("python3", 'c'),
    ("perl", 'e'),
    ("node", 'e'),
];

/// An item's fields as a command gets them, one value per placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    values: Vec<(&'static str, String)>,
}

impl Fields {
    /// The fields of `article`, now at `path`, for `rule`; `category` is where it was
    /// filed (if it was), `tags` and `priority` what the rules gave it.
    pub fn new(
        article: &Article,
        path: &Path,
        rule: &str,
        category: Option<&str>,
        tags: &[String],
        priority: Option<i64>,
    ) -> Fields {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let values = vec![
            ("path", path.to_string_lossy().into_owned()),
            ("name", name),
            ("id", article.id.clone()),
            ("title", article.title.clone()),
            ("lang", opt(&article.lang)),
            ("category", category.unwrap_or_default().to_string()),
            ("rule", rule.to_string()),
            ("source", opt(&article.source)),
            ("url", opt(&article.url)),
            ("author", opt(&article.author)),
            ("date", opt(&article.date)),
            ("tags", tags.join(",")),
            (
                "priority",
                priority.map(|p| p.to_string()).unwrap_or_default(),
            ),
        ];
        Fields { values }
    }

    /// The value of a placeholder.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The argv with placeholders replaced in each argument after the program. Each
/// argument stays one argument whatever the values hold (never re-split), and
/// substituted text is not scanned again, so a title holding `{path}` stays as it is.
pub fn substitute(argv: &[String], fields: &Fields) -> Vec<String> {
    let mut out = argv.to_vec();
    for arg in out.iter_mut().skip(1) {
        *arg = substitute_one(arg, fields);
    }
    out
}

fn substitute_one(arg: &str, fields: &Fields) -> String {
    let mut out = String::with_capacity(arg.len());
    let mut rest = arg;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, fields.get(&after[..close])?)))
        {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `NEWSDESK_PATH`, `NEWSDESK_TITLE`, … for every field.
pub fn environment(fields: &Fields) -> Vec<(String, String)> {
    fields
        .values
        .iter()
        .map(|(k, v)| (format!("NEWSDESK_{}", k.to_ascii_uppercase()), v.clone()))
        .collect()
}

/// `{word}`s of an argument that look like placeholders but are not (typos like `{titel}`).
pub fn unknown_placeholders(arg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = arg;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let word = &after[..close];
        let looks = !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        if looks && !PLACEHOLDERS.contains(&word) {
            out.push(format!("{{{word}}}"));
        }
        rest = after;
    }
    out
}

fn has_placeholder(arg: &str) -> bool {
    PLACEHOLDERS
        .iter()
        .any(|p| arg.contains(&format!("{{{p}}}")))
}

/// The script argument of `sh -c SCRIPT` (and bash, python -c, perl -e, …) when it
/// holds a placeholder: the item's text would run as code there. Best effort: it
/// knows common interpreters by name, not every way to start one.
pub fn script_placeholder(argv: &[String]) -> Option<&str> {
    let program = Path::new(argv.first()?).file_name()?.to_str()?;
    let (_, flag) = INTERPRETERS.iter().find(|(name, _)| *name == program)?;
    let mut script_next = false;
    for arg in &argv[1..] {
        if script_next {
            return has_placeholder(arg).then_some(arg.as_str());
        }
        if arg.starts_with('-') && !arg.starts_with("--") && arg[1..].contains(*flag) {
            if has_placeholder(arg) {
                return Some(arg);
            }
            script_next = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> Fields {
        let article = Article {
            id: "abc".into(),
            title: "Idlib {path} $(rm -rf ~) \"quoted\"".into(),
            lang: Some("en".into()),
            ..Article::default()
        };
        Fields::new(
            &article,
            Path::new("/desk/filed/syria/a b.txt"),
            "idlib",
            Some("syria"),
            &["x".into(), "y".into()],
            Some(3),
        )
    }

    fn argv(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn placeholders_are_replaced_per_argument_and_never_rescanned() {
        let out = substitute(
            &argv(&[
                "{title}",
                "--file={path}",
                "{title}",
                "{nope} {",
                "{id}{rule}",
            ]),
            &fields(),
        );
        assert_eq!(out[0], "{title}", "the program is never substituted");
        assert_eq!(out[1], "--file=/desk/filed/syria/a b.txt");
        assert_eq!(out[2], "Idlib {path} $(rm -rf ~) \"quoted\"");
        assert_eq!(out[3], "{nope} {");
        assert_eq!(out[4], "abcidlib");
    }

    #[test]
    fn every_field_is_in_the_environment() {
        let env = environment(&fields());
        let get = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("NEWSDESK_PATH"), Some("/desk/filed/syria/a b.txt"));
        assert_eq!(get("NEWSDESK_NAME"), Some("a b.txt"));
        assert_eq!(get("NEWSDESK_RULE"), Some("idlib"));
        assert_eq!(get("NEWSDESK_TAGS"), Some("x,y"));
        assert_eq!(get("NEWSDESK_PRIORITY"), Some("3"));
        assert_eq!(env.len(), PLACEHOLDERS.len());
    }

    #[test]
    fn typos_and_shell_scripts_with_placeholders_are_found() {
        assert_eq!(
            unknown_placeholders("{titel} {path} {} awk{print $1}"),
            ["{titel}"]
        );
        assert_eq!(
            script_placeholder(&argv(&["sh", "-c", "echo {title}"])),
            Some("echo {title}")
        );
        assert_eq!(
            script_placeholder(&argv(&["/bin/bash", "-ec", "x {path}"])),
            Some("x {path}")
        );
        assert_eq!(
            script_placeholder(&argv(&["sh", "-c", "echo \"$1\"", "sh", "{title}"])),
            None
        );
        assert_eq!(script_placeholder(&argv(&["notify-send", "{title}"])), None);
        assert_eq!(
            script_placeholder(&argv(&["python3", "-c", "print('{title}')"])),
            Some("print('{title}')")
        );
    }
}
