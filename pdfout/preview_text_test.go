package pdfout

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ziping/internal/testtool"
	"ziping/layout"
)

// The independent half of the agreement test: the real PDF, read back by poppler, has the
// pages and the words the preview draws.

// pdfPages is the page count pdfinfo reads from the PDF.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	testtool.Need(t, "pdfinfo", testtool.Poppler)
	out, err := exec.Command("pdfinfo", writeTemp(t, pdf)).Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

func writeTemp(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// word is a word of the PDF's text layer; its box is in points.
type word struct {
	x0, y0, x1, y1 float64
	s              string
	used           bool
}

// bboxWords reads `pdftotext -bbox`: the words of each page, with their boxes.
func bboxWords(t *testing.T, pdf []byte) [][]*word {
	t.Helper()
	testtool.Need(t, "pdftotext", testtool.Poppler)
	out, err := exec.Command("pdftotext", "-bbox", writeTemp(t, pdf), "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	dec := xml.NewDecoder(bytes.NewReader(out))
	dec.Strict = false
	var pages [][]*word
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return pages
		} else if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		switch {
		case ok && se.Name.Local == "page":
			pages = append(pages, nil)
		case ok && se.Name.Local == "word" && len(pages) > 0:
			w := wordAt(se.Attr)
			if err := dec.DecodeElement(&w.s, &se); err != nil {
				t.Fatal(err)
			}
			pages[len(pages)-1] = append(pages[len(pages)-1], w)
		}
	}
}

// wordAt is a word with the box its attributes give.
func wordAt(attrs []xml.Attr) *word {
	w := &word{}
	for _, a := range attrs {
		v, _ := strconv.ParseFloat(a.Value, 64)
		switch a.Name.Local {
		case "xMin":
			w.x0 = v
		case "yMin":
			w.y0 = v
		case "xMax":
			w.x1 = v
		case "yMax":
			w.y1 = v
		}
	}
	return w
}

// checkTextLayer: every word of every line the preview drew is a word of the PDF's text layer on
// the same page, starting where the preview put it (within 0.3 pt) with the preview's baseline
// inside its box, and the PDF has no word the preview did not draw.
func checkTextLayer(t *testing.T, pdf []byte, drawn [][]drawnText, m layout.Measurer) {
	t.Helper()
	pages := bboxWords(t, pdf)
	if len(pages) != len(drawn) {
		t.Fatalf("pdftotext reads %d pages, the preview drew %d", len(pages), len(drawn))
	}
	const pt = 72 / 25.4
	for i, lines := range drawn {
		for _, l := range lines {
			for _, tok := range tokens(l, m) {
				if w := findWord(pages[i], tok.s, tok.x*pt, l.y*pt); w == nil {
					t.Fatalf("page %d: the PDF has no word %q at x %.2f mm, baseline %.2f mm", i+1, tok.s, tok.x, l.y)
				}
			}
		}
		for _, w := range pages[i] {
			if !w.used {
				t.Fatalf("page %d: the PDF has the word %q at (%.1f, %.1f) pt that the preview did not draw", i+1, w.s, w.x0, w.y0)
			}
		}
	}
}

type token struct {
	s string
	x float64 // left end (mm)
}

// tokens splits a line at its spaces, as pdftotext splits words, with the position of each.
func tokens(l drawnText, m layout.Measurer) []token {
	var out []token
	x, start, cur := l.x, 0.0, []rune(nil)
	for _, r := range l.s + " " {
		if strings.ContainsRune(" \u3000", r) {
			if len(cur) > 0 {
				out = append(out, token{string(cur), start})
			}
			cur = nil
		} else {
			if len(cur) == 0 {
				start = x
			}
			cur = append(cur, r)
		}
		x += m.Advance(r, l.size, l.bold)
	}
	return out
}

func findWord(words []*word, s string, x, base float64) *word {
	for _, w := range words {
		if !w.used && w.s == s && math.Abs(w.x0-x) < 0.3 && w.y0 < base && base < w.y1 {
			w.used = true
			return w
		}
	}
	return nil
}
