package main

import (
	"io"
	"log/slog"
	"os"

	"golang.org/x/term"

	"github.com/secbrief/briefing/config"
)

// newLogger builds the process logger: text on a terminal, JSON otherwise, unless the
// configuration says which.
func newLogger(w io.Writer, c config.Log) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(c.Level)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	jsonLogs := c.Format == "json" || c.Format == "auto" && !isTerminal(w)
	if jsonLogs {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// isTerminal uses x/term, which asks the terminal itself (a character device such as
// /dev/null is not one).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
