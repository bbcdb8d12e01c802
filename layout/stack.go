package layout

// Stack splits text into lines of at most perLine grapheme clusters, as the
// narrow label cells of the printed forms do ("绩/效/指/标", "履职/效能").
// Each "\n"-separated paragraph is cut into the fewest lines that respect
// perLine, with lengths as equal as possible (longer lines first), then each
// cut is moved to the nearest position that respects 避头尾, preferring one
// that keeps both lines within perLine. Nothing but the hard-break characters
// and trailing spaces of a paragraph is dropped. perLine <= 0 gives one line
// per paragraph.
func Stack(text string, perLine int) []string {
	runes := []rune(text)
	b := newBreaker(runes)
	var out []string
	b.paragraphs(func(s, e int) {
		g := b.graphemes(s, e)
		for _, l := range stackCuts(b, g, perLine) {
			out = append(out, string(runes[g[l[0]]:g[l[1]]]))
		}
	})
	return out
}

// graphemes returns the grapheme boundaries of [s, e), both ends included.
func (b *breaker) graphemes(s, e int) []int {
	g := []int{s}
	for i := s; i < e; {
		i = min(b.nextGrapheme(i), e)
		g = append(g, i)
	}
	return g
}

// stackCuts returns [from, to) grapheme-index pairs, one per line.
func stackCuts(b *breaker, g []int, perLine int) [][2]int {
	k := len(g) - 1
	if perLine <= 0 || k <= perLine {
		return [][2]int{{0, k}}
	}
	n := (k + perLine - 1) / perLine
	cuts := make([]int, n+1)
	for i := 1; i <= n; i++ {
		cuts[i] = cuts[i-1] + k/n
		if i <= k%n {
			cuts[i]++
		}
	}
	// A cut at grapheme index c is bad if it breaks a 避头尾 rule.
	bad := func(c int) bool { return b.banned(g[c], g[c]) }
	for i := 1; i < n; i++ {
		if bad(cuts[i]) {
			up := isNoStart(b.runes[g[cuts[i]]]) // pull the closing mark up
			cuts[i] = moveCut(cuts[i-1], cuts[i], cuts[i+1], perLine, up, bad)
		}
	}
	lines := make([][2]int, 0, n)
	for i := 0; i < n; i++ {
		if cuts[i] < cuts[i+1] {
			lines = append(lines, [2]int{cuts[i], cuts[i+1]})
		}
	}
	return lines
}

// moveCut finds the good cut nearest c strictly between lo and hi,
// preferring one that keeps both neighbouring lines within perLine, then
// a later cut when up is set (a closing mark joins the line above) or an
// earlier one otherwise (an opening mark moves down). It returns c
// unchanged when every position is bad.
func moveCut(lo, c, hi, perLine int, up bool, bad func(int) bool) int {
	first := c
	for d := 1; c-d > lo || c+d < hi; d++ {
		order := [2]int{c - d, c + d}
		if up {
			order = [2]int{c + d, c - d}
		}
		for _, x := range order {
			if x <= lo || x >= hi || bad(x) {
				continue
			}
			if x-lo <= perLine && hi-x <= perLine {
				return x
			}
			if first == c {
				first = x
			}
		}
	}
	return first
}
