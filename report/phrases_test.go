package report

import (
	"regexp"
	"strings"
	"testing"
)

// strayRe finds punctuation a filled sentence must never hold: doubled or clashing marks, an
// empty bracket, a blank before a mark, a slot left.
var strayRe = regexp.MustCompile(`[，。；、：][，。；、：]|（）|“”|\s[，。；：、）]|[{}]|，$|：$`)

// TestPhrasesFilled fills every phrase with every slot and checks the sentence: nothing of a
// slot is left, no stray punctuation, and a sentence (not a fragment) starts with no mark and
// ends with a full stop or a closing bracket.
func TestPhrasesFilled(t *testing.T) {
	for key := range phrases {
		slots := map[string]string{}
		for _, s := range slotsOf(key) {
			slots[s] = "甲" + s
		}
		got := say(key, slots)
		if m := strayRe.FindString(got); m != "" {
			t.Errorf("%s: %q holds %q", key, got, m)
		}
		if fragments[key] {
			if !strings.HasPrefix(got, "，") {
				t.Errorf("fragment %s does not continue a sentence: %q", key, got)
			}
			continue
		}
		if strings.IndexAny(got, "，。；、：") == 0 {
			t.Errorf("%s starts with a mark: %q", key, got)
		}
	}
}

// TestSayPanicsOnMissingSlot: a slot without a value is the program's mistake and is never
// printed as "{名称}".
func TestSayPanicsOnMissingSlot(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("say printed a phrase with a slot missing")
		}
	}()
	say("项目结论", map[string]string{"C": "1"})
}

// TestStrayCatches: the punctuation rule itself finds what it is for.
func TestStrayCatches(t *testing.T) {
	for _, s := range []string{"原因：。", "得分，，", "（）", "实施期为{实施期}", "甲 。"} {
		if !strayRe.MatchString(s) {
			t.Errorf("%q not caught", s)
		}
	}
}
