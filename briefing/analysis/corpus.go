package analysis

import (
	"context"
	"hash/fnv"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/secbrief/briefing/briefing"
)

// corpus is every sentence of every document, with the vectors and clusters built over them.
type corpus struct {
	ctx      context.Context // ends long loops early when it is done
	docs     []briefing.Document
	themeIDs []string // by theme index
	sents    []*sentence
	idf      map[string]float64
	vecs     []*vector // TF-IDF vector per sentence, unit length; made on first use
	// clusters are groups of sentences that state the same thing; the first is the
	// representative. Every sentence is in exactly one cluster.
	clusters [][]int
	// conflicts are pairs of sentences that state the same claim with different figures.
	conflicts [][2]int
	// recency of each document, 0 to 1 (recency.go)
	recency []float64
	// clusterDocs and clusterNewest are, per cluster, the documents that state it and the
	// recency of the newest of them.
	clusterDocs   []int
	clusterNewest []float64
	byID          map[string]*briefing.Document // made on first use
}

func newCorpus(docs []briefing.Document, prepared [][]*sentence, themes []Theme) *corpus {
	c := &corpus{ctx: context.Background(), docs: docs}
	days := make([]daySpan, len(docs))
	for i, d := range docs {
		if prepared[i] != nil {
			days[i] = dayOf(d.Date)
		}
	}
	c.recency = recencies(days)
	for _, t := range themes {
		c.themeIDs = append(c.themeIDs, t.ID)
	}
	for _, ss := range prepared {
		c.sents = append(c.sents, ss...)
	}
	// Reposts share their features: each distinct text adds its words once, times its copies.
	copies := map[*textFeatures]int{}
	for _, s := range c.sents {
		copies[s.textFeatures]++
	}
	df := map[string]int{}
	for f, n := range copies {
		for _, w := range f.distinct {
			df[w] += n
		}
	}
	n := float64(len(c.sents))
	c.idf = make(map[string]float64, len(df))
	for w, k := range df {
		c.idf[w] = math.Log(1 + n/float64(k))
	}
	c.vecs = make([]*vector, len(c.sents))
	return c
}

// vec returns the TF-IDF vector of sentence i. Only the sentences that are compared need one
// (representatives of clusters), so vectors are made on first use. Not safe for concurrent use.
func (c *corpus) vec(i int) vector {
	if c.vecs[i] == nil {
		v := newVector(c.sents[i].content, c.idf)
		c.vecs[i] = &v
	}
	return *c.vecs[i]
}

// vector is a sparse unit vector of term weights, sorted by term.
type vector struct {
	terms   []string
	weights []float64
}

func newVector(words []string, idf map[string]float64) vector {
	sorted := append([]string(nil), words...)
	sort.Strings(sorted)
	v := vector{}
	var norm float64
	for i := 0; i < len(sorted); {
		j := i
		for j < len(sorted) && sorted[j] == sorted[i] {
			j++
		}
		x := float64(j-i) * idf[sorted[i]]
		v.terms = append(v.terms, sorted[i])
		v.weights = append(v.weights, x)
		norm += x * x
		i = j
	}
	norm = math.Sqrt(norm)
	for i := range v.weights {
		if norm > 0 {
			v.weights[i] /= norm
		}
	}
	return v
}

// cosine returns the cosine similarity of two unit vectors.
func cosine(a, b vector) float64 {
	var sum float64
	for i, j := 0, 0; i < len(a.terms) && j < len(b.terms); {
		switch {
		case a.terms[i] == b.terms[j]:
			sum += a.weights[i] * b.weights[j]
			i++
			j++
		case a.terms[i] < b.terms[j]:
			i++
		default:
			j++
		}
	}
	return sum
}

// minMergeWords is the number of content words a sentence needs to be merged with another.
const minMergeWords = 5

// sameClaimCosine is the similarity above which two sentences of different documents that
// name the same date and share a theme state the same claim ("im März 2024 … Veto …"). The
// shared date and theme are strong evidence already, so the bar is lower than for wording.
const sameClaimCosine = 0.25

