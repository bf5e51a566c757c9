# newsfacet tasks. The two set-up commands in the README need only cargo; these are shortcuts.

corpus := "../shared/data/corpus/reuters21578.jsonl"

# Build the default index from the bundled corpus (index-data/corpus → index-data/index).
index:
    cargo run --release -- index

# Search the default index, e.g. `just search 'multipolar world' --country china`.
search +ARGS:
    cargo run --release -- search {{ARGS}}

# Serve the page and the HTTP API over the default index on http://127.0.0.1:7700/.
serve *ARGS:
    cargo run --release -- serve {{ARGS}}

# Run every test.
test:
    cargo test --workspace

# Formatting and lints, as CI runs them.
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Regenerate the bundled gazetteers from ../shared/data/gazetteer-sources and the curated lists.
gazetteer:
    cargo run --release -- gazetteer build

# Benchmarks: start-up of search/facets/analyze on the sample, tagger throughput on Reuters,
# then the harness on 100k generated articles against plain tantivy (report on stdout; add
# `--append BENCHMARKS.md --label "what changed"` to record it). ARGS go to the harness, e.g.
# `just bench --articles 1000000`.
bench *ARGS:
    cargo build --release -p newsfacet -p newsfacet-bench
    cargo run --release -p newsfacet-bench -- startup
    cargo run --release -p newsfacet-bench -- tagger {{corpus}}
    cargo run --release -p newsfacet-bench -- run {{ARGS}}

# Quality: tagging on CoNLL-2003 dev and attribution on PolNeAR dev.
eval:
    cargo run --release -p newsfacet-eval -- conll ../shared/data/eval/conll2003/eng.testa
    cargo run --release -p newsfacet-eval -- polnear ../shared/data/eval/polnear/data/dev
    cargo run --release -p newsfacet-eval -- extraction ../shared/data/eval/trafilatura
