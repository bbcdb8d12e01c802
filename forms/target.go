package forms

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Wording is one way accountants write a comparison in a 年度指标值 ("不低于95%", "10天以内"):
// the words, where they stand, and the operator they mean. Wordings is the table the program
// understands; docs/scoring.md §6.1 prints it, and target_test.go has a case for each entry.
type Wording struct {
	Text   string // the words as written, e.g. "不低于"
	Suffix bool   // written after the number ("95%以上") rather than before it
	Op     Op
}

// wordings lists the recognised comparison wordings (Wordings). "以上" and "以下" include the number
// itself, as Chinese statutory usage has it (民法典 第1259条), so they mean ≥ and ≤.
var wordings = []Wording{
	{Text: "≥", Op: OpGE}, {Text: ">=", Op: OpGE}, {Text: "≧", Op: OpGE}, {Text: "⩾", Op: OpGE},
	{Text: "不低于", Op: OpGE}, {Text: "不少于", Op: OpGE}, {Text: "不小于", Op: OpGE},
	{Text: "大于等于", Op: OpGE}, {Text: "大于或等于", Op: OpGE}, {Text: "至少", Op: OpGE},
	{Text: "不得低于", Op: OpGE}, {Text: "不得少于", Op: OpGE}, {Text: "达到", Op: OpGE},
	{Text: "以上", Suffix: true, Op: OpGE}, {Text: "及以上", Suffix: true, Op: OpGE},
	{Text: "以上（含）", Suffix: true, Op: OpGE}, {Text: "（含）以上", Suffix: true, Op: OpGE},

	{Text: "≤", Op: OpLE}, {Text: "<=", Op: OpLE}, {Text: "≦", Op: OpLE}, {Text: "⩽", Op: OpLE},
	{Text: "不超过", Op: OpLE}, {Text: "不高于", Op: OpLE}, {Text: "不多于", Op: OpLE},
	{Text: "不大于", Op: OpLE}, {Text: "小于等于", Op: OpLE}, {Text: "小于或等于", Op: OpLE},
	{Text: "至多", Op: OpLE}, {Text: "最多", Op: OpLE}, {Text: "不得超过", Op: OpLE},
	{Text: "不得高于", Op: OpLE}, {Text: "控制在", Op: OpLE},
	{Text: "以下", Suffix: true, Op: OpLE}, {Text: "及以下", Suffix: true, Op: OpLE},
	{Text: "以内", Suffix: true, Op: OpLE}, {Text: "之内", Suffix: true, Op: OpLE},
	{Text: "内", Suffix: true, Op: OpLE}, {Text: "以下（含）", Suffix: true, Op: OpLE},
	{Text: "（含）以下", Suffix: true, Op: OpLE},

	{Text: ">", Op: OpGT}, {Text: "＞", Op: OpGT}, {Text: "大于", Op: OpGT}, {Text: "高于", Op: OpGT},
	{Text: "超过", Op: OpGT}, {Text: "多于", Op: OpGT},
	{Text: "<", Op: OpLT}, {Text: "＜", Op: OpLT}, {Text: "小于", Op: OpLT}, {Text: "低于", Op: OpLT},
	{Text: "少于", Op: OpLT},
	{Text: "=", Op: OpEQ}, {Text: "＝", Op: OpEQ}, {Text: "等于", Op: OpEQ},
}

// Wordings lists the recognised comparison wordings: a new slice each time.
func Wordings() []Wording { return slices.Clone(wordings) }

// prefixWordings and suffixWordings are Wordings split by position, longest first, so that
// "大于等于" is tried before "大于" and "及以上" before "以上".
var prefixWordings, suffixWordings = splitWordings()

func splitWordings() (pre, suf []Wording) {
	for _, w := range wordings {
		if w.Suffix {
			suf = append(suf, w)
		} else {
			pre = append(pre, w)
		}
	}
	longest := func(ws []Wording) {
		sort.SliceStable(ws, func(i, j int) bool { return len(ws[i].Text) > len(ws[j].Text) })
	}
	longest(pre)
	longest(suf)
	return pre, suf
}

// Target is a 年度指标值 as the program reads it: a number with the operator and unit written
// around it, or a deadline, or neither (a text target, scored by hand).
type Target struct {
	Num    Number // the number; Num.Sign is the operator written in the text, if any
	HasNum bool
	// Wording is the comparison as written ("不低于", "以上", "≥"), "" when none.
	Wording string
	// Deadline is set for a 时效 target such as "12月底前" or "2021年12月31日前".
	Deadline    Date
	HasDeadline bool
}

// Date is a day of a year; Year 0 means "the document's year". Day 0 means the end of the month.
type Date struct{ Year, Month, Day int }

// String renders the date as accountants write it.
func (d Date) String() string {
	s := ""
	if d.Year > 0 {
		s = strconv.Itoa(d.Year) + "年"
	}
	s += strconv.Itoa(d.Month) + "月"
	if d.Day > 0 {
		return s + strconv.Itoa(d.Day) + "日"
	}
	return s + "底"
}

