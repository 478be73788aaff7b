package report

import "github.com/secbrief/briefing/briefing"

// The appendix accounts for every file: how many the briefing uses, which are not relevant
// and which could not be read, and every warning. A warning that many files share ("undated",
// "not used") is one entry naming the files, up to a limit; the JSON model lists them all.
// However large the corpus, the appendix stays short.
const (
	// groupPaths is the number of files an entry names before it says how many more.
	groupPaths = 12
	// singleWarnings is the number of warnings of their own the appendix lists.
	singleWarnings = 25
)

// Files is the account of the files in the appendix.
type Files struct {
	Summary string
	Entries []FileEntry
	// More says how many warnings are left out, or is empty.
	More string
}

// FileEntry is one warning and the files it concerns.
type FileEntry struct {
	Message string
	Paths   []string
	More    string // "… und 988 weitere", or empty
}

// files builds the account of the files from the model and the warnings of the briefing.
func (bd *builder) files(warnings []briefing.Warning) {
	f := bd.m.Files
	bd.b.Files.Summary = bd.text("appendix.files", map[string]any{
		"Read": f.Used + len(f.NotRelevant) + len(f.Unreadable), "Used": f.Used,
		"NotRelevant": len(f.NotRelevant), "Unreadable": len(f.Unreadable)})
	byMessage := map[string]int{}
	var entries []FileEntry
	for _, w := range warnings {
		if k, ok := byMessage[w.Message]; ok {
			entries[k].Paths = append(entries[k].Paths, w.Path)
			continue
		}
		byMessage[w.Message] = len(entries)
		entries = append(entries, FileEntry{Message: w.Message, Paths: []string{w.Path}})
	}
	singles := 0
	left := 0
	for _, e := range entries {
		if len(e.Paths) == 1 {
			if singles == singleWarnings {
				left++
				continue
			}
			singles++
		}
		if n := len(e.Paths) - groupPaths; n > 0 {
			e.Paths = e.Paths[:groupPaths]
			e.More = bd.text("appendix.more", map[string]any{"N": n})
		}
		bd.b.Files.Entries = append(bd.b.Files.Entries, e)
	}
	if left > 0 {
		bd.b.Files.More = bd.text("appendix.more", map[string]any{"N": left})
	}
}
