package build

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// layers are the steps of the data flow, ingest → analyse → plan → render → deliver, with the
// adapters after them. A package may import packages of its own layer or of an earlier one;
// an import of a later layer is a change travelling against the flow.
var layers = []struct {
	name     string
	packages []string // import paths relative to the module; a trailing "/" takes a subtree
}{
	{"settings", []string{"config"}}, // decodes and checks; knows no component
	{"tools", []string{"atomicfile", "fonts", "templates", "internal/testtool"}},
	{"domain", []string{"briefing", "briefing/"}},
	{"plan", []string{"report", "charts/series", "numfmt"}},
	{"draw", []string{"charts"}},
	{"render", []string{"pdf"}},
	{"editions", []string{"edition", "doccache"}},
	{"deliver and serve", []string{"deliver", "deliver/", "httpapi", "metrics", "schedule"}},
	{"build", []string{"build", "eval", "internal/corpusgen"}},
	{"commands", []string{"cmd/"}},
}

const module = "github.com/secbrief/briefing/"

func layerOf(pkg string) int {
	best, bestLen := -1, -1
	for i, l := range layers {
		for _, p := range l.packages {
			match := pkg == p || strings.HasSuffix(p, "/") && strings.HasPrefix(pkg, p)
			if match && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	return best
}

// TestImportsFollowTheFlow reads the imports of every package of the module (not its tests)
// and fails on an import against the flow, or a package no layer names.
func TestImportsFollowTheFlow(t *testing.T) {
	root := ".."
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "deploy" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := filepath.ToSlash(rel)
		from := layerOf(pkg)
		if from < 0 {
			t.Errorf("%s: package %s is in no layer; add it to layers", path, pkg)
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, imp := range f.Imports {
			target, ok := strings.CutPrefix(strings.Trim(imp.Path.Value, `"`), module)
			if !ok {
				continue
			}
			checked++
			if to := layerOf(target); to > from {
				t.Errorf("%s: %s (%s) imports %s (%s), against the flow", path, pkg, layers[from].name, target, layers[to].name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 30 {
		t.Fatalf("only %d imports checked", checked)
	}
}
