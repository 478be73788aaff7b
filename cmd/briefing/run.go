package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"
)

const usage = `briefing turns a folder of documents into a security briefing.

Usage:
  briefing <command> [flags]

Commands:
  analyze          print the analysis model of the documents as JSON
  generate         write the PDF briefing
  serve            rebuild on a schedule, deliver, and serve health, metrics and editions
  healthcheck      ask a running "serve" whether it is alive (for container health checks)
  deliver          send an edition whose delivery is in doubt once more (--retry EDITION)
  config validate  check the configuration and print every problem
  version          print the version

Run "briefing <command> -h" for the flags of a command.
`

// usageError is a mistake in the command line; it exits with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// errHelp is returned after printing help: it exits with status 0.
var errHelp = errors.New("help requested")

// run executes the command line args and writes its output to stdout and stderr.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "analyze":
		return runAnalyze(ctx, rest, stdout, stderr)
	case "generate":
		return runGenerate(ctx, rest, stdout, stderr)
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "healthcheck":
		return runHealthcheck(ctx, rest, stdout, stderr)
	case "deliver":
		return runDeliver(ctx, rest, stdout, stderr)
	case "config":
		return runConfig(ctx, rest, stdout, stderr)
	case "version", "--version":
		return runVersion(rest, stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// exitCode prints err once and maps it to the process exit status: 0 for success and help,
// 2 for usage errors, 1 for failures.
func exitCode(err error, stderr io.Writer) int {
	var ue usageError
	switch {
	case err == nil, errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "briefing: %v\n", err)
		return 2
	}
	fmt.Fprintf(stderr, "briefing: %v\n", err)
	return 1
}

// newFlags returns a flag set for a command whose help text is printed on -h.
func newFlags(name, synopsis string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: briefing %s\n\n%s\n\nFlags:\n%s", name, synopsis, fs.FlagUsages())
	}
	return fs
}

// parseFlags parses args and turns flag errors into usage errors. Positional arguments are
// refused unless allowed.
func parseFlags(fs *pflag.FlagSet, args []string, positional bool) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if !positional && fs.NArg() > 0 {
		fs.Usage()
		return usageError{fmt.Sprintf("%s: unexpected argument %q", fs.Name(), fs.Arg(0))}
	}
	return nil
}
