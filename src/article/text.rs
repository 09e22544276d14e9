//! Plain-text structure: title, paragraphs, subheadings and boilerplate lines.

use super::boilerplate::{is_boilerplate, split_trailer};

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
    let mut rest: Vec<(String, bool)> = Vec::new();
    for line in
        lines.filter(|l| known_title.is_none_or(|t| strip_heading_marks(l).trim() != t.trim()))
    {
        // A "more by this writer" list glued onto the last sentence is cut off as chrome.
        match split_trailer(&line) {
            Some((text, trailer)) => {
                if !text.is_empty() {
                    rest.push((text.to_string(), false));
                }
                rest.push((trailer.to_string(), true));
            }
            None => rest.push((line, false)),
        }
    }
    Structure {
        title,
        blocks: classify(rest),
    }
}

/// Blocks separated by blank lines; hard-wrapped lines are joined, other
/// lines in a block stand alone.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for chunk in blank_line_split(text) {
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

/// `text.split("\n\n")`, found with memchr's searcher.
fn blank_line_split(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memmem::find_iter(text.as_bytes(), b"\n\n")
        .map(Some)
        .chain([None])
        .map(move |at| {
            let end = at.unwrap_or(text.len());
            let chunk = &text[start..end];
            start = end + 2;
            chunk
        })
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

/// The text of a Markdown (ATX) heading: one to six `#` and a space. A `#`
/// glued to a word is a hashtag, kept as written.
fn heading_text(line: &str) -> Option<&str> {
    let marks = line.len() - line.trim_start_matches('#').len();
    let rest = &line[marks..];
    ((1..=6).contains(&marks) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| rest.trim())
}

fn strip_heading_marks(line: &str) -> &str {
    heading_text(line).unwrap_or(line).trim()
}

/// Classifies lines; a line flagged `true` is already known to be chrome.
fn classify(lines: Vec<(String, bool)>) -> Vec<Block> {
    let mut blocks: Vec<Block> = lines
        .into_iter()
        .map(|(line, chrome)| {
            let heading = heading_text(&line).map(str::to_string);
            let kind = if chrome || is_boilerplate(&line) {
                BlockKind::Boilerplate
            } else if heading.is_some() || !is_prose(&line) {
                BlockKind::Subheading
            } else {
                BlockKind::Paragraph
            };
            Block {
                kind,
                text: heading.unwrap_or(line),
            }
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
pub fn is_prose(line: &str) -> bool {
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
    for word in super::spaces::split_spaces(text) {
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
    fn blank_lines_split_as_str_split_does() {
        for text in ["", "a", "a\n\nb", "\n\n\na\n\n\n\nb\n", "a\nb\n\n\n"] {
            let ours: Vec<&str> = blank_line_split(text).collect();
            assert_eq!(ours, text.split("\n\n").collect::<Vec<_>>(), "{text:?}");
        }
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
    fn a_hashtag_title_keeps_its_mark() {
        let s = structure(
            "#FloodRelief _now\n\nVolunteers gathered at the stadium on Sunday to sort donations.\n",
            None,
        );
        assert_eq!(s.title.as_deref(), Some("#FloodRelief _now"));
        let s = structure(
            "## Real heading\n\nThe council passed the budget on Tuesday night.\n",
            None,
        );
        assert_eq!(s.title.as_deref(), Some("Real heading"));
    }

    #[test]
    fn a_glued_more_by_this_writer_list_is_chrome() {
        let text = "Title\n\nThe river rose again on Sunday, and the town waited. More from this authorThe bridge we lostA winter of rain\n";
        let s = structure(text, None);
        assert_eq!(kinds(&s), [BlockKind::Paragraph, BlockKind::Boilerplate]);
        assert!(
            s.body_text().ends_with("the town waited."),
            "{}",
            s.body_text()
        );
        let ar = "عنوان\n\nوعاد المطر إلى المدينة بعد أسبوع من الجفاف، وفرح الناس بذلك. مقالات أخرى للكاتبليل الشتاءحديث المطر\n";
        assert!(!structure(ar, None).body_text().contains("مقالات"));
    }

    #[test]
    fn a_trailer_glued_to_an_unpunctuated_line_is_chrome_too() {
        let text = "عنوان\n\nيمشي الليل على مهل فوق سطوح المدينة القديمة ولا يلتفت إلى أحد مقالات أخرى للكاتبليل الشتاءحديث المطر\n";
        let body = structure(text, None).body_text();
        assert!(
            body.ends_with("إلى أحد") && !body.contains("مقالات"),
            "{body}"
        );
    }

    #[test]
    fn a_trailer_phrase_inside_a_sentence_stays() {
        for text in [
            "Title\n\nShe took more from this author's notes than from her own, the editor said.\n",
            "Title\n\nThey wanted more from this authority than a statement, residents said on Monday.\n",
            "عنوان\n\nوقرأ الطلاب مقالات أخرى للكاتبة نفسها في الصف خلال الأسبوع الماضي مع معلمهم.\n",
        ] {
            assert_eq!(
                kinds(&structure(text, None)),
                [BlockKind::Paragraph],
                "{text}"
            );
        }
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
