# iscm-lod: `make` builds output/ (installing dependencies first if needed), `make test` runs the tests.

.PHONY: all build test typecheck schemas diff clean

all: schemas build

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

build: node_modules/.package-lock.json
	npx tsx pipeline/cli/build.ts

schemas: node_modules/.package-lock.json
	npx tsx pipeline/cli/write-schemas.ts

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit

test: node_modules/.package-lock.json typecheck diff
	npx vitest run

# What the change to sources/ does to the data, in words (CONTRIBUTING.md); cheap, so CI prints it.
diff: node_modules/.package-lock.json
	scripts/diff-sources.sh

# Asking the data (docs/serving.md): a SPARQL query over the dumps, a local linked-data server, a
# static copy of its pages for any web host, and a load into a triple store.
.PHONY: query serve export load

query: node_modules/.package-lock.json
	@npx tsx pipeline/cli/query.ts $(if $(FORMAT),--format $(FORMAT)) $(Q)

serve: node_modules/.package-lock.json
	npx tsx pipeline/cli/serve.ts $(if $(PORT),--port $(PORT))

export: node_modules/.package-lock.json
	npx tsx pipeline/cli/export.ts $(DIR)

load: node_modules/.package-lock.json
	npx tsx pipeline/cli/load.ts $(ENDPOINT)

# The server under load (docs/robustness.md): autocannon from 20 connections on 127.0.0.1, 10 s per
# target, against the built output/; it fails on any error. Not in `make test`: it measures.
.PHONY: loadtest

loadtest: node_modules/.package-lock.json
	npx tsx bench/load-test.ts

# The scale benchmark (docs/performance.md): synthetic corpora of about 10k, 100k, 1M and 10M
# triples, each built stage by stage against two baselines, into bench/report/; the build that
# follows publishes the report as output/reports/bench.md. CI can leave the 10M size out:
# make bench BENCH_SIZES=10k,100k,1M
.PHONY: bench

bench: node_modules/.package-lock.json
	npx tsx bench/run.ts $(BENCH_SIZES)
	npx tsx pipeline/cli/build.ts

clean:
	rm -rf node_modules .cache