// cluster groups sentences that say the same: near-duplicate wording found with MinHash and
// locality-sensitive hashing, and dated claims (same date, similar words) found through an
// index of dates. Sentences whose figures differ are not merged but recorded as conflicts.
func (c *corpus) cluster(threshold float64) {
	uf := newUnionFind(len(c.sents))
	try := func(i, j int, similar bool) {
		if !similar || uf.find(i) == uf.find(j) {
			return
		}
		if !sameFigures(c.sents[i], c.sents[j]) {
			c.conflicts = append(c.conflicts, [2]int{i, j})
			return
		}
		uf.union(i, j)
	}
	// Exact reposts first: the same sentence is the same statement. Only one sentence of
	// each group of copies takes part in the similarity searches below.
	first := map[string]int{}
	rep := make([]bool, len(c.sents))
	for i, s := range c.sents {
		if !mergeable(s) {
			continue
		}
		if j, ok := first[s.text]; ok {
			uf.union(j, i)
			continue
		}
		first[s.text] = i
		rep[i] = true
	}
	shingles := make([]map[uint64]bool, len(c.sents))
	for i, s := range c.sents {
		if rep[i] {
			shingles[i] = shingleSet(s.content)
		}
	}
	// Near-duplicate wording: each member of an LSH bucket is compared with the bucket's
	// first member; union-find joins the chains.
	for bi, bucket := range lshBuckets(shingles) {
		if c.stopped(bi) {
			return
		}
		f := bucket[0]
		for _, m := range bucket[1:] {
			if uf.find(m) != uf.find(f) {
				try(f, m, jaccard(shingles[f], shingles[m]) >= threshold)
			}
		}
	}
	for bi, bucket := range c.dateBuckets(rep) {
		if c.stopped(bi) {
			return
		}
		for a := 0; a < len(bucket); a++ {
			for b := a + 1; b < len(bucket); b++ {
				i, j := bucket[a], bucket[b]
				if c.sents[i].doc != c.sents[j].doc && uf.find(i) != uf.find(j) && shareTheme(c.sents[i], c.sents[j]) {
					try(i, j, cosine(c.vec(i), c.vec(j)) >= sameClaimCosine || sameFactAcrossLanguages(c.sents[i], c.sents[j]))
				}
			}
		}
	}
	weight := make([]float64, len(c.sents))
	for i, s := range c.sents {
		weight[i] = themeWeight(s)
	}
	dateRank := c.dateRanks()
	for _, members := range uf.groups() {
		// The order is total (the sentence index decides last), so an unstable sort gives
		// the same order as a stable one, in n log n for a cluster of many reposts.
		slices.SortFunc(members, func(i, j int) int { return c.better(i, j, weight, dateRank) })
		for _, m := range members {
			c.sents[m].cluster = len(c.clusters)
		}
		c.clusters = append(c.clusters, members)
	}
	// How many documents state each cluster and how recent the newest is, found once: the
	// ranking asks for them per theme and candidate, and a cluster may have thousands of
	// reposts.
	c.clusterDocs = make([]int, len(c.clusters))
	c.clusterNewest = make([]float64, len(c.clusters))
	stamp := make([]int, len(c.docs)) // cluster+1 that last counted the document
	for k, members := range c.clusters {
		for _, m := range members {
			d := c.sents[m].doc
			if stamp[d] != k+1 {
				stamp[d] = k + 1
				c.clusterDocs[k]++
			}
			c.clusterNewest[k] = math.Max(c.clusterNewest[k], c.recency[d])
		}
	}
}

// better orders the members of a cluster: the sentence with the strongest theme match first,
// then the one from the earlier document (by the rank of its date), then document order.
func (c *corpus) better(i, j int, weight []float64, dateRank []int) int {
	if a, b := weight[i], weight[j]; a != b {
		if a > b {
			return -1
		}
		return 1
	}
	if a, b := dateRank[c.sents[i].doc], dateRank[c.sents[j].doc]; a != b {
		return a - b
	}
	return i - j
}

// dateRanks returns for each document the rank of its date among the documents' dates, in
// the order of the date strings ("" first), so that dates compare as integers.
func (c *corpus) dateRanks() []int {
	dates := make([]string, len(c.docs))
	for i, d := range c.docs {
		dates[i] = d.Date
	}
	distinct := slices.Compact(slices.Sorted(slices.Values(dates)))
	rank := make([]int, len(c.docs))
	for i, d := range dates {
		rank[i], _ = slices.BinarySearch(distinct, d)
	}
	return rank
}

func themeWeight(s *sentence) float64 {
	var w float64
	for _, t := range s.themes {
		w += t.score
	}
	return w
}

