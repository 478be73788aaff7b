# Commands for people and CI. `make run` writes the briefing of the default corpus, `make test`
# runs the tests.
GO        ?= go
FUZZTIME  ?= 5m
BIN       := bin/briefing
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X main.version=$(VERSION)

.PHONY: run build test vet fuzz bench eval soak golden image image-test deploy-test clean

run:
	$(GO) run ./cmd/briefing generate --config config.yaml --json out/analysis.json

build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/briefing

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (echo "gofmt needed:"; gofmt -l .; exit 1)

# The fuzz seed corpora run as part of the normal tests. scripts/test-deps installs the Debian
# packages the PDF and metrics tests use (poppler-utils, qpdf, prometheus) when they are missing.
test: vet
	scripts/test-deps
	$(GO) test -count=1 ./...

# Long fuzzing, one target at a time (go test -fuzz takes one package and one target). An input
# that takes far longer than its size allows fails (BRIEFING_FUZZ_TIMING).
fuzz: export BRIEFING_FUZZ_TIMING = 1
fuzz:
	$(GO) test -run='^$$' -fuzz='^FuzzSentences$$' -fuzztime=$(FUZZTIME) ./briefing/segment/
	$(GO) test -run='^$$' -fuzz='^FuzzDecode$$' -fuzztime=$(FUZZTIME) ./briefing/charset/
	$(GO) test -run='^$$' -fuzz='^FuzzExtract$$' -fuzztime=$(FUZZTIME) ./briefing/htmltext/
	$(GO) test -run='^$$' -fuzz='^FuzzFind$$' -fuzztime=$(FUZZTIME) ./briefing/quantity/
	$(GO) test -run='^$$' -fuzz='^FuzzExpressions$$' -fuzztime=$(FUZZTIME) ./briefing/dates/
	$(GO) test -run='^$$' -fuzz='^FuzzDocumentDate$$' -fuzztime=$(FUZZTIME) ./briefing/ingest/
	$(GO) test -run='^$$' -fuzz='^FuzzFigures$$' -fuzztime=$(FUZZTIME) ./briefing/analysis/
	$(GO) test -run='^$$' -fuzz='^FuzzMatch$$' -fuzztime=$(FUZZTIME) ./briefing/lexicon/
	$(GO) test -run='^$$' -fuzz='^FuzzFind$$' -fuzztime=$(FUZZTIME) ./briefing/dates/
	$(GO) test -run='^$$' -fuzz='^FuzzReadFile$$' -fuzztime=$(FUZZTIME) ./briefing/ingest/

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# Figure precision and recall, date accuracy and off-topic output on the annotated corpus of
# real documents in eval/ (see eval/ANNOTATION.md); the result is kept in eval/RESULT.md.
eval:
	$(GO) run ./cmd/briefing-eval -write -v

# The container image, for users with Docker.
image:
	docker build --build-arg VERSION=$(VERSION) -t briefing .

# Builds the unchanged Dockerfile with buildah (no Docker engine needed), checks the image and
# runs generate and serve in it. Needs root, buildah, busybox-static and qpdf
# (scripts/test-deps image installs them on Debian).
image-test:
	scripts/test-deps image
	scripts/image-test

# The Kubernetes manifests and compose.yaml, checked in a Go module of their own (deploy/).
deploy-test:
	cd deploy && $(GO) vet ./... && $(GO) test -count=1 ./...

# Run the daemon for 100 builds and check idle memory and goroutines (a few minutes).
soak:
	BRIEFING_SOAK=1 $(GO) test -count=1 -run '^TestSoak$$' -v -timeout 20m ./cmd/briefing/

# Rewrite the golden files after an intended change; review the diff before committing.
golden:
	$(GO) test ./briefing/analysis -run Golden -args -update
	$(GO) test ./cmd/briefing -run SeedBriefing -args -update

clean:
	rm -rf bin out
