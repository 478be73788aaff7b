// Command briefing-eval measures the analysis on the annotated development corpus (eval/)
// and prints figure precision and recall, date accuracy and what came from off-topic
// documents. With -write it also records the result in eval/RESULT.md, so that a change
// shows its effect in the diff.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/secbrief/briefing/config"
	"github.com/secbrief/briefing/eval"
)

func main() {
	cfgPath := flag.String("config", "config.yaml", "configuration file")
	dir := flag.String("dir", "eval", "folder with corpus/ and gold/")
	write := flag.Bool("write", false, "write the result to <dir>/RESULT.md")
	details := flag.Bool("v", false, "list wrong and missed figures and wrong dates")
	flag.Parse()
	if err := run(*cfgPath, *dir, *write, *details); err != nil {
		fmt.Fprintln(os.Stderr, "briefing-eval:", err)
		os.Exit(1)
	}
}

func run(cfgPath, dir string, write, details bool) error {
	cfg, err := config.ReadFile(cfgPath)
	if err != nil {
		return err
	}
	r, _, err := eval.Run(context.Background(), cfg, dir)
	if err != nil {
		return err
	}
	table := r.Table()
	fmt.Print(table)
	if details {
		fmt.Print(r.Details())
	}
	if write {
		out := "# Result of `make eval`\n\n" + table + r.Details()
		if err := os.WriteFile(filepath.Join(dir, "RESULT.md"), []byte(out), 0o644); err != nil {
			return fmt.Errorf("write result: %w", err)
		}
	}
	return nil
}
