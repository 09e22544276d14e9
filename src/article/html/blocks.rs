//! A DOM subtree to blocks of text in reading order, without recursion.

use dom_query::NodeRef;

/// One block of text found in the markup, before classification.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    pub text: String,
    /// Inside `<h1>`…`<h6>`.
    pub heading: bool,
    /// Most of its text is link text: a list of related stories, a tag cloud.
    pub linked: bool,
    /// Inside `<figure>` or `<figcaption>`: a caption or a credit.
    pub caption: bool,
}

/// How much of the markup counts as content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    /// Already the article (readability's output): only never-text elements are dropped.
    Article,
    /// A whole page or a fragment nobody cleaned: navigation, banners, forms and
    /// share/comment/cookie boxes are dropped too.
    Chrome,
}

/// Elements whose text is never article text.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "button", "select", "option", "input", "textarea", "canvas", "audio", "video", "head", "title",
    "meta", "link",
];

/// Elements that hold a page's chrome rather than its article.
const CHROME: &[&str] = &["nav", "aside", "footer", "header", "form", "menu", "dialog"];

/// Class or id fragments of chrome boxes (matched on lower-cased attribute values).
const CHROME_MARKS: &[&str] = &[
    "cookie",
    "consent",
    "gdpr",
    "share",
    "social",
    "comment",
    "newsletter",
    "subscribe",
    "related",
    "promo",
    "advert",
    "sidebar",
    "breadcrumb",
    "navbar",
    "menu",
    "popup",
    "modal",
    "banner",
    "signup",
    "paywall",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "table",
    "tr",
    "caption",
    "thead",
    "tbody",
    "tfoot",
    "header",
    "footer",
    "aside",
    "nav",
    "address",
    "hr",
    "details",
    "summary",
    "center",
    "fieldset",
    "legend",
    "hgroup",
    "body",
    "html",
    "form",
];

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Collects text into blocks: whitespace collapsed, a block per block element,
/// a new line of the block at `<br>`.
#[derive(Default)]
struct Collector {
    blocks: Vec<RawBlock>,
    text: String,
    space: bool,
    headings: usize,
    links: usize,
    captions: usize,
    linked_bytes: usize,
}

impl Collector {
    fn push_text(&mut self, raw: &str) {
        for (i, part) in raw.split(|c: char| c.is_whitespace()).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if part.is_empty() {
                continue;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(part);
            if self.links > 0 {
                self.linked_bytes += part.len();
            }
        }
    }

    fn flush(&mut self) {
        self.space = false;
        let linked = std::mem::take(&mut self.linked_bytes);
        if self.text.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.text);
        self.blocks.push(RawBlock {
            linked: linked * 10 >= text.len() * 6,
            text,
            heading: self.headings > 0,
            caption: self.captions > 0,
        });
    }

    fn cell_gap(&mut self) {
        if !self.text.is_empty() {
            self.text.push_str(" | ");
            self.space = false;
        }
    }
}

/// Is this element one to leave out, with everything in it?
fn skipped(node: &NodeRef, name: &str, filter: Filter) -> bool {
    if NEVER_TEXT.contains(&name) || node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.as_ref() == "true")
    {
        return true;
    }
    if filter == Filter::Article {
        return false;
    }
    if CHROME.contains(&name) {
        return true;
    }
    if let Some(role) = node.attr("role")
        && matches!(
            role.as_ref(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "dialog" | "alertdialog"
        )
    {
        return true;
    }
    let marks = |attr: &str| {
        node.attr(attr).is_some_and(|v| {
            let v = v.to_ascii_lowercase();
            CHROME_MARKS.iter().any(|m| v.contains(m))
        })
    };
    // The body and the main container may carry page-wide classes ("has-sidebar").
    !matches!(name, "body" | "html" | "main" | "article") && (marks("class") || marks("id"))
}

/// The blocks of text under `root`, in document order. Iterative: a page nested
/// ten thousand levels deep walks like a flat one.
pub fn blocks(root: &NodeRef, filter: Filter) -> Vec<RawBlock> {
    let mut c = Collector::default();
    let mut open: Vec<Open> = Vec::new();
    let mut next = root.first_child();
    while let Some(node) = next {
        let mut descend = false;
        if node.is_text() {
            c.push_text(&node.text());
        } else if let Some(name) = node.node_name() {
            let name = name.as_ref();
            if !skipped(&node, name, filter) {
                let kind = Open {
                    node,
                    block: BLOCK.contains(&name),
                    heading: is_heading(name),
                    link: name == "a",
                    caption: matches!(name, "figure" | "figcaption"),
                };
                match name {
                    "br" => c.flush(),
                    "td" | "th" => c.cell_gap(),
                    _ if kind.block => c.flush(),
                    _ => {}
                }
                c.headings += usize::from(kind.heading);
                c.links += usize::from(kind.link);
                c.captions += usize::from(kind.caption);
                if node.first_child().is_some() {
                    open.push(kind);
                    descend = true;
                } else {
                    close(&mut c, &kind);
                }
            }
        }
        next = if descend {
            node.first_child()
        } else {
            following(node, &mut open, &mut c)
        };
    }
    c.flush();
    c.blocks
}

/// An element being walked, and what it means for the text inside it.
struct Open<'a> {
    node: NodeRef<'a>,
    block: bool,
    heading: bool,
    link: bool,
    caption: bool,
}

fn close(c: &mut Collector, open: &Open) {
    if open.block || open.heading {
        c.flush();
    }
    c.headings -= usize::from(open.heading);
    c.links -= usize::from(open.link);
    c.captions -= usize::from(open.caption);
}

/// The next node after `node`'s subtree: its sibling, or an ancestor's, closing
/// the elements left on the way up.
fn following<'a>(
    node: NodeRef<'a>,
    open: &mut Vec<Open<'a>>,
    c: &mut Collector,
) -> Option<NodeRef<'a>> {
    let mut at = node;
    loop {
        if let Some(sibling) = at.next_sibling() {
            return Some(sibling);
        }
        let parent = open.pop()?;
        close(c, &parent);
        at = parent.node;
    }
}
