//! Plain-text structure: title, paragraphs, subheadings and boilerplate lines.

use super::boilerplate::is_boilerplate;

/// What a block of text is within an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A short unpunctuated line between paragraphs, or a Markdown heading.
    Subheading,
    /// A short line before the first paragraph: a dateline or byline.
    Preamble,
    /// Site chrome: "Read more", share buttons, back-to-top links.
    Boilerplate,
}

/// One block of an article's body, in reading order.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
}

/// An article's text split into a title and classified blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

impl Structure {
    /// The blocks a reader shows: everything except boilerplate.
    pub fn content(&self) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(|b| b.kind != BlockKind::Boilerplate)
    }

    /// The body as plain text, blocks separated by blank lines.
    pub fn body_text(&self) -> String {
        let parts: Vec<&str> = self.content().map(|b| b.text.as_str()).collect();
        parts.join("\n\n")
    }

    /// Blocks of the given kind.
    pub fn of_kind(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }
}

/// Splits text into a title (the first real line, unless `known_title` is
/// given) and classified blocks.
pub fn structure(text: &str, known_title: Option<&str>) -> Structure {
    let mut lines = paragraphs(text).into_iter();
    let mut title = None;
    if known_title.is_none() {
        for line in lines.by_ref() {
            if !is_boilerplate(&line) {
                title = Some(strip_heading_marks(&line).to_string());
                break;
            }
        }
    }
    let rest: Vec<String> = lines
        .filter(|l| known_title.is_none_or(|t| strip_heading_marks(l).trim() != t.trim()))
        .collect();
    Structure {
        title,
        blocks: classify(rest),
    }
}

/// Blocks separated by blank lines; hard-wrapped lines are joined, other
/// lines in a block stand alone.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n") {
        let lines: Vec<&str> = chunk
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            continue;
        }
        if is_hard_wrapped(&lines) {
            out.push(lines.join(" "));
        } else {
            out.extend(lines.iter().map(|l| l.to_string()));
        }
    }
    out
}

/// Lines of similar length, none very long, none a heading or list item: a
/// paragraph wrapped by its writer's editor.
fn is_hard_wrapped(lines: &[&str]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    let max = widths.iter().copied().max().unwrap_or(0);
    let body = &widths[..widths.len() - 1];
    (40..=100).contains(&max)
        && body.iter().all(|&w| w * 10 >= max * 6)
        && !lines
            .iter()
            .any(|l| l.starts_with(['#', '-', '*', '>', '|']))
}

fn strip_heading_marks(line: &str) -> &str {
    line.trim_start_matches('#').trim()
}

fn classify(lines: Vec<String>) -> Vec<Block> {
    let mut blocks: Vec<Block> = lines
        .into_iter()
        .map(|line| {
            let kind = if is_boilerplate(&line) {
                BlockKind::Boilerplate
            } else if line.starts_with('#') || !is_prose(&line) {
                BlockKind::Subheading
            } else {
                BlockKind::Paragraph
            };
            let text = if line.starts_with('#') {
                strip_heading_marks(&line).to_string()
            } else {
                line
            };
            Block { kind, text }
        })
        .collect();
    let first = blocks.iter().position(|b| b.kind == BlockKind::Paragraph);
    let last = blocks.iter().rposition(|b| b.kind == BlockKind::Paragraph);
    for (i, block) in blocks.iter_mut().enumerate() {
        if block.kind != BlockKind::Subheading {
            continue;
        }
        if first.is_none_or(|f| i < f) {
            block.kind = BlockKind::Preamble;
        } else if last.is_some_and(|l| i > l) && word_count(&block.text) <= 8 {
            // Short lines after the last paragraph are the site's chrome.
            block.kind = BlockKind::Boilerplate;
        }
    }
    blocks
}

/// Running text: long, or a sentence that ends with its punctuation.
fn is_prose(line: &str) -> bool {
    let needed = if ends_sentence(line) { 4 } else { 25 };
    words_up_to(line, needed) >= needed
}

/// Does the line end with sentence-final punctuation (closing quotes allowed)?
pub fn ends_sentence(line: &str) -> bool {
    let trimmed = line.trim_end_matches(['”', '»', '"', '\'', ')', '’', '」', ' ']);
    trimmed.ends_with(['.', '!', '?', '؟', '…', '。', '！', '？', '؛'])
}

/// Words for judging a line's shape: space-separated words, and one word for
/// every two CJK characters (written without spaces).
pub fn word_count(text: &str) -> usize {
    words_up_to(text, usize::MAX)
}

/// [`word_count`], but stops counting at `cap`: a long paragraph is not read to
/// its end just to learn that it is long.
fn words_up_to(text: &str, cap: usize) -> usize {
    let (mut spaced, mut cjk) = (0, 0);
    for word in super::words::split_spaces(text) {
        let (mut chars, mut in_cjk) = (0, 0);
        for c in word.chars() {
            chars += 1;
            in_cjk += usize::from(super::lang::is_cjk(c));
        }
        spaced += usize::from(in_cjk < chars);
        cjk += in_cjk;
        if spaced + cjk / 2 >= cap {
            break;
        }
    }
    spaced + cjk / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &Structure) -> Vec<BlockKind> {
        s.blocks.iter().map(|b| b.kind).collect()
    }

    #[test]
    fn title_paragraphs_subheading_and_trailing_chrome() {
        let text = "Storm hits the coast\n\nA storm hit the coast on Monday, cutting power to thousands of homes.\n\nWhat comes next\n\nOfficials said repairs would take a week or more to finish.\n\nShare\nBack to top\n";
        let s = structure(text, None);
        assert_eq!(s.title.as_deref(), Some("Storm hits the coast"));
        use BlockKind::*;
        assert_eq!(
            kinds(&s),
            [Paragraph, Subheading, Paragraph, Boilerplate, Boilerplate]
        );
        assert!(!s.body_text().contains("Share"));
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let text = "Title\n\nThe council met on Tuesday evening to discuss the new\nbudget, which cuts spending on roads by a tenth and\nraises fees.\n";
        let s = structure(text, None);
        assert_eq!(s.blocks.len(), 1);
        assert!(s.blocks[0].text.starts_with("The council met"));
        assert!(s.blocks[0].text.ends_with("raises fees."));
    }

    #[test]
    fn short_lines_before_the_first_paragraph_are_preamble() {
        let text = "Title\n\nBy Jane Roe\n\nThe council met on Tuesday to discuss the budget for next year.\n";
        let s = structure(text, None);
        assert_eq!(kinds(&s), [BlockKind::Preamble, BlockKind::Paragraph]);
    }

    #[test]
    fn known_title_is_not_repeated_in_the_body() {
        let s = structure(
            "# Budget passes\n\nThe council passed the budget on Tuesday night.\n",
            Some("Budget passes"),
        );
        assert_eq!(s.title, None);
        assert_eq!(kinds(&s), [BlockKind::Paragraph]);
    }
}
