//! `newsfacet gazetteer build|stats`.

use std::process::ExitCode;

use newsfacet_gazetteer::kind;
use newsfacet_gazetteer::EntityType;
use newsfacet_gazetteer_build::BuildOptions;
use serde::Serialize;

use crate::cli::{GazetteerBuildArgs, GazetteerStatsArgs};
use crate::gazetteers;

pub fn build(args: GazetteerBuildArgs) -> anyhow::Result<ExitCode> {
    let report = newsfacet_gazetteer_build::build(&BuildOptions {
        sources_dir: args.sources,
        curated_dir: args.curated,
        out_dir: args.out,
    })?;
    println!("{}", serde_json::to_string_pretty(&report)?);
    eprintln!("Rebuild the binary (cargo build --release) to bundle the new gazetteers.");
    Ok(ExitCode::SUCCESS)
}

/// Entry counts by type; countries and cities are also counted on their own.
#[derive(Debug, Default, Serialize)]
struct Stats {
    person: usize,
    organization: usize,
    place: usize,
    country: usize,
    city: usize,
    aliases: usize,
}

pub fn stats(args: GazetteerStatsArgs) -> anyhow::Result<ExitCode> {
    let gazetteer = gazetteers::load(&args.gazetteer)?;
    let mut stats = Stats::default();
    for (_, entry) in gazetteer.iter() {
        match entry.entity_type {
            EntityType::Person => stats.person += 1,
            EntityType::Organization => stats.organization += 1,
            EntityType::Place => stats.place += 1,
        }
        stats.country += usize::from(entry.is_country());
        stats.city +=
            usize::from(entry.entity_type == EntityType::Place && entry.kind == kind::CITY);
        stats.aliases += entry.aliases.len() + entry.demonyms.len();
    }
    if args.json {
        println!("{}", serde_json::to_string(&stats)?);
    } else {
        println!(
            "people {}\norganizations {}\nplaces {} (countries {}, cities {})\naliases {}",
            stats.person, stats.organization, stats.place, stats.country, stats.city, stats.aliases
        );
    }
    Ok(ExitCode::SUCCESS)
}
