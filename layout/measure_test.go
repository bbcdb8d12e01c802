package layout

import (
	"os"
	"slices"
	"sync"
	"testing"
)

// loadFont reads a font of assets/fonts, which the repository holds: a missing one fails.
func loadFont(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../assets/fonts/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestFontMeasurer(t *testing.T) {
	m, err := NewFontMeasurer(loadFont(t, "NotoSerifSC-Regular.ttf"), nil)
	if err != nil {
		t.Fatal(err)
	}
	em10 := 10 * PtMM
	tests := map[string]struct {
		r        rune
		min, max float64 // advance at 10 pt, mm
		has      bool
	}{
		"ideograph is one em":     {'预', em10 - 1e-9, em10 + 1e-9, true},
		"full-width comma one em": {'，', em10 - 1e-9, em10 + 1e-9, true},
		"latin narrower":          {'a', 0.3 * em10, 0.7 * em10, true},
		"digit narrower":          {'1', 0.3 * em10, 0.7 * em10, true},
		"missing glyph, no panic": {0x10FFFD, 0, 2 * em10, false},
		"space has a glyph":       {' ', 0.1 * em10, 0.5 * em10, true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := m.Advance(tc.r, 10, false)
			if a < tc.min || a > tc.max {
				t.Errorf("Advance(%q) = %g mm, want [%g, %g]", tc.r, a, tc.min, tc.max)
			}
			if b := m.Advance(tc.r, 10, true); b != a {
				t.Errorf("bold without a bold font: %g != %g", b, a)
			}
			if got := m.Has(tc.r, false); got != tc.has {
				t.Errorf("Has(%q) = %v", tc.r, got)
			}
		})
	}
	// 20 mm at 10 pt holds 5 ideographs (3.53 mm each); nothing is lost.
	got := Wrap("保障办公面积含附属设施及公共区域分摊面积", 20, 10, false, m)
	want := []string{"保障办公面", "积含附属设", "施及公共区", "域分摊面积"}
	if !slices.Equal(got, want) {
		t.Errorf("Wrap = %q, want %q", got, want)
	}
}

func TestFontMeasurerBoldAndConcurrency(t *testing.T) {
	m, err := NewFontMeasurer(loadFont(t, "NotoSerifSC-Regular.ttf"), loadFont(t, "NotoSansSC-Bold.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Advance('W', 10, true) == m.Advance('W', 10, false) {
		t.Log("bold W has the regular advance") // allowed, but unusual
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := rune(0x4E00 + g); r < 0x4E00+2000; r += 4 {
				m.Advance(r, 10, g%2 == 0)
				m.Has(r, g%2 == 1)
			}
		})
	}
	wg.Wait()
}

func TestNewFontMeasurerErrors(t *testing.T) {
	if _, err := NewFontMeasurer([]byte("not a font"), nil); err == nil {
		t.Error("garbage regular font accepted")
	}
	if _, err := NewFontMeasurer(loadFont(t, "NotoSerifSC-Regular.ttf"), []byte{0, 1, 0, 0}); err == nil {
		t.Error("garbage bold font accepted")
	}
}

// TestHasBits: Has, answered from the bits of each block of 256 runes, agrees with the font's
// glyph table for every rune of the Basic Multilingual Plane, and beyond it.
func TestHasBits(t *testing.T) {
	m, err := NewFontMeasurer(loadFont(t, "NotoSerifSC-Regular.ttf"), nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := NewFontMeasurer(loadFont(t, "NotoSerifSC-Regular.ttf"), nil)
	if err != nil {
		t.Fatal(err)
	}
	has := 0
	for r := rune(0); r <= 0x20000; r++ {
		ref.mu.Lock()
		want := ref.face(false).glyph(r).has
		ref.mu.Unlock()
		if got := m.Has(r, false); got != want {
			t.Fatalf("Has(%U) = %v, the font says %v", r, got, want)
		}
		if want {
			has++
		}
	}
	if has < 20000 {
		t.Errorf("the font has only %d glyphs", has)
	}
}
