//! The app's vocabulary: every thing a key can do. Names reach config.toml in snake_case.

use serde::{Deserialize, Serialize};

/// Declares [`Action`] with each variant's doc line, which is also its help text.
macro_rules! actions {
    ($( #[doc = $doc:literal] $name:ident $(($arg:ty))? ),* $(,)?) => {
        /// Something a person can ask of newsdesk with one key.
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Action {
            $( #[doc = $doc] $name $(($arg))?, )*
        }

        impl Action {
            /// The one-line help text of this action.
            pub fn doc(&self) -> &'static str {
                match self {
                    $( Self::$name { .. } => $doc.trim(), )*
                }
            }
        }
    };
}

actions! {
    /// Move down one item
    SelectNext,
    /// Move up one item
    SelectPrev,
    /// Move down one page
    PageDown,
    /// Move up one page
    PageUp,
    /// Go to the first item
    SelectFirst,
    /// Go to the last item
    SelectLast,
    /// File the selected or marked items into a category
    FileInto(String),
    /// File into the category the rules suggest
    AcceptSuggestion,
    /// Move the selected or marked items to the skip folder
    Skip,
    /// Undo the last move you made (again for earlier ones)
    Undo,
    /// Mark or unmark the selected item
    ToggleMark,
    /// Clear all marks
    ClearMarks,
    /// Show one row per story, copies grouped (again to show every copy)
    GroupClusters,
    /// Read the selected item in full
    OpenReader,
    /// Leave the reader, help or prompt
    Back,
    /// Scroll the reader down
    ScrollDown,
    /// Scroll the reader up
    ScrollUp,
    /// Show the next item in the reader
    NextItem,
    /// Show the previous item in the reader
    PrevItem,
    /// Open the item's file in $PAGER
    OpenPager,
    /// Open the item's file in $EDITOR
    OpenEditor,
    /// Filter the list by a search
    Search,
    /// Change the sort order
    CycleSort,
    /// Show only a saved view's items (again: every item)
    View(String),
    /// Show the next saved view
    NextView,
    /// Show the previous saved view
    PrevView,
    /// Show or hide this help
    Help,
    /// Show desk statistics: arrivals, filings, throughput
    Stats,
    /// Copy the item's title to the clipboard (OSC 52, works over SSH)
    CopyTitle,
    /// Copy the item's URL to the clipboard
    CopyUrl,
    /// Copy the item's file path to the clipboard
    CopyPath,
    /// Suspend to the shell (fg to return)
    Suspend,
    /// Redraw the screen
    Redraw,
    /// Quit newsdesk
    Quit,
}

#[cfg(test)]
mod tests {
    use super::Action;

    #[test]
    fn names_are_snake_case_and_docs_are_lines() {
        let a: Action = toml::Value::String("select_next".into())
            .try_into()
            .expect("known");
        assert_eq!(a, Action::SelectNext);
        assert_eq!(a.doc(), "Move down one item");
        assert_eq!(
            Action::FileInto("x".into()).doc(),
            "File the selected or marked items into a category"
        );
    }
}
