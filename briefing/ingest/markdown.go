package ingest

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/secbrief/briefing/briefing"
)

// frontMatter holds the keys of a Markdown document's YAML front matter that we read.
type frontMatter struct {
	Title     string `yaml:"title"`
	Date      any    `yaml:"date"`
	Publisher string `yaml:"publisher"`
	Author    any    `yaml:"author"`
	Language  string `yaml:"language"`
	Lang      string `yaml:"lang"`
	// URL or Source is the document's web address.
	URL    string `yaml:"url"`
	Source string `yaml:"source"`
}

// splitFrontMatter separates a leading "---" YAML block from the Markdown body.
func splitFrontMatter(src string) (fm frontMatter, body string, err error) {
	if !strings.HasPrefix(src, "---\n") {
		return fm, src, nil
	}
	rest := src[4:]
	var block string
	if strings.HasPrefix(rest, "---") { // empty front matter
		body = rest[3:]
	} else {
		end := strings.Index(rest, "\n---")
		if end < 0 {
			return fm, src, fmt.Errorf("front matter: no closing ---")
		}
		block, body = rest[:end], rest[end+4:]
	}
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if err := yaml.Unmarshal([]byte(block), &fm); err != nil {
		return fm, body, fmt.Errorf("front matter: %w", err)
	}
	return fm, body, nil
}

func (fm frontMatter) date() string {
	switch d := fm.Date.(type) {
	case time.Time:
		return d.Format(time.DateOnly)
	case string:
		return isoDate(d)
	case int:
		if d >= 1000 && d <= 2999 {
			return fmt.Sprintf("%04d", d)
		}
	}
	return ""
}

func (fm frontMatter) author() string {
	switch a := fm.Author.(type) {
	case string:
		return a
	case []any:
		var names []string
		for _, x := range a {
			names = append(names, fmt.Sprint(x))
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// language returns the front matter's language when it is one the briefing knows (de, en).
func (fm frontMatter) language() string {
	if l := knownLanguage(fm.Language); l != "" {
		return l
	}
	return knownLanguage(fm.Lang)
}

// markdown is a Markdown body reduced to plain text blocks.
type markdown struct {
	blocks     []string
	h1         string
	references []briefing.Reference
}

var (
	mdHeading  = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*\s*$`)
	mdSetext   = regexp.MustCompile(`^(=+|-+)\s*$`)
	mdRule     = regexp.MustCompile(`^(?:\*\s*){3,}$|^(?:-\s*){3,}$|^(?:_\s*){3,}$`)
	mdListItem = regexp.MustCompile(`^(?:[-*+]|\d{1,3}[.)])\s+`)
	mdQuote    = regexp.MustCompile(`^(?:>\s?)+`)
	mdLinkDef  = regexp.MustCompile(`^\[([^\]]+)\]:\s*(\S+)(.*)$`)
	mdFootnote = regexp.MustCompile(`^\[\^([^\]]+)\]:\s*(.*)$`)
	mdTableSep = regexp.MustCompile(`^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$`)
	mdImage    = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink     = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]`)
	mdAutolink = regexp.MustCompile(`<((?:https?|mailto):[^>]+)>`)
	mdFootRef  = regexp.MustCompile(`\[\^[^\]]+\]`)
	mdTag      = regexp.MustCompile(`</?[A-Za-z][^>]*>`)
	mdStrong   = regexp.MustCompile(`(\*\*|__)(\S(?:.*?\S)?)(\*\*|__)`)
	mdEmphasis = regexp.MustCompile(`(^|[\s(„“"'])[*_](\S(?:[^*_]*?\S)?)[*_]([\s).,;:!?“”"']|$)`)
	mdCode     = regexp.MustCompile("`+([^`]*)`+")
	mdEscape   = regexp.MustCompile(`\\([\\` + "`" + `*_{}\[\]()#+\-.!>|])`)
)

// parseMarkdown turns a Markdown body into blocks: headings, paragraphs (soft line breaks
// joined), list items and table rows each on a line of their own. Code blocks and link
// definitions are left out; footnote definitions become references.
func parseMarkdown(body string) markdown {
	var md markdown
	var para []string
	// flush ends a paragraph: its lines are joined (soft line breaks become spaces, words
	// hyphenated across lines are mended) into one block.
	flush := func() {
		if len(para) > 0 {
			md.blocks = append(md.blocks, inlineMarkdown(strings.Join(joinLines(para, 0), " ")))
			para = para[:0]
		}
	}
	inFence := ""
	for _, raw := range strings.Split(body, "\n") {
		line := strings.TrimRight(raw, " ")
		trimmed := strings.TrimSpace(line)
		if inFence != "" {
			if strings.HasPrefix(trimmed, inFence) {
				inFence = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			flush()
			inFence = trimmed[:3]
		case trimmed == "":
			flush()
		case mdRule.MatchString(trimmed) && len(para) == 0:
		case mdSetext.MatchString(trimmed) && len(para) > 0:
			heading := inlineMarkdown(strings.Join(para, " "))
			if trimmed[0] == '=' && md.h1 == "" {
				md.h1 = heading
			}
			md.blocks = append(md.blocks, heading)
			para = para[:0]
		case mdHeading.MatchString(trimmed):
			flush()
			m := mdHeading.FindStringSubmatch(trimmed)
			heading := inlineMarkdown(m[2])
			if m[1] == "#" && md.h1 == "" {
				md.h1 = heading
			}
			md.blocks = append(md.blocks, heading)
		case mdFootnote.MatchString(trimmed):
			flush()
			m := mdFootnote.FindStringSubmatch(trimmed)
			md.references = append(md.references, reference(inlineMarkdown(m[2])))
		case mdLinkDef.MatchString(trimmed):
			flush()
		case mdTableSep.MatchString(trimmed):
		case strings.HasPrefix(trimmed, "|"):
			flush()
			md.blocks = append(md.blocks, tableRow(trimmed))
		case mdListItem.MatchString(trimmed):
			flush()
			para = append(para, mdListItem.ReplaceAllString(trimmed, ""))
		case mdQuote.MatchString(trimmed):
			para = append(para, mdQuote.ReplaceAllString(trimmed, ""))
		default:
			para = append(para, trimmed)
		}
	}
	flush()
	var blocks []string
	for _, b := range md.blocks {
		if b = collapseSpaces(b); b != "" {
			blocks = append(blocks, b)
		}
	}
	md.blocks = blocks
	return md
}

// tableRow joins the cells of a Markdown table row with semicolons.
func tableRow(row string) string {
	var cells []string
	for _, c := range strings.Split(strings.Trim(row, "|"), "|") {
		if c = strings.TrimSpace(inlineMarkdown(c)); c != "" {
			cells = append(cells, c)
		}
	}
	return strings.Join(cells, "; ")
}

// inlineMarkdown removes inline markup and keeps the visible text.
func inlineMarkdown(s string) string {
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1$2")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdFootRef.ReplaceAllString(s, "")
	s = mdTag.ReplaceAllString(s, "")
	s = mdCode.ReplaceAllString(s, "$1")
	for range 2 {
		s = mdStrong.ReplaceAllString(s, "$2")
		s = mdEmphasis.ReplaceAllString(s, "$1$2$3")
	}
	s = mdEscape.ReplaceAllString(s, "$1")
	return unescapeEntities(s)
}
