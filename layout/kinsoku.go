package layout

import "unicode"

// 避头尾 (kinsoku) sets. A line may not start with a closing mark nor end
// with an opening one; UAX #14 already forbids most of these breaks, but the
// emergency (grapheme) breaks used for over-long segments and Stack need the
// rule applied by hand.
const (
	noStart = "，。、；：？！）》」』】〉〕］｝〗〙〛”’％‰…—–·・～ー℃°′″｡､｣﹐﹒﹔﹕﹖﹗﹚﹜﹞" +
		",.;:!?)]}%"
	noEnd = "（《「『【〈〔［｛〖〘〚“‘￥＄([{"
)

var noStartSet, noEndSet = runeSet(noStart), runeSet(noEnd)

func runeSet(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

func isNoStart(r rune) bool { return noStartSet[r] }

func isNoEnd(r rune) bool { return noEndSet[r] }

// isSpace reports the spaces that are dropped at a line break.
func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' }

// isHardBreak reports the characters that force a line break (UAX #14
// classes BK, CR, LF, NL); they are consumed by the break.
func isHardBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// isCJK reports ideographs, kana, hangul and CJK or full-width punctuation.
func isCJK(r rune) bool {
	switch {
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0x2018 && r <= 0x201F:
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}
