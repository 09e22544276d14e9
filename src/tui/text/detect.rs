//! Who reorders right-to-left text: the config's choice, or in `auto` a guess
//! from the terminal's environment (TEXT.md §5 has the table).

use crate::config::{BidiMode, LinkMode, ShapingMode};

/// How text is put on screen, resolved for this terminal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendering {
    /// newsdesk reorders right-to-left runs itself (`app`).
    pub reorder: bool,
    /// newsdesk joins Arabic letters into their presentation forms.
    pub shape: bool,
    /// Send `CSI 8 l` at start (and `CSI 8 h` at exit) to switch the terminal's own reordering off.
    pub switch_off_terminal_bidi: bool,
    /// What was decided and why, for the help overlay and `config check`.
    pub summary: String,
    /// URLs go out as OSC 8 hyperlinks.
    pub links: bool,
    /// What `hyperlinks = "auto"` means on this terminal, kept for config reloads.
    pub links_auto: bool,
}

impl Rendering {
    /// Follows the config's `hyperlinks` setting.
    pub fn set_links(&mut self, mode: LinkMode) {
        self.links = match mode {
            LinkMode::On => true,
            LinkMode::Off => false,
            LinkMode::Auto => self.links_auto,
        };
    }
}

impl Rendering {
    /// Logical order, nothing changed: for tests of other things and `bidi = "off"`.
    pub fn plain() -> Rendering {
        Rendering {
            reorder: false,
            shape: false,
            switch_off_terminal_bidi: false,
            summary: "bidi off".into(),
            links: false,
            links_auto: false,
        }
    }
}

/// What a terminal does with right-to-left text by itself.
struct Terminal {
    name: &'static str,
    reorders: bool,
    can_switch_off: bool,
    shapes: bool,
}

/// Identifies the terminal from its XTVERSION reply (passed as the pseudo-variable
/// `XTVERSION`), else from environment variables.
fn terminal(env: &dyn Fn(&str) -> Option<String>) -> Terminal {
    let term = env("TERM").unwrap_or_default();
    let program = env("TERM_PROGRAM").unwrap_or_default();
    let said = env("XTVERSION").unwrap_or_default().to_lowercase();
    let says = |name: &str| said.starts_with(name);
    let t = |name, reorders, can_switch_off, shapes| Terminal {
        name,
        reorders,
        can_switch_off,
        shapes,
    };
    if says("xterm") || says("foot") || says("alacritty") {
        t("xterm (by its XTVERSION reply)", false, false, false)
    } else if says("wezterm") {
        t("WezTerm (by its XTVERSION reply)", false, true, true)
    } else if says("kitty") {
        t("kitty (by its XTVERSION reply)", true, false, true)
    } else if says("konsole") || says("mlterm") {
        t(
            "Konsole or mlterm (by its XTVERSION reply)",
            true,
            false,
            true,
        )
    } else if says("vte") {
        t("a VTE terminal (by its XTVERSION reply)", true, true, true)
    } else if env("TMUX").is_some()
        || says("tmux")
        || term.starts_with("tmux")
        || term.starts_with("screen")
    {
        // tmux does not reorder; the terminal outside it may, and only hears CSI 8 l by passthrough.
        t("tmux", false, true, false)
    } else if env("KONSOLE_VERSION").is_some() {
        t("Konsole", true, false, true)
    } else if env("VTE_VERSION").is_some() {
        t("a VTE terminal (GNOME Terminal, Tilix…)", true, true, true)
    } else if program == "WezTerm" || env("WEZTERM_EXECUTABLE").is_some() {
        t("WezTerm", false, true, true)
    } else if env("KITTY_WINDOW_ID").is_some() || term == "xterm-kitty" {
        t("kitty", true, false, true)
    } else if program == "Apple_Terminal" || env("MLTERM").is_some() {
        t(
            "a terminal that reorders (Terminal.app, mlterm)",
            true,
            false,
            true,
        )
    } else if env("WT_SESSION").is_some() {
        t("Windows Terminal", false, false, false)
    } else if env("ALACRITTY_SOCKET").is_some()
        || env("ALACRITTY_LOG").is_some()
        || term == "alacritty"
    {
        t("Alacritty", false, false, false)
    } else if term == "linux" {
        // Its fonts lack the presentation forms shaping would use: leave letters as they are.
        t("the Linux console", false, false, true)
    } else if env("XTERM_VERSION").is_some() {
        t("xterm", false, false, false)
    } else {
        t(
            "an unknown terminal, taken as one that does not reorder",
            false,
            false,
            false,
        )
    }
}

