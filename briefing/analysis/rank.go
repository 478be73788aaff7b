package analysis

import (
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/secbrief/briefing/briefing"
)

// Ranking parameters: LexRank damping and edge threshold, MMR trade-off between relevance and
// novelty, and the boosts for figures, dates, support by several documents and early position.
const (
	damping       = 0.85
	edgeThreshold = 0.1
	iterations    = 50
	mmrLambda     = 0.7
	boostFigure   = 0.3
	boostDate     = 0.15
	boostSupport  = 0.25
	boostPosition = 0.2
	minWords      = 6
)

// themes ranks the statements of every theme and attaches the disagreements among its figures.
func (c *corpus) themes(v *vocabulary, opt Options, figures []briefing.Figure) []briefing.Theme {
	dates := map[string]string{}
	for _, d := range c.docs {
		dates[d.ID] = d.Date
	}
	groups := disagreements(figures, c.conflictFigures(figures), func(doc string) string { return dates[doc] })
	eligible := c.statementClusters()
	best := c.bestThemeScores(eligible, len(opt.Themes))
	cands := make([][]int, len(opt.Themes))
	for ti := range opt.Themes {
		cands[ti] = c.candidates(eligible, best, ti, opt.Candidates)
		for _, k := range cands[ti] {
			c.repVec(k) // made here: the themes are ranked side by side, and vec fills a cache
		}
	}
	out := make([]briefing.Theme, len(opt.Themes))
	// The themes read the corpus and write only their own entry.
	sideBySide(len(opt.Themes), func(ti int) {
		t := opt.Themes[ti]
		if c.ctx.Err() != nil {
			return // Analyze reports the cancellation
		}
		scores := c.rank(ti, cands[ti])
		chosen := c.mmr(cands[ti], scores, opt.StatementsPerTheme)
		th := briefing.Theme{ID: t.ID, Title: t.Title, Statements: []briefing.Statement{}, Disagreements: []briefing.Disagreement{}}
		for _, k := range chosen {
			th.Statements = append(th.Statements, c.statement(ti, cands[ti][k], scores[k]))
		}
		for _, d := range groups {
			if hasTheme(d, t.ID) {
				th.Disagreements = append(th.Disagreements, d)
			}
		}
		out[ti] = th
	})
	return out
}

// statementClusters returns the clusters whose representative can be a statement of any theme.
func (c *corpus) statementClusters() []int {
	var out []int
	for k, members := range c.clusters {
		if !statementLike(c.sents[members[0]]) {
			continue
		}
		if _, ok := c.withContext(members[0]); !ok {
			continue // "Darüber hinaus schwächt es …" at the start of a paragraph
		}
		if c.background(members) {
			continue // only documents older than the window state it
		}
		out = append(out, k)
	}
	return out
}

// candidates returns the clusters among eligible that can be statements of a theme, best
// lexicon match first, at most limit of them.
func (c *corpus) candidates(eligible []int, best [][]float64, theme, limit int) []int {
	type cand struct {
		cluster int
		score   float64
	}
	var cands []cand
	for i, k := range eligible {
		if b := best[i][theme]; b > 0 {
			// A newer document's sentence is ranked before an equally matching old one.
			cands = append(cands, cand{k, b * (1 + c.clusterRecency(k))})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	if len(cands) > limit {
		cands = cands[:limit]
	}
	out := make([]int, len(cands))
	for i, cd := range cands {
		out[i] = cd.cluster
	}
	return out
}

// bestThemeScores returns, for each eligible cluster, the best lexicon score of its members for
// each theme: the members of a cluster of reposts are read once, not once per theme.
func (c *corpus) bestThemeScores(eligible []int, themes int) [][]float64 {
	flat := make([]float64, len(eligible)*themes)
	out := make([][]float64, len(eligible))
	for i, k := range eligible {
		out[i] = flat[i*themes : (i+1)*themes]
		var seen map[*textFeatures]bool // reposts share their features: each text counts once
		if len(c.clusters[k]) > 16 {
			seen = map[*textFeatures]bool{}
		}
		for _, m := range c.clusters[k] {
			f := c.sents[m].textFeatures
			if seen != nil {
				if seen[f] {
					continue
				}
				seen[f] = true
			}
			for t, tm := range f.themes {
				if t < themes && tm.score > out[i][t] {
					out[i][t] = tm.score
				}
			}
		}
	}
	return out
}

// statementLike reports whether a sentence can stand alone in a briefing: not a heading, not
// a question, long enough.
func statementLike(s *sentence) bool {
	if s.heading || len(s.toks) < minWords {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s.text, `"“”'’»«`))
	return r != '?' && r != ':'
}

// rank scores candidate clusters: the square root of their LexRank centrality over their
// TF-IDF similarity graph, times the weight of the theme terms they match, boosted for
// figures, dates, support by several documents, an early place in the document and recency.
// The root keeps a general sentence that resembles many others ("Die Zusammenarbeit reicht
// bis in die frühen 2000er Jahre zurück") from outranking the sentence of a distinct fact
// that matches the theme better ("2023 unterzeichneten Südkorea und die NATO ein ITPP").
func (c *corpus) rank(theme int, cands []int) []float64 {
	n := len(cands)
	if n == 0 {
		return nil
	}
	adj := make([][]int, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			if cosine(c.repVec(cands[i]), c.repVec(cands[j])) >= edgeThreshold {
				adj[i] = append(adj[i], j)
				adj[j] = append(adj[j], i)
			}
		}
	}
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for range iterations {
		for i := range next {
			next[i] = (1 - damping) / float64(n)
		}
		for i, nb := range adj {
			if len(nb) == 0 {
				for j := range next {
					next[j] += damping * p[i] / float64(n)
				}
				continue
			}
			share := damping * p[i] / float64(len(nb))
			for _, j := range nb {
				next[j] += share
			}
		}
		p, next = next, p
	}
	scores := make([]float64, n)
	for i, k := range cands {
		rep := c.sents[c.clusters[k][0]]
		boost := 1 + boostPosition*(1-rep.pos) + boostSupport*float64(c.docCount(k)-1) + boostRecency*c.clusterRecency(k)
		if len(rep.quantities) > 0 {
			boost += boostFigure
		}
		if len(rep.exprs) > 0 {
			boost += boostDate
		}
		match := 0.0
		for _, m := range c.clusters[k] {
			if tm := c.sents[m].themes[theme]; tm != nil {
				match = math.Max(match, tm.score)
			}
		}
		scores[i] = math.Sqrt(p[i]*float64(n)) * boost * match
	}
	return scores
}

