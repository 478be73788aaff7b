package main

import (
	"fmt"
	"io"
	"runtime"
)

// version is stamped at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func runVersion(args []string, stdout, stderr io.Writer) error {
	fs := newFlags("version", "Print the version of briefing.", stderr)
	if err := parseFlags(fs, args, false); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "briefing %s (%s, %s/%s)\n", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