func mergeable(s *sentence) bool { return !s.heading && len(s.content) >= minMergeWords }

// maxBucket bounds a date bucket, so that a date named by very many sentences costs a bounded
// number of comparisons.
const maxBucket = 200

// dateBuckets groups the representative sentences by the dates (month or day precise) they
// name.
func (c *corpus) dateBuckets(rep []bool) [][]int {
	idx := map[string][]int{}
	var keys []string
	for i, s := range c.sents {
		if !rep[i] {
			continue
		}
		for _, e := range s.exprs {
			if len(e.Value) < len("2006-01") || strings.IndexByte(e.Value, '/') >= 0 || e.Mod == "since" {
				continue
			}
			if idx[e.Value] == nil {
				keys = append(keys, e.Value)
			}
			if len(idx[e.Value]) < maxBucket {
				idx[e.Value] = append(idx[e.Value], i)
			}
		}
	}
	out := make([][]int, 0, len(keys))
	for _, k := range keys {
		out = append(out, idx[k])
	}
	return out
}

// sameFactAcrossLanguages reports a German and an English sentence that name the same day
// and the same actors (the same entities, none missing on either side): "Am 31. Oktober 2024
// testete Nordkorea eine Interkontinentalrakete" and "On October 31, 2024, the DPRK launched
// an ICBM". Their words cannot be compared; the day, the actors, the theme and the figures
// (checked when they are merged) can. A month is not enough: much happens to the same
// actors in a month.
func sameFactAcrossLanguages(a, b *sentence) bool {
	if a.lang == b.lang || a.lang == "" || b.lang == "" {
		return false
	}
	if !shareDay(a, b) {
		return false
	}
	ea, eb := actors(a), actors(b)
	if len(ea) == 0 || len(ea) != len(eb) {
		return false
	}
	for g := range ea {
		if !eb[g] {
			return false
		}
	}
	return true
}

// shareDay reports a day (not a month or a span) that both sentences name, and no other day
// in either.
func shareDay(a, b *sentence) bool {
	days := func(s *sentence) map[string]bool {
		out := map[string]bool{}
		for _, e := range s.exprs {
			if len(e.Value) == len("2006-01-02") && e.Mod == "" {
				out[e.Value] = true
			}
		}
		return out
	}
	da, db := days(a), days(b)
	if len(da) != 1 || len(db) != 1 {
		return false
	}
	for d := range da {
		return db[d]
	}
	return false
}

// actors are the entities a sentence names (not as the first part of a compound).
func actors(s *sentence) map[int]bool {
	out := map[int]bool{}
	for _, h := range s.entities {
		if !s.toks[h.Last].Modifier {
			out[h.Group] = true
		}
	}
	return out
}

func shareTheme(a, b *sentence) bool {
	for t := range a.themes {
		if b.themes[t] != nil {
			return true
		}
	}
	return false
}

// sameFigures reports whether two sentences state the same figures, or one of them states
// none.
func sameFigures(a, b *sentence) bool {
	if len(a.quantities) == 0 || len(b.quantities) == 0 {
		return true
	}
	if len(a.quantities) != len(b.quantities) {
		return false
	}
	for i := range a.quantities {
		qa, qb := a.quantities[i], b.quantities[i]
		if qa.Unit != qb.Unit || !near(qa.Value, qb.Value) || !near(qa.ValueMax, qb.ValueMax) {
			return false
		}
	}
	return true
}

// near reports whether two values agree within half a percent.
func near(a, b float64) bool {
	return math.Abs(a-b) <= 0.005*math.Max(math.Abs(a), math.Abs(b))
}

// shingleSet returns the hashed word trigrams of a sentence (single words for short ones).
func shingleSet(words []string) map[uint64]bool {
	set := map[uint64]bool{}
	n := 3
	if len(words) < n {
		n = 1
	}
	for i := 0; i+n <= len(words); i++ {
		h := fnv.New64a()
		for _, w := range words[i : i+n] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		set[h.Sum64()] = true
	}
	return set
}

func jaccard(a, b map[uint64]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for k := range a {
		if b[k] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// stopped reports, every 1024th call of a loop, whether the analysis was cancelled.
func (c *corpus) stopped(i int) bool {
	return i&1023 == 0 && c.ctx.Err() != nil
}
