// Package briefing holds the domain of the security briefing: the documents of a corpus, the
// sentences they are made of, and what the analysis finds in them (themes, figures, events).
//
// Every item of the model traces back to a span of a document's cleaned text, so that each
// statement and figure in the briefing can cite its source and its place in it.
package briefing

// Model is the analysis of a corpus. Its JSON form is a public contract: field names are only
// ever added, never renamed or removed.
type Model struct {
	Documents []Document `json:"documents"`
	Themes    []Theme    `json:"themes"`
	Figures   []Figure   `json:"figures"`
	Events    []Event    `json:"events"`
	Warnings  []Warning  `json:"warnings"`
	// Files accounts for every file of the documents folder: used, not relevant, unreadable.
	Files Files `json:"files"`
}

// Files accounts for the files of a corpus. Every file is in exactly one of three groups: a
// document the briefing uses, a document that is not about its subject (NotRelevant; the
// reason is in its warning), or a file that could not be read (Unreadable; the reason is in
// its warning).
type Files struct {
	Used        int      `json:"used"`
	NotRelevant []string `json:"not_relevant"`
	Unreadable  []string `json:"unreadable"`
	// Background lists the documents used for background figures only (briefing.window).
	Background []string `json:"background"`
}

// Account fills Files from the documents and the warnings.
func (m *Model) Account() {
	f := Files{NotRelevant: []string{}, Unreadable: []string{}, Background: []string{}}
	docs := map[string]bool{}
	for _, d := range m.Documents {
		docs[d.Path] = true
		switch {
		case d.OffTopic:
			f.NotRelevant = append(f.NotRelevant, d.Path)
		case d.Background:
			f.Background = append(f.Background, d.Path)
			f.Used++
		default:
			f.Used++
		}
	}
	seen := map[string]bool{}
	for _, w := range m.Warnings {
		if !docs[w.Path] && !seen[w.Path] {
			seen[w.Path] = true
			f.Unreadable = append(f.Unreadable, w.Path)
		}
	}
	m.Files = f
}

// Document is one source document after decoding, cleaning and sentence splitting.
type Document struct {
	// ID is a stable identifier: a hash of the document's raw content.
	ID string `json:"id"`
	// Path is the file's path relative to the documents folder, with forward slashes.
	Path  string `json:"path"`
	Title string `json:"title"`
	// Date is ISO 8601 and as precise as known: "2025-01-31", "2024-06" or "2024"; empty when
	// the document does not say when it was published (it is shown as undated).
	Date string `json:"date"`
	// DateSource says where Date comes from (see the DateFrom* constants).
	DateSource string `json:"date_source"`
	// Language is "de" or "en".
	Language  string `json:"language"`
	Publisher string `json:"publisher"`
	Author    string `json:"author"`
	// Format is the input format: "text", "markdown" or "html".
	Format string `json:"format"`
	// Encoding is the character encoding the file was decoded from.
	Encoding string `json:"encoding"`
	// Text is the cleaned, normalised text: one paragraph or heading per line.
	Text string `json:"text"`
	// Sentences are spans of Text, in order; Text[Start:End] is exactly the sentence.
	Sentences []Sentence `json:"sentences"`
	// References are footnote and bibliography lines, kept apart from the body text.
	References []Reference `json:"references"`
	// OffTopic marks a document that is not about the briefing's subject: it gives no
	// statements, figures or events and is not counted as read for the briefing.
	OffTopic bool `json:"off_topic,omitempty"`
	// Background marks a document dated before the briefing's window (briefing.window), or
	// undated while a window is set: it gives figures, marked as background, but no
	// statements or events.
	Background bool `json:"background,omitempty"`
}

// Where a document's date comes from.
const (
	DateFromFrontMatter = "front_matter"
	DateFromMeta        = "html_meta"
	DateFromText        = "text"
	// DateFromURL: a date in the document's web address (front matter url/source, canonical link).
	DateFromURL = "url"
	// DateFromFileName: a date written into the file name ("2024-03-28_un-veto.txt").
	DateFromFileName = "file_name"
	// Earlier versions also dated documents by the latest date their text mentions and by the
	// file's modification time; both are guesses and are no longer used.
	DateFromLatestMention = "text_latest"
	DateFromModTime       = "file_mtime"
)

