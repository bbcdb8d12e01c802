package layout

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// PtMM is the length of one typographic point in millimetres (1 pt = 1/72 in).
const PtMM = 25.4 / 72

// Measurer reports glyph widths. The layout engine never touches a font
// itself, so the PDF painter and the image painter stay in agreement as long
// as both draw with the font the Measurer describes.
type Measurer interface {
	// Advance returns the advance width, in mm, of r set at size points.
	Advance(r rune, size float64, bold bool) float64
	// Has reports whether the font has a glyph for r.
	Has(r rune, bold bool) bool
}

// FontMeasurer measures with TrueType/OpenType fonts parsed by
// golang.org/x/image/font/sfnt. Advances are cached per rune. It is safe
// for concurrent use.
type FontMeasurer struct {
	mu    sync.Mutex
	faces [2]*face // regular, bold
}

type glyphInfo struct {
	em  float64 // advance in em
	has bool
}

type face struct {
	f     *sfnt.Font
	buf   sfnt.Buffer
	upem  fixed.Int26_6
	cache map[rune]glyphInfo
	// has holds, per block of 256 runes of the Basic Multilingual Plane, a bit per rune the
	// font has a glyph for, made on first use: Has answers without the lock (the check of
	// unprintable characters asks it of every character the user types).
	has [256]atomic.Pointer[[8]uint32]
}

// NewFontMeasurer parses the regular and bold font files. bold may be nil,
// in which case bold text is measured with the regular font. The byte
// slices are retained and must not be modified afterwards.
func NewFontMeasurer(regular, bold []byte) (*FontMeasurer, error) {
	reg, err := newFace(regular)
	if err != nil {
		return nil, fmt.Errorf("layout: regular font: %w", err)
	}
	m := &FontMeasurer{faces: [2]*face{reg, reg}}
	if bold != nil {
		b, err := newFace(bold)
		if err != nil {
			return nil, fmt.Errorf("layout: bold font: %w", err)
		}
		m.faces[1] = b
	}
	return m, nil
}

func newFace(data []byte) (*face, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	upem := f.UnitsPerEm()
	if upem <= 0 {
		return nil, fmt.Errorf("invalid unitsPerEm %d", upem)
	}
	return &face{f: f, upem: fixed.Int26_6(upem), cache: make(map[rune]glyphInfo)}, nil
}

// glyph returns the cached metrics of r; the caller holds the lock.
func (fc *face) glyph(r rune) glyphInfo {
	if g, ok := fc.cache[r]; ok {
		return g
	}
	var g glyphInfo
	idx, err := fc.f.GlyphIndex(&fc.buf, r)
	if err == nil {
		g.has = idx != 0
		// With ppem equal to unitsPerEm the result is in font units.
		if adv, err := fc.f.GlyphAdvance(&fc.buf, idx, fc.upem, 0); err == nil {
			g.em = float64(adv) / float64(fc.upem)
		}
	}
	fc.cache[r] = g
	return g
}

func (m *FontMeasurer) face(bold bool) *face {
	if bold {
		return m.faces[1]
	}
	return m.faces[0]
}

// Advance implements Measurer. A rune the font lacks gets the width of the
// font's .notdef glyph.
func (m *FontMeasurer) Advance(r rune, size float64, bold bool) float64 {
	m.mu.Lock()
	g := m.face(bold).glyph(r)
	m.mu.Unlock()
	return g.em * size * PtMM
}

// Has implements Measurer.
func (m *FontMeasurer) Has(r rune, bold bool) bool {
	fc := m.face(bold)
	if r >= 0 && r <= 0xFFFF {
		blk := fc.has[r>>8].Load()
		if blk == nil {
			blk = m.hasBlock(fc, r>>8)
		}
		return blk[r&0xFF>>5]&(1<<(r&31)) != 0
	}
	m.mu.Lock()
	g := fc.glyph(r)
	m.mu.Unlock()
	return g.has
}

// hasBlock makes the bits of block b of fc (runes b×256 to b×256+255).
func (m *FontMeasurer) hasBlock(fc *face, b rune) *[8]uint32 {
	m.mu.Lock()
	defer m.mu.Unlock()
	if blk := fc.has[b].Load(); blk != nil {
		return blk
	}
	blk := new([8]uint32)
	for i := rune(0); i < 256; i++ {
		if fc.glyph(b<<8 | i).has {
			blk[i>>5] |= 1 << (i & 31)
		}
	}
	fc.has[b].Store(blk)
	return blk
}

// FixedMeasurer is a font-free Measurer for tests and rough estimates: wide
// (CJK, full-width, general punctuation, emoji) runes are 1 em, combining
// and format characters 0, everything else half an em. It has every glyph.
type FixedMeasurer struct{}

// Advance implements Measurer.
func (FixedMeasurer) Advance(r rune, size float64, _ bool) float64 {
	return fixedEm(r) * size * PtMM
}

// Has implements Measurer; it always reports true.
func (FixedMeasurer) Has(rune, bool) bool { return true }

var wideRanges = [][2]rune{
	{0x1100, 0x115F}, {0x2010, 0x2027}, {0x2E80, 0xA4CF}, {0xAC00, 0xD7A3},
	{0xF900, 0xFAFF}, {0xFE30, 0xFE4F}, {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6},
	{0x1F300, 0x1FAFF}, {0x20000, 0x3FFFD},
}

func fixedEm(r rune) float64 {
	if unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf) {
		return 0
	}
	for _, w := range wideRanges {
		if r >= w[0] && r <= w[1] {
			return 1
		}
	}
	return 0.5
}
