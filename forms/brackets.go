package forms

import "strings"

// CutBracketed cuts the bracketed notes, full-width （…） first, then (…), out of s: a header
// or a label as compared ("全年预算数（A）" is 全年预算数), and the notes joined, in that order
// ("A"). Each kind stops at its first opening bracket not closed after it.
func CutBracketed(s string) (rest, notes string) {
	for _, br := range [][2]string{{"（", "）"}, {"(", ")"}} {
		for {
			i := strings.Index(s, br[0])
			j := strings.Index(s, br[1])
			if i < 0 || j < i {
				break
			}
			notes += s[i+len(br[0]) : j]
			s = s[:i] + s[j+len(br[1]):]
		}
	}
	return s, notes
}
