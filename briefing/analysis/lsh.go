package analysis

// MinHash signature size and its banding for locality-sensitive hashing: 16 bands of 4 rows
// find pairs with a resemblance of about 0.5 and above with high probability.
const (
	bands = 16
	rows  = 4
)

// lshBuckets returns the groups of sets that share a band of their MinHash signatures, in
// a fixed order, each with at least two members and at most maxBucket. Nil sets take no part.
func lshBuckets(sets []map[uint64]bool) [][]int {
	buckets := map[[2]uint64][]int{}
	var keys [][2]uint64
	for i, set := range sets {
		if len(set) == 0 {
			continue
		}
		sig := signature(set)
		for b := range bands {
			key := [2]uint64{uint64(b), bandHash(sig[b*rows : (b+1)*rows])}
			if len(buckets[key]) == 1 {
				keys = append(keys, key)
			}
			if len(buckets[key]) < maxBucket {
				buckets[key] = append(buckets[key], i)
			}
		}
	}
	out := make([][]int, 0, len(keys))
	for _, k := range keys {
		out = append(out, buckets[k])
	}
	return out
}

// signature is the MinHash signature of a set: per hash function, the least value it takes.
func signature(set map[uint64]bool) []uint64 {
	sig := make([]uint64, bands*rows)
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for x := range set {
		for i := range sig {
			if h := mix(x ^ seeds[i]); h < sig[i] {
				sig[i] = h
			}
		}
	}
	return sig
}

var seeds = func() [bands * rows]uint64 {
	var s [bands * rows]uint64
	x := uint64(0x9E3779B97F4A7C15)
	for i := range s {
		x = mix(x + uint64(i))
		s[i] = x
	}
	return s
}()

// mix is the SplitMix64 finaliser: a fast, well-distributed 64-bit hash.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xBF58476D1CE4E5B9
	x ^= x >> 27
	x *= 0x94D049BB133111EB
	return x ^ x>>31
}

func bandHash(rows []uint64) uint64 {
	h := uint64(1469598103934665603)
	for _, r := range rows {
		h = mix(h ^ r)
	}
	return h
}

// groups returns the sets of the forest, each in index order, in the order of their first
// member.
func (u *unionFind) groups() [][]int {
	index := map[int]int{}
	var out [][]int
	for i := range u.parent {
		r := u.find(i)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, nil)
		}
		out[k] = append(out[k], i)
	}
	return out
}

// unionFind is a disjoint-set forest with path halving and union by size.
type unionFind struct{ parent, size []int }

func newUnionFind(n int) *unionFind {
	u := &unionFind{parent: make([]int, n), size: make([]int, n)}
	for i := range u.parent {
		u.parent[i], u.size[i] = i, 1
	}
	return u
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(a, b int) {
	a, b = u.find(a), u.find(b)
	if a == b {
		return
	}
	if u.size[a] < u.size[b] {
		a, b = b, a
	}
	u.parent[b] = a
	u.size[a] += u.size[b]
}
