package httpapi

import (
	"net/http"
	"time"
)

// Server returns an HTTP server for h on addr with timeouts suited to the daemon's interface:
// small requests, and PDF downloads of a few megabytes.
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
