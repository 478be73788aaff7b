// Package eval measures the analysis against a hand-annotated corpus of real documents: how
// many of the figures it labels are right, how many of the annotated figures it finds, how
// well it dates documents, and how much of what it says comes from off-topic documents.
package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// Gold is the annotation of a corpus (eval/gold/*.yaml, described in eval/ANNOTATION.md).
type Gold struct {
	Documents []GoldDoc `yaml:"documents"`
}

// GoldDoc is one annotated document.
type GoldDoc struct {
	File      string       `yaml:"file"`
	Topic     string       `yaml:"topic"`
	Language  string       `yaml:"language"`
	Source    string       `yaml:"source"`
	Licence   string       `yaml:"licence"`
	Excerpt   bool         `yaml:"excerpt"`
	Date      string       `yaml:"date"`
	TrueDate  string       `yaml:"true_date"`
	DateBasis string       `yaml:"date_basis"`
	Figures   []GoldFigure `yaml:"figures"`
	// Events are the dated events of the document (from eval/events/*.yaml).
	Events          []GoldEvent `yaml:"events"`
	eventsAnnotated bool
}

// GoldEvent is an event a careful reader dates from a document.
type GoldEvent struct {
	Quote string `yaml:"quote"`
	Date  string `yaml:"date"`
	Basis string `yaml:"basis"`
}

// OffTopic reports whether the document is about something other than the briefing's subject.
func (d GoldDoc) OffTopic() bool { return d.Topic == "off" }

// GoldFigure is a figure a careful reader gets from a document.
type GoldFigure struct {
	Quote     string   `yaml:"quote"`
	Measure   string   `yaml:"measure"`
	Value     float64  `yaml:"value"`
	ValueMax  *float64 `yaml:"value_max"`
	Unit      string   `yaml:"unit"`
	Qualifier string   `yaml:"qualifier"`
	Period    string   `yaml:"period"`
	Entities  []string `yaml:"entities"`
	From      string   `yaml:"from"`
	To        string   `yaml:"to"`
	Modality  string   `yaml:"modality"`
}

// LoadGold reads every *.yaml file of dir and checks that each names a document of corpus
// once and that every quote is in its document.
func LoadGold(dir, corpus string) (Gold, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return Gold{}, err
	}
	slices.Sort(files)
	var g Gold
	seen := map[string]string{}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return Gold{}, fmt.Errorf("read %s: %w", f, err)
		}
		var part Gold
		if err := yaml.Unmarshal(raw, &part); err != nil {
			return Gold{}, fmt.Errorf("parse %s: %w", f, err)
		}
		for _, d := range part.Documents {
			if prev, ok := seen[d.File]; ok {
				return Gold{}, fmt.Errorf("%s: %s is annotated already in %s", f, d.File, prev)
			}
			seen[d.File] = f
			if err := checkDoc(d, corpus); err != nil {
				return Gold{}, fmt.Errorf("%s: %w", f, err)
			}
			g.Documents = append(g.Documents, d)
		}
	}
	return g, nil
}

// LoadEvents adds the event annotations of every *.yaml file of dir to g.
func LoadEvents(g *Gold, dir, corpus string) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return err
	}
	slices.Sort(files)
	index := map[string]int{}
	for i, d := range g.Documents {
		index[d.File] = i
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", f, err)
		}
		var part Gold
		if err := yaml.Unmarshal(raw, &part); err != nil {
			return fmt.Errorf("parse %s: %w", f, err)
		}
		for _, d := range part.Documents {
			i, ok := index[d.File]
			if !ok {
				return fmt.Errorf("%s: %s has no annotation in gold/", f, d.File)
			}
			if g.Documents[i].eventsAnnotated {
				return fmt.Errorf("%s: the events of %s are annotated twice", f, d.File)
			}
			text, err := os.ReadFile(filepath.Join(corpus, d.File))
			if err != nil {
				return fmt.Errorf("%s: %w", f, err)
			}
			for _, e := range d.Events {
				if !strings.Contains(string(text), e.Quote) {
					return fmt.Errorf("%s: %s: quote %q is not in the document", f, d.File, e.Quote)
				}
			}
			g.Documents[i].Events = append(g.Documents[i].Events, d.Events...)
			g.Documents[i].eventsAnnotated = true
		}
	}
	return nil
}

func checkDoc(d GoldDoc, corpus string) error {
	raw, err := os.ReadFile(filepath.Join(corpus, d.File))
	if err != nil {
		return fmt.Errorf("document %s: %w", d.File, err)
	}
	if d.Topic != "on" && d.Topic != "off" {
		return fmt.Errorf("%s: topic %q is neither on nor off", d.File, d.Topic)
	}
	for _, f := range d.Figures {
		if !strings.Contains(string(raw), f.Quote) {
			return fmt.Errorf("%s: quote %q is not in the document", d.File, f.Quote)
		}
	}
	return nil
}