/// Decides who reorders and who shapes.
pub fn resolve(
    bidi: BidiMode,
    shaping: ShapingMode,
    env: &dyn Fn(&str) -> Option<String>,
) -> Rendering {
    let term = terminal(env);
    let (reorder, why) = match bidi {
        BidiMode::App => (true, "bidi = \"app\"".to_string()),
        BidiMode::Terminal => (false, "bidi = \"terminal\"".to_string()),
        BidiMode::Off => return Rendering::plain(),
        // A terminal that reorders and cannot be told not to must do it alone,
        // or the text is reversed twice.
        BidiMode::Auto if term.reorders && !term.can_switch_off => {
            (false, format!("{} reorders by itself", term.name))
        }
        BidiMode::Auto => (true, format!("{} draws in logical order", term.name)),
    };
    let shape = match shaping {
        ShapingMode::App => true,
        ShapingMode::Off => false,
        ShapingMode::Auto => reorder && !term.shapes,
    };
    let who = if reorder {
        "newsdesk reorders right-to-left text"
    } else {
        "the terminal reorders right-to-left text"
    };
    let shaped = if shape {
        ", and joins Arabic letters"
    } else {
        ""
    };
    Rendering {
        reorder,
        shape,
        switch_off_terminal_bidi: reorder,
        summary: format!("{who}{shaped} ({why})"),
        links: false,
        links_auto: false,
    }
}

/// Whether to send OSC 8 hyperlinks. Most terminals either follow them or ignore
/// them silently; the Linux console and GNU screen would print them as text.
pub fn hyperlinks(mode: LinkMode, env: &dyn Fn(&str) -> Option<String>) -> bool {
    let term = env("TERM").unwrap_or_default();
    let screen = term.starts_with("screen") && env("TMUX").is_none() && env("STY").is_some();
    match mode {
        LinkMode::On => true,
        LinkMode::Off => false,
        LinkMode::Auto => !(term == "linux" || term == "dumb" || term.is_empty() || screen),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn hyperlinks_are_on_except_where_they_would_print() {
        let auto = |vars: &[(&str, &str)]| hyperlinks(LinkMode::Auto, &with(vars));
        assert!(auto(&[("TERM", "xterm-256color")]));
        assert!(auto(&[("TERM", "tmux-256color"), ("TMUX", "/tmp/x")]));
        assert!(auto(&[("TERM", "screen-256color"), ("TMUX", "/tmp/x")]));
        assert!(!auto(&[("TERM", "linux")]));
        assert!(!auto(&[("TERM", "dumb")]));
        assert!(!auto(&[]));
        assert!(!auto(&[("TERM", "screen"), ("STY", "1234.pts-0")]));
        assert!(hyperlinks(LinkMode::On, &with(&[("TERM", "linux")])));
        assert!(!hyperlinks(LinkMode::Off, &with(&[("TERM", "xterm")])));
    }

    #[test]
    fn auto_follows_the_terminal() {
        let r = resolve(
            BidiMode::Auto,
            ShapingMode::Auto,
            &with(&[("TERM", "xterm-256color"), ("XTERM_VERSION", "390")]),
        );
        assert!(r.reorder && r.shape && r.switch_off_terminal_bidi, "{r:?}");
        let r = resolve(
            BidiMode::Auto,
            ShapingMode::Auto,
            &with(&[("KONSOLE_VERSION", "230800")]),
        );
        assert!(
            !r.reorder && !r.shape,
            "Konsole cannot be switched off: {r:?}"
        );
        let r = resolve(
            BidiMode::Auto,
            ShapingMode::Auto,
            &with(&[("VTE_VERSION", "7600")]),
        );
        assert!(r.reorder && r.switch_off_terminal_bidi && !r.shape, "{r:?}");
        let r = resolve(
            BidiMode::Auto,
            ShapingMode::Auto,
            &with(&[("TERM", "tmux-256color"), ("TMUX", "/tmp/x")]),
        );
        assert!(r.reorder, "{r:?}");
        let r = resolve(
            BidiMode::Auto,
            ShapingMode::Auto,
            &with(&[("TERM", "xterm-kitty")]),
        );
        assert!(!r.reorder, "{r:?}");
    }

    #[test]
    fn explicit_settings_win() {
        let env = with(&[("KONSOLE_VERSION", "1")]);
        assert!(resolve(BidiMode::App, ShapingMode::Off, &env).reorder);
        assert!(!resolve(BidiMode::App, ShapingMode::Off, &env).shape);
        assert!(!resolve(BidiMode::Terminal, ShapingMode::App, &with(&[])).reorder);
        assert_eq!(
            resolve(BidiMode::Off, ShapingMode::App, &with(&[])),
            Rendering::plain()
        );
    }
}
