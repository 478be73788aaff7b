package report

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"text/template"
	"time"

	"github.com/secbrief/briefing/templates"
)

// Wording is the parsed template file of one language.
type Wording struct {
	file string
	t    *template.Template
}

// required are the templates every wording file defines, with sample data to check that they
// execute.
var required = map[string]any{
	"cover.edition": map[string]any{"Date": "24. November 2026"},
	"figure.words":  map[string]any{"Words": "rund 10.000 Soldaten"}, "figure.asof": map[string]any{"Date": "31.01.2025"},
	"figure.modality.estimate": nil, "figure.modality.target": nil, "figure.modality.hypothetical": nil,
	"figure.modality.negated": nil, "figure.modality.historical": nil,
	"warning.future": map[string]any{"Date": "01.12.2026", "Edition": "24.11.2026"},
	"cover.summary":  map[string]any{"Documents": 5, "From": "2024", "To": "2025", "Undated": 1, "OffTopic": 2, "Background": 1},
	"toc.title":      nil, "header": map[string]any{"Title": "T", "Marking": "M"},
	"footer":     map[string]any{"Page": "1", "Pages": "2"},
	"news.title": nil, "news.intro": map[string]any{"Date": "24.11.2026"}, "news.documents": nil, "news.figures": nil,
	"news.events": nil, "news.none": nil, "news.document": map[string]any{"Title": "T", "Date": "2024"},
	"keyjudgements.title": nil, "keyjudgements.intro": nil, "keyfigures.title": nil,
	"keyfigures.subject": nil, "keyfigures.value": nil, "keyfigures.period": nil, "keyfigures.source": nil,
	"charts.title": nil, "chart.caption": map[string]any{"N": 1, "Title": "T", "Mixed": true},
	"chart.perYear": nil, "chart.missing": map[string]any{"Title": "T"},
	"themes.title": nil, "theme.figures": nil, "theme.disagreement": map[string]any{"Subject": "S"},
	"theme.disagreement.row": map[string]any{"Value": "1", "Date": "2024"},
	"timeline.title":         nil, "timeline.intro": nil, "sources.title": nil,
	"source.entry":   map[string]any{"Title": "T.", "Author": "A", "Publisher": "P", "Date": "2024", "DateGuessed": true, "DateFromFile": false, "Path": "a.txt"},
	"mail.subject":   map[string]any{"Title": "T", "ID": "2026-11-24T0600", "Name": "briefing-2026-11-24T0600.pdf", "Date": time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC), "Documents": 5},
	"mail.body":      map[string]any{"Title": "T", "ID": "2026-11-24T0600", "Name": "briefing-2026-11-24T0600.pdf", "Date": time.Date(2026, 11, 24, 6, 0, 0, 0, time.UTC), "Documents": 5},
	"appendix.title": nil, "appendix.warnings": nil, "appendix.nowarnings": nil,
	"appendix.method.title": nil, "appendix.method": map[string]any{"Documents": 5},
	"item.lang": map[string]any{"Lang": "en"}, "item.see": map[string]any{"Places": []string{"P"}},
	"place.keyjudgement": map[string]any{"N": 1}, "place.section": map[string]any{"Title": "T"}, "theme.empty": nil,
	"appendix.files": map[string]any{"Read": 3, "Used": 1, "NotRelevant": 1, "Unreadable": 1},
	"appendix.more":  map[string]any{"N": 2}, "figure.background": nil,
	"cites.more": map[string]any{"N": "8.303"}, "theme.disagreement.more": map[string]any{"N": "3", "Count": 3}, "sources.more": map[string]any{"N": "9.950", "Count": 9950},
}

// LoadWording parses the wording of lang ("de" or "en"): lang.tmpl from dir when dir is set,
// else the built-in file. It checks that every required template is defined and executes;
// errors name the file, the line and the reason.
func LoadWording(lang, dir string) (*Wording, error) {
	name := lang + ".tmpl"
	var src []byte
	var err error
	file := name
	if dir != "" {
		file = filepath.Join(dir, name)
		src, err = os.ReadFile(file)
	} else {
		src, err = fs.ReadFile(templates.FS, name)
	}
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	t, err := template.New(file).Option("missingkey=error").Parse(string(src))
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	w := &Wording{file: file, t: t}
	if dir != "" {
		if err := w.addBuiltIn(name); err != nil {
			return nil, err
		}
	}
	var errs []error
	for _, name := range slices.Sorted(maps.Keys(required)) {
		data := required[name]
		if t.Lookup(name) == nil {
			errs = append(errs, fmt.Errorf("templates: %s: template %q is not defined", file, name))
			continue
		}
		if _, err := w.Text(name, data); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return w, nil
}

// added are templates introduced after the first release: a wording file of an earlier
// release (templates.dir) that lacks them gets the built-in ones of its language.
var added = []string{"item.lang", "item.see", "place.keyjudgement", "place.section", "theme.empty",
	"appendix.files", "appendix.more", "figure.background", "cites.more", "sources.more", "theme.disagreement.more"}

// addBuiltIn adds to w the built-in definitions of the added templates it lacks.
func (w *Wording) addBuiltIn(name string) error {
	var builtIn *template.Template
	for _, n := range added {
		if w.t.Lookup(n) != nil {
			continue
		}
		if builtIn == nil {
			src, err := fs.ReadFile(templates.FS, name)
			if err != nil {
				return fmt.Errorf("templates: %w", err)
			}
			if builtIn, err = template.New(name).Parse(string(src)); err != nil {
				return fmt.Errorf("templates: %w", err)
			}
		}
		if _, err := w.t.AddParseTree(n, builtIn.Lookup(n).Tree); err != nil {
			return fmt.Errorf("templates: %s: %w", n, err)
		}
	}
	return nil
}

// Text executes a named template.
func (w *Wording) Text(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := w.t.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("templates: %w", err)
	}
	return b.String(), nil
}

// Source returns a named template as text, for packages that execute it with their own data
// (the e-mail's subject and body are executed with the edition).
func (w *Wording) Source(name string) (string, error) {
	t := w.t.Lookup(name)
	if t == nil || t.Tree == nil {
		return "", fmt.Errorf("templates: %s: template %q is not defined", w.file, name)
	}
	return t.Tree.Root.String(), nil
}
