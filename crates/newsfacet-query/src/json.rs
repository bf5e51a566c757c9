//! Results as JSON for programs (`--json` on the command line, the HTTP API): the same
//! values, with snippets as marked text rather than HTML.

use crate::results::{QuoteResults, SearchResults};
use crate::snippet::unescape_html;

impl SearchResults {
    /// Turns every hit's HTML snippet into the text as written, markers kept (see
    /// [`unescape_html`]): what programs get, since they are not HTML.
    pub fn unescape_snippets(&mut self) {
        for hit in &mut self.hits {
            hit.snippet = unescape_html(&hit.snippet);
        }
    }
}

impl QuoteResults {
    /// Turns every hit's HTML snippet into the text as written, markers kept (see
    /// [`unescape_html`]): what programs get, since they are not HTML.
    pub fn unescape_snippets(&mut self) {
        for hit in &mut self.hits {
            hit.snippet = unescape_html(&hit.snippet);
        }
    }
}