// mmr picks up to k candidates by maximal marginal relevance: each pick weighs its score
// against its similarity to the picks before, so the set is relevant and diverse.
func (c *corpus) mmr(cands []int, scores []float64, k int) []int {
	top := 0.0
	for _, s := range scores {
		top = math.Max(top, s)
	}
	var chosen []int
	used := make([]bool, len(cands))
	ranges := make([][2]int, len(cands))
	for i, cl := range cands {
		ranges[i] = c.quotedRange(cl)
	}
	for len(chosen) < k {
		best, bestVal := -1, math.Inf(-1)
		for i := range cands {
			if used[i] {
				continue
			}
			sim := 0.0
			for _, j := range chosen {
				sim = math.Max(sim, cosine(c.repVec(cands[i]), c.repVec(cands[j])))
			}
			val := mmrLambda*scores[i]/top - (1-mmrLambda)*sim
			if val > bestVal {
				best, bestVal = i, val
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		chosen = append(chosen, best)
		// A candidate that quotes a sentence the pick quotes (a sentence alone and the same
		// sentence as the context of the next) is out.
		for i, r := range ranges {
			if r[0] <= ranges[best][1] && ranges[best][0] <= r[1] {
				used[i] = true
			}
		}
	}
	return chosen
}

// quotedRange is the range of sentence indexes the representative of a cluster quotes.
func (c *corpus) quotedRange(cluster int) [2]int {
	rep := c.clusters[cluster][0]
	first, ok := c.withContext(rep)
	if !ok {
		first = rep
	}
	return [2]int{first, rep}
}

// background reports sentences that only documents outside the briefing's window state.
func (c *corpus) background(members []int) bool {
	for _, m := range members {
		if !c.docs[c.sents[m].doc].Background {
			return false
		}
	}
	return true
}

// clusterRecency is the recency of the newest document that states a cluster.
func (c *corpus) clusterRecency(cluster int) float64 { return c.clusterNewest[cluster] }

func (c *corpus) repVec(cluster int) vector { return c.vec(c.clusters[cluster][0]) }

// docCount returns the number of documents that state a cluster.
func (c *corpus) docCount(cluster int) int { return c.clusterDocs[cluster] }

// statement turns a cluster into a statement of a theme: the representative's text, the
// matched terms of all members and every member as a source.
func (c *corpus) statement(theme, cluster int, score float64) briefing.Statement {
	st := briefing.Statement{Score: math.Round(score*1e4) / 1e4, Terms: []string{}}
	seen := map[string]bool{}
	for _, m := range c.clusters[cluster] {
		s := c.sents[m]
		if tm := s.themes[theme]; tm != nil {
			for _, t := range tm.terms {
				if !seen[t] {
					seen[t] = true
					st.Terms = append(st.Terms, t)
				}
			}
		}
	}
	sort.Strings(st.Terms)
	st.Sources = c.quoted(c.clusters[cluster])
	rep := c.clusters[cluster][0]
	first, _ := c.withContext(rep)
	st.Text = c.docs[c.sents[rep].doc].Text[c.sents[first].start:c.sents[rep].end]
	for k := first; k <= rep; k++ {
		for _, e := range c.sents[k].exprs {
			if e.To != "" && e.To > st.Time {
				st.Time = e.To
			}
		}
	}
	return st
}

// quoted returns the spans a statement quotes, one per document, in the given order: each
// sentence with the one before it when it refers back to it.
func (c *corpus) quoted(members []int) []briefing.Source { return c.spans(members, true) }

// sources returns the spans of sentences, one per document, in the given order.
func (c *corpus) sources(members []int) []briefing.Source { return c.spans(members, false) }

func (c *corpus) spans(members []int, withContext bool) []briefing.Source {
	var out []briefing.Source
	seen := make([]uint64, (len(c.docs)+63)/64) // a bit per document: clusters of reposts are large
	for _, m := range members {
		s := c.sents[m]
		if seen[s.doc/64]&(1<<(s.doc%64)) != 0 {
			continue
		}
		seen[s.doc/64] |= 1 << (s.doc % 64)
		first := m
		if withContext {
			if f, ok := c.withContext(m); ok {
				first = f
			}
		}
		out = append(out, briefing.Source{Doc: c.docs[s.doc].ID, Start: c.sents[first].start, End: s.end})
	}
	return out
}

func hasTheme(d briefing.Disagreement, id string) bool {
	for _, f := range d.Figures {
		for _, t := range f.Themes {
			if t == id {
				return true
			}
		}
	}
	return false
}
