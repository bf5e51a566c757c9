# newsfacet tasks. The two set-up commands in the README need only cargo; these are shortcuts.

corpus := "../shared/data/corpus/reuters21578.jsonl"

# Build the default index from the bundled corpus (index-data/corpus → index-data/index).
index:
    cargo run --release -- index

# Search the default index, e.g. `just search 'multipolar world' --country china`.
search +ARGS:
    cargo run --release -- search {{ARGS}}

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

# Benchmarks: start-up of search/facets/analyze, matcher build time and throughput, then
# indexing the Reuters-21578 corpus.
bench:
    cargo build --release -p newsfacet -p newsfacet-eval
    cargo run --release -p newsfacet-eval -- bench-startup
    cargo run --release -p newsfacet-eval -- bench-tagger {{corpus}}
    rm -rf target/bench-index
    cargo run --release -- index {{corpus}} --index target/bench-index --json

# Quality: tagging on CoNLL-2003 dev and attribution on PolNeAR dev.
eval:
    cargo run --release -p newsfacet-eval -- conll ../shared/data/eval/conll2003/eng.testa
    cargo run --release -p newsfacet-eval -- polnear ../shared/data/eval/polnear/data/dev
    cargo run --release -p newsfacet-eval -- extraction ../shared/data/eval/trafilatura
