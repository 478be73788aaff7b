# The briefing image: one static binary on an empty base, run as a non-root user.
#
#   docker build -t briefing .
#   docker run --rm -p 8080:8080 -v editions:/data/out -v state:/data/state briefing
#   docker run --rm -v "$PWD/out:/data/out" briefing generate --out /data/out/briefing.pdf
#
# GO_IMAGE is the builder: any image with Go 1.26 and /bin/sh. scripts/image-test passes one
# assembled from the local toolchain, since no base image can be pulled there.
ARG GO_IMAGE=golang:1.26

FROM ${GO_IMAGE} AS build
WORKDIR /src
# Modules in a layer of their own: it is rebuilt only when go.mod or go.sum change.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" \
      -o /out/briefing ./cmd/briefing
# The final stage has no shell: the user and its writable folders are prepared here.
RUN mkdir -p /rootfs/etc /rootfs/data/out /rootfs/data/state \
 && echo 'briefing:x:65532:65532:briefing:/data:/sbin/nologin' > /rootfs/etc/passwd \
 && echo 'briefing:x:65532:' > /rootfs/etc/group

FROM scratch
# CA certificates for SMTP over TLS and HTTPS webhooks; time zones, fonts and templates are
# built into the binary.
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /rootfs/etc/ /etc/
COPY --from=build --chown=65532:65532 /rootfs/data/ /data/
# The default corpus, configuration and wording: replace /seeds by mounting documents there
# (or set BRIEFING_DOCS_DIR); /templates is a starting point for templates.dir.
COPY seeds/ /seeds/
COPY config.yaml /config.yaml
COPY templates/*.tmpl /templates/
COPY --from=build /out/briefing /briefing

USER 65532:65532
WORKDIR /
ENV BRIEFING_CONFIG=/config.yaml \
    BRIEFING_DOCS_DIR=/seeds \
    BRIEFING_OUTPUT_DIR=/data/out \
    BRIEFING_OUTPUT_FILE=/data/out/briefing.pdf \
    BRIEFING_STATE_DIR=/data/state \
    BRIEFING_HTTP_LISTEN=0.0.0.0:8080 \
    BRIEFING_LOG_FORMAT=json
EXPOSE 8080
VOLUME ["/data/out", "/data/state"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["/briefing", "healthcheck"]
ENTRYPOINT ["/briefing"]
CMD ["serve"]
