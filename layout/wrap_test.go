package layout

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// mm1 is a font size whose em is 1 mm with FixedMeasurer: widths below are
// in ems (CJK 1, Latin 0.5).
const mm1 = 1 / PtMM

func TestWrap(t *testing.T) {
	tests := map[string]struct {
		text  string
		width float64
		want  []string
	}{
		"fpdf loses 面设区积 here": {"保障办公面积含附属设施及公共区域分摊面积", 4,
			[]string{"保障办公", "面积含附", "属设施及", "公共区域", "分摊面积"}},
		"fits on one line":                         {"重点工作", 4, []string{"重点工作"}},
		"empty":                                    {"", 4, nil},
		"comma never leads":                        {"重点工作，履行情况", 4, []string{"重点工", "作，履行", "情况"}},
		"full stop pushes the last char down":      {"重点工作。", 4, []string{"重点工", "作。"}},
		"a cell too narrow: 避头尾 yields":            {"好。", 1, []string{"好", "。"}},
		"never past the cell's edge":               {"（一）……", 3, []string{"（一）", "……"}},
		"opening bracket never ends a line":        {"项目（政策）", 3, []string{"项目", "（政", "策）"}},
		"opening quote moves down":                 {"他说“好的”。然后", 3, []string{"他说", "“好", "的”。", "然后"}},
		"percent stays with its number":            {"执行率100%", 3.5, []string{"执行率", "100%"}},
		"latin words":                              {"hello world", 3, []string{"hello", "world"}},
		"spaces at a break are dropped":            {"ab    cd", 1.5, []string{"ab", "cd"}},
		"a number wider than the line stays whole": {"1197.19", 2.5, []string{"1197.19"}},
		"a number on its own line":                 {"完成97.89%以上", 3, []string{"完成", "97.89%", "以上"}},
		"thousands and decimals":                   {"合计1,234.56万元", 4, []string{"合计", "1,234.56", "万元"}},
		"a list is not one number":                 {"1,2,3,4", 1, []string{"1,", "2,", "3,", "4"}},
		"a sign joins its number":                  {"增长-5.5%", 2.5, []string{"增长", "-5.5%"}},
		"full-width digits are a number":           {"９７．８９％", 2, []string{"９７．８９％"}},
		"a date keeps 年 with its number":           {"填报日期：2022年12月30日", 9, []string{"填报日期：2022年", "12月30日"}},
		"a date keeps 日 with its number":           {"填报日期：2022年12月30日", 11, []string{"填报日期：2022年12月", "30日"}},
		"newline forces a break":                   {"a\nb", 10, []string{"a", "b"}},
		"CRLF is one break":                        {"a\r\nb", 10, []string{"a", "b"}},
		"blank line kept":                          {"a\n\nb", 10, []string{"a", "", "b"}},
		"trailing newline":                         {"a\n", 10, []string{"a"}},
		"leading spaces kept":                      {"　　缩进", 10, []string{"　　缩进"}},
		"ext-b runes pass through":                 {"𠮷𠮷𠮷", 2, []string{"𠮷𠮷", "𠮷"}},
		"emoji clusters stay whole":                {"👨‍👩‍👧👍🏽ok", 1, []string{"👨‍👩‍👧", "👍🏽", "ok"}},
		"zero width: one per line":                 {"一二三", 0, []string{"一", "二", "三"}},
		"negative width":                           {"一二", -5, []string{"一", "二"}},
		"dash pair is not split off":               {"合计——", 3, []string{"合", "计——"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := Wrap(tc.text, tc.width, mm1, false, FixedMeasurer{})
			if !slices.Equal(got, tc.want) {
				t.Errorf("Wrap(%q, %g) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
			if err := reconstruct(tc.text, got); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestWrapWidths(t *testing.T) {
	lines, widths := wrapLines("预算 abc", 100, mm1, false, FixedMeasurer{})
	if len(lines) != 1 || !near(widths[0], 2+0.5*4) {
		t.Fatalf("got %q %v, want one line 4 mm wide", lines, widths)
	}
}

// Piece sets for generated text. Closing marks follow and opening marks
// precede a character, as in real text, so 避头尾 can always be kept.
var (
	genChars   = []rune("预算执行率年度绩效目标完成情况指标值abcdefXYZ0123456789𠮷😀")
	genClosers = []rune("，。、；：？！）》”％")
	genOpeners = []rune("（《“")
)

func genText(rng *rand.Rand, n int) string {
	var sb strings.Builder
	for range n {
		switch rng.IntN(12) {
		case 0:
			sb.WriteRune(genOpeners[rng.IntN(len(genOpeners))])
			sb.WriteRune(genChars[rng.IntN(len(genChars))])
		case 1:
			sb.WriteRune(genChars[rng.IntN(len(genChars))])
			sb.WriteRune(genClosers[rng.IntN(len(genClosers))])
		case 2:
			sb.WriteString([]string{" ", "  ", "\n", "\u3000", "e\u0301"}[rng.IntN(5)])
		default:
			sb.WriteRune(genChars[rng.IntN(len(genChars))])
		}
	}
	return sb.String()
}

// TestWrapProperties: nothing lost, 避头尾 kept and widths respected on
// generated text wide enough for every opener+char+closer group.
func TestWrapProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	m := FixedMeasurer{}
	for i := range 2000 {
		text := genText(rng, rng.IntN(80))
		width := 3 + rng.Float64()*20
		lines := Wrap(text, width, mm1, false, m)
		if err := reconstruct(text, lines); err != nil {
			t.Fatalf("case %d %q width %g: %v\nlines %q", i, text, width, err, lines)
		}
		for j, l := range lines {
			r := []rune(l)
			if len(r) == 0 {
				continue
			}
			if j > 0 && isNoStart(r[0]) || isNoEnd(r[len(r)-1]) && j < len(lines)-1 {
				t.Fatalf("case %d %q: line %d %q breaks 避头尾 (lines %q)", i, text, j, l, lines)
			}
			if w := textWidth(l, m); w > width+eps && !isNumber(l) {
				t.Fatalf("case %d %q: line %q is %g wide > %g", i, text, l, w, width)
			}
		}
	}
}

func textWidth(s string, m Measurer) float64 {
	w := 0.0
	for _, r := range s {
		w += m.Advance(r, mm1, false)
	}
	return w
}

func FuzzWrap(f *testing.F) {
	for _, s := range []string{"保障办公面积含附属设施及公共区域分摊面积", "好。」", "a\r\n\n b", "（（（（", "。。。。。",
		"𠮷👨‍👩‍👧", "\xff\xfeabc", "e\u0301\u0301\u0301", "   ", "\u2028\u0085x"} {
		f.Add(s, 3.0)
	}
	f.Fuzz(func(t *testing.T, text string, width float64) {
		lines, widths := wrapLines(text, width, 10, true, FixedMeasurer{})
		if err := reconstruct(text, lines); err != nil {
			t.Fatalf("%q width %g: %v; lines %q", text, width, err, lines)
		}
		for i, l := range lines {
			if !utf8.ValidString(l) {
				t.Fatalf("invalid UTF-8 line %q", l)
			}
			// Nothing crosses the cell's edge but a grapheme or a number wider than the cell on its own.
			if widths[i] > width+eps && graphemeCount(l) > 1 && !isNumber(l) {
				t.Fatalf("%q width %g: line %q is %g wide", text, width, l, widths[i])
			}
		}
	})
}

// isNumber reports whether s is one number that Wrap never breaks; marks that join the
// grapheme before them (a combining accent, a spacing vowel sign such as U+094F, a
// zero-width joiner) belong to it.
func isNumber(s string) bool {
	r := []rune(strings.Map(func(c rune) rune {
		if unicode.In(c, unicode.Mn, unicode.Mc, unicode.Me, unicode.Cf) {
			return -1
		}
		return c
	}, s))
	nb := markNumbers(r)
	if len(r) < 2 || nb == nil {
		return false
	}
	return !slices.Contains(nb[1:len(r)], false)
}

// graphemeCount is the number of grapheme clusters of s.
func graphemeCount(s string) int {
	b := newBreaker([]rune(s))
	n := 0
	for _, boundary := range b.gb[1:] {
		if boundary {
			n++
		}
	}
	return n
}

func TestStack(t *testing.T) {
	tests := map[string]struct {
		text    string
		perLine int
		want    []string
	}{
		"one per line":      {"绩效指标", 1, []string{"绩", "效", "指", "标"}},
		"two per line":      {"履职效能", 2, []string{"履职", "效能"}},
		"four lines of two": {"重点工作履行情况", 2, []string{"重点", "工作", "履行", "情况"}},
		"balanced":          {"预算执行效率", 4, []string{"预算执", "行效率"}},
		"balanced, long first": {"所属单位数量（仅部门填列）", 3,
			[]string{"所属单", "位数量", "（仅部", "门填", "列）"}},
		"closing mark pulled up":  {"收入。合计", 2, []string{"收入。", "合", "计"}},
		"opening mark moved down": {"情况（万元）", 3, []string{"情况", "（万元）"}},
		"short stays whole":       {"得分", 3, []string{"得分"}},
		"newline splits":          {"一级\n指标", 3, []string{"一级", "指标"}},
		"zero means no stacking":  {"一级指标", 0, []string{"一级指标"}},
		"empty":                   {"", 2, nil},
		"ext-b and emoji":         {"𠮷😀ab", 2, []string{"𠮷😀", "ab"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			got := Stack(tc.text, tc.perLine)
			if !slices.Equal(got, tc.want) {
				t.Errorf("Stack(%q, %d) = %q, want %q", tc.text, tc.perLine, got, tc.want)
			}
			if err := reconstruct(tc.text, got); err != nil {
				t.Error(err)
			}
		})
	}
}
