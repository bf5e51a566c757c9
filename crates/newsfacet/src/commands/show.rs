//! `newsfacet show ID`: one article with its metadata, facets, quotes and body.

use std::io::Write;
use std::process::ExitCode;

use newsfacet_index::NewsIndex;

use crate::cli::ShowArgs;
use crate::render;

/// Prints the article `args.id`, or exits with status 1 when the index has none.
pub fn run(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let index = NewsIndex::open(&args.index)?;
    let Some(article) = newsfacet_query::show::article_by_id(&index, &args.id)? else {
        // Like `grep`: not finding is status 1 with a message, not a usage error.
        eprintln!(
            "newsfacet: no article with id {:?} in {}",
            args.id,
            args.index.display()
        );
        return Ok(ExitCode::FAILURE);
    };
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, &article)?;
        writeln!(out)?;
    } else {
        render::article(&mut anstream::stdout().lock(), &article)?;
    }
    Ok(ExitCode::SUCCESS)
}
