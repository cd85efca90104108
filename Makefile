# iscm-lod: `make` builds output/ (installing dependencies first if needed), `make test` runs the tests.

.PHONY: all build test typecheck schemas clean

all: build

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

build: node_modules/.package-lock.json
	npx tsx pipeline/cli/build.ts

typecheck: node_modules/.package-lock.json
	npx tsc --noEmit

test: node_modules/.package-lock.json typecheck
	npx vitest run

clean:
	rm -rf node_modules .cache