// Sentence is a span of a document's Text.
type Sentence struct {
	Start int `json:"start"`
	End   int `json:"end"`
	// Heading marks a line without final punctuation that stands alone (a title or heading).
	Heading bool `json:"heading,omitempty"`
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// Reference is a footnote or bibliography entry of a document.
type Reference struct {
	Text string `json:"text"`
	URL  string `json:"url,omitempty"`
}

// Warning reports a problem with one input file. Warnings never stop a run.
type Warning struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Source is a span of a document's Text that supports a statement, figure or event.
type Source struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Theme is one section of the briefing with its ranked statements.
type Theme struct {
	ID            string         `json:"id"`
	Title         string         `json:"title"`
	Statements    []Statement    `json:"statements"`
	Disagreements []Disagreement `json:"disagreements"`
}

// Statement is a sentence chosen for a theme, with every document that says the same.
type Statement struct {
	Text    string   `json:"text"`
	Score   float64  `json:"score"`
	Terms   []string `json:"terms"`
	Sources []Source `json:"sources"`
	// Time is the latest time the statement's own words name, as precise as they say
	// ("2024-06", "2009" for "in den frühen 2000er Jahren"); empty when they name none. A
	// statement about a time long before its document's date is background, not news.
	Time string `json:"time,omitempty"`
}

// Disagreement groups figures that measure the same thing but differ between sources.
type Disagreement struct {
	Subject string   `json:"subject"`
	Unit    string   `json:"unit"`
	Figures []Figure `json:"figures"`
}

// Figure is a quantity stated in a document.
type Figure struct {
	Value     float64  `json:"value"`
	ValueMax  *float64 `json:"value_max,omitempty"`
	Unit      string   `json:"unit"`
	Qualifier string   `json:"qualifier,omitempty"`
	Period    *Period  `json:"period,omitempty"`
	Subject   string   `json:"subject"`
	// Measure is the id of the configured measure the figure is of ("arms_exports"), if any.
	Measure string `json:"measure,omitempty"`
	// Entities are the names of the entities the figure is about.
	Entities []string `json:"entities,omitempty"`
	// From and To name who delivers, sends, exports or pays, and who receives, when the
	// figure's clause says so; empty when the text does not settle it.
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
	// Modality says how the source states the figure (see the Modality* constants).
	Modality string `json:"modality,omitempty"`
	// Words are the source's own words for the figure ("rund 10.000 Soldaten").
	Words string `json:"words,omitempty"`
	// Background marks a figure stated only by documents older than the briefing's window.
	Background bool     `json:"background,omitempty"`
	Themes     []string `json:"themes"`
	Text       string   `json:"text"`
	Sources    []Source `json:"sources"`
}

// How a source states a figure. Only reported figures feed charts and the key figures.
const (
	ModalityReported     = "reported"     // stated as a fact, also when attributed
	ModalityEstimate     = "estimate"     // an estimate or assessment ("schätzungsweise", "estimated")
	ModalityTarget       = "target"       // a goal, plan or forecast ("Ziel", "aims to")
	ModalityHypothetical = "hypothetical" // conditional or doubted ("könnte", "unlikely")
	ModalityNegated      = "negated"      // said not to be the case ("keine", "did not")
	ModalityHistorical   = "historical"   // a past era told as background (the Korean War)
)

// Period is the time a figure refers to, as ISO dates as precise as the text.
type Period struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Event is a dated statement for the timeline.
type Event struct {
	Date    string   `json:"date"`
	Text    string   `json:"text"`
	Themes  []string `json:"themes"`
	Sources []Source `json:"sources"`
}

// NewModel returns a model of the documents with empty, non-nil lists, so that its JSON has
// arrays rather than nulls.
func NewModel(docs []Document, warnings []Warning) *Model {
	m := &Model{Documents: docs, Themes: []Theme{}, Figures: []Figure{}, Events: []Event{}, Warnings: warnings}
	if m.Documents == nil {
		m.Documents = []Document{}
	}
	if m.Warnings == nil {
		m.Warnings = []Warning{}
	}
	m.Account()
	return m
}