// key orders dates; the end of a month sorts after every day of it.
func (d Date) key(year int) int {
	if d.Year > 0 {
		year = d.Year
	}
	day := d.Day
	if day == 0 {
		day = daysIn(d.Month) // 月底 is the month's last day: "11月底" keeps "11月30日前"
		if d.Month == 2 && year%4 != 0 {
			day = 28
		}
	}
	return year*10000 + d.Month*100 + day
}

var (
	// deadlineRE matches "12月底前", "6月30日前", "2021年12月31日前", "2021年12月", "12月前完成".
	deadlineRE = regexp.MustCompile(`^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号]|底|末|份)?(?:之前|以前|前)?(?:完成)?$`)
	// yearEndRE matches "年底前", "年内", "2021年底前", "2021年内", "当年完成".
	yearEndRE = regexp.MustCompile(`^(?:(\d{4})年)?(?:底|末|内|年底|年末|年内|当年|本年度内|本年内|年度内|度内)(?:之前|以前|前)?(?:完成)?$`)
	// monthDayRE matches "12.31前", "6.30之前": a month and day with a dot, read as a date only
	// when 前 follows (a bare "12.31" is a number).
	monthDayRE = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})(?:之前|以前|前)(?:完成)?$`)
	// bareMonthRE matches "1月", "12月": after ≤ a duration rather than a deadline.
	bareMonthRE = regexp.MustCompile(`^\d{1,2}月$`)
	// yearMonthRE matches "2021.9" or "2021.10": a number that looks like a year and a month.
	yearMonthRE = regexp.MustCompile(`^(?:19|20)\d\d\.(?:0?[1-9]|1[0-2])$`)
	// isoDateRE matches "2021-12-31", "2021/12/31", "2021-12" and "2021.12.31" (with dots only
	// with the day, since "2021.12" is a number).
	isoDateRE = regexp.MustCompile(`^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?|\.(\d{1,2})\.(\d{1,2}))(?:前|之前|以前)?$`)
)

// ReadTarget reads a 年度指标值. A text without a number ("一次性支付", "有效提升") is not an
// error: ok is false and the row is scored by hand. An error says why a text that looks like a
// number or a deadline could not be read. The steps: a date alone; the wordings cut off; a
// deadline with its sign; the number; the contradictions of targetConflicts; the operator.
func ReadTarget(s string) (t Target, ok bool, err error) {
	text := compact(s)
	if text == "" {
		return t, false, nil
	}
	if d, isDate := readDate(text); isDate {
		return Target{Deadline: d, HasDeadline: true}, true, nil
	}
	w := cutWordings(text)
	if d, isDate := w.signedDeadline(); isDate {
		return Target{Deadline: d, HasDeadline: true}, true, nil // "≤12月底": a deadline with its sign
	}
	n, perr := ParseNumber(w.rest)
	if perr != nil {
		if !hasDigit(text) {
			return t, false, nil
		}
		return t, false, fmt.Errorf("指标值“%s”无法识别为数值或期限（%v）", strings.TrimSpace(s), perr)
	}
	for _, c := range targetConflicts {
		if c.found(w, n) {
			return t, false, errors.New(c.say(strings.TrimSpace(s), w, n))
		}
	}
	t.Num, t.HasNum = n, true
	t.Num.Sign, t.Wording = w.operator(n)
	return t, true, nil
}

// targetWords is a 年度指标值 with its comparison wordings cut off: the one written before the
// number, the one after it (each zero when none) and what is left between them.
type targetWords struct {
	prefix, suffix Wording
	rest           string
}

// cutWordings cuts the longest prefix wording, then the longest suffix wording that leaves
// something, off text.
func cutWordings(text string) targetWords {
	w := targetWords{rest: text}
	for _, p := range prefixWordings {
		if r, found := strings.CutPrefix(w.rest, p.Text); found {
			w.prefix, w.rest = p, r
			break
		}
	}
	for _, x := range suffixWordings {
		if r, found := strings.CutSuffix(w.rest, x.Text); found && r != "" {
			w.suffix, w.rest = x, r
			break
		}
	}
	return w
}

// signedDeadline reads "≤12月底" as a deadline with its sign; "≤1月" is a duration of one month
// (1个月), not a date.
func (w targetWords) signedDeadline() (Date, bool) {
	if w.prefix.Op != OpLE && w.prefix.Op != OpLT || w.suffix.Text != "" || bareMonthRE.MatchString(w.rest) {
		return Date{}, false
	}
	return readDate(w.rest)
}

// operator is the comparison of the number n read between the wordings, and its words as
// written: a wording before the number first, then one after it, then a sign in the number.
func (w targetWords) operator(n Number) (Op, string) {
	switch {
	case w.prefix.Text != "":
		return w.prefix.Op, w.prefix.Text
	case w.suffix.Text != "":
		return w.suffix.Op, w.suffix.Text
	case n.Sign != OpNone:
		return n.Sign, string(n.Sign)
	}
	return n.Sign, ""
}

// targetConflicts are the ways a number and its wordings can contradict each other, in the
// order ReadTarget checks them; say writes the error for the 指标值 s.
var targetConflicts = []struct {
	found func(w targetWords, n Number) bool
	say   func(s string, w targetWords, n Number) string
}{
	{ // a unit of a date that is not one: "12月32日前"
		func(_ targetWords, n Number) bool {
			return strings.ContainsAny(n.Unit, "前底末") && (strings.ContainsAny(n.Unit, "月日号年") || strings.Contains(n.Unit, "前"))
		},
		func(s string, _ targetWords, _ Number) string {
			return fmt.Sprintf("指标值“%s”像是期限，但日期无法识别（请写成“12月31日前”等形式）", s)
		},
	},
	{
		func(w targetWords, n Number) bool { return w.prefix.Text != "" && n.Sign != OpNone },
		func(s string, _ targetWords, _ Number) string {
			return fmt.Sprintf("指标值“%s”中有两个比较符号", s)
		},
	},
	{
		func(w targetWords, _ Number) bool {
			return w.prefix.Text != "" && w.suffix.Text != "" && w.prefix.Op != w.suffix.Op
		},
		func(s string, w targetWords, _ Number) string {
			return fmt.Sprintf("指标值“%s”中的“%s”与“%s”意思相反", s, w.prefix.Text, w.suffix.Text)
		},
	},
	{
		func(w targetWords, n Number) bool {
			return w.suffix.Text != "" && n.Sign != OpNone && n.Sign != w.suffix.Op
		},
		func(s string, w targetWords, n Number) string {
			return fmt.Sprintf("指标值“%s”中的“%s”与“%s”意思相反", s, n.Sign, w.suffix.Text)
		},
	},
}

// compact maps full-width forms to ASCII (digits, signs and letters: "ｋｍ" is "km") and drops
// every space, so that "≥ 95 %", "不低于 ９５％" and "1 200人 次" read like "≥95%", "1200人次".
func compact(s string) string {
	s = fullWidth.Replace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsSpace(r):
			return -1
		case r >= 0xFF01 && r <= 0xFF5E && r != '（' && r != '）':
			return r - 0xFEE0
		}
		return r
	}, s)
}

func hasDigit(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= '0' && r <= '9' })
}

// datePatterns are the ways of writing a date readDate tries, in order, each with where its
// year, month and day stand in the match; the first that matches decides.
var datePatterns = []struct {
	re  *regexp.Regexp
	ymd func(m []string) (year, month, day string)
}{
	{deadlineRE, func(m []string) (string, string, string) { return m[1], m[2], m[3] }},
	{isoDateRE, func(m []string) (string, string, string) {
		if m[4] != "" { // "2021.12.31"
			return m[1], m[4], m[5]
		}
		return m[1], m[2], m[3]
	}},
	{monthDayRE, func(m []string) (string, string, string) { return "", m[1], m[2] }},
}

// readDate reads a deadline or a completion date written as a date ("12月底前", "2021年11月20日",
// "2021-11-20", "年底前"). The year may be left out; impossible dates are not dates.
func readDate(text string) (Date, bool) {
	for _, p := range datePatterns {
		if m := p.re.FindStringSubmatch(text); m != nil {
			return checkedDate(p.ymd(m))
		}
	}
	return readYearEnd(text)
}

// checkedDate is the date of the digits year, month and day ("" for none), if it can be one.
func checkedDate(year, month, day string) (Date, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if mo < 1 || mo > 12 || d < 0 || d > daysIn(mo) || (y != 0 && (y < 1990 || y > 2200)) {
		return Date{}, false
	}
	return Date{Year: y, Month: mo, Day: d}, true
}

// readYearEnd reads "年底前", "2021年内": the end of December. A bare "底前" or "内" is no date.
func readYearEnd(text string) (Date, bool) {
	ye := yearEndRE.FindStringSubmatch(text)
	if ye == nil || ye[1] == "" && (strings.HasPrefix(text, "底") || strings.HasPrefix(text, "末") || strings.HasPrefix(text, "内")) {
		return Date{}, false
	}
	y, _ := strconv.Atoi(ye[1])
	return Date{Year: y, Month: 12}, true
}

func daysIn(month int) int {
	switch month {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// onTimeWords are completions that say a deadline was kept.
var onTimeWords = []string{"按时完成", "按期完成", "如期完成", "提前完成", "已按时完成", "已按期完成", "已如期完成",
	"已提前完成", "按时", "按期", "如期", "及时完成", "已及时完成"}

// readCompletionDate reads a 全年完成值 against a deadline: a date, or words saying it was kept.
// ok is false when the text says neither (e.g. "已完成", which does not say when).
func readCompletionDate(s string) (d Date, onTime, ok bool) {
	text := compact(s)
	for _, w := range onTimeWords {
		if text == w {
			return Date{}, true, true
		}
	}
	text = strings.TrimPrefix(strings.TrimPrefix(text, "已"), "于")
	if d, isDate := readDate(strings.TrimSuffix(text, "完成")); isDate {
		return d, false, true
	}
	return Date{}, false, false
}
