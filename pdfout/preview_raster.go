package pdfout

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"sync"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"ziping/assets"
	"ziping/layout"
)

// The preview draws glyphs itself from the outlines of the font the PDF embeds, read with
// x/image/font/sfnt (the parser the layout engine measures with) and filled with x/image/vector:
// both are already dependencies, and drawing each glyph at the pen position the layout computed
// (no shaping, no kerning, no hinting) places every character where fpdf places it. A text
// shaper such as go-text/typesetting would move glyphs by its own rules.

// rasterPainter draws pages into an RGBA image at s pixels per millimetre.
type rasterPainter struct {
	img *image.RGBA
	s   float64
	f   *rasterFont
	m   layout.Measurer
}

func (p *rasterPainter) page(layout.Page) {
	draw.Draw(p.img, p.img.Bounds(), image.White, image.Point{}, draw.Src)
}

// rule fills the rule snapped to whole pixels, at least one wide, so that a table stays crisp
// at every zoom; its ends reach half a width past the end points, closing the corners.
func (p *rasterPainter) rule(sg segment) {
	lw := max(1, math.Round(ruleWidth*p.s))
	x1, x2 := math.Min(sg.x1, sg.x2)*p.s, math.Max(sg.x1, sg.x2)*p.s
	y1, y2 := math.Min(sg.y1, sg.y2)*p.s, math.Max(sg.y1, sg.y2)*p.s
	r := image.Rect(snap(x1-lw/2), snap(y1-lw/2), snap(x2+lw/2), snap(y2+lw/2))
	if r.Dx() < int(lw) {
		r.Max.X = r.Min.X + int(lw)
	}
	if r.Dy() < int(lw) {
		r.Max.Y = r.Min.Y + int(lw)
	}
	draw.Draw(p.img, r, image.Black, image.Point{}, draw.Src)
}

func snap(v float64) int { return int(math.Round(v)) }

// text draws each character at the pen position, advancing by the widths the layout measured.
func (p *rasterPainter) text(t layout.Text) {
	ppem := t.Size * layout.PtMM * p.s
	bold := 0.0
	if t.Bold {
		// The PDF strokes the outline size*boldStroke wide: half of it lies outside the glyph.
		bold = t.Size * boldStroke * layout.PtMM * p.s / 2
	}
	y := t.Y * p.s
	iy, fy := subpixel(y)
	pen := t.X
	for _, r := range t.Str {
		if r != ' ' {
			ix, fx := subpixel(pen * p.s)
			if g := p.f.glyph(glyphKey{r: r, ppem: ppem, fx: fx, fy: fy, bold: bold}); g != nil {
				at := g.mask.Bounds().Add(image.Pt(ix+g.off.X, iy+g.off.Y))
				draw.DrawMask(p.img, at, image.Black, image.Point{}, g.mask, image.Point{}, draw.Over)
			}
		}
		pen += p.m.Advance(r, t.Size, t.Bold)
	}
}

// quarters is the number of sub-pixel positions a glyph is drawn at, on each axis.
const quarters = 4

// subpixel splits a pixel coordinate into a whole pixel and a quarter-pixel phase.
func subpixel(v float64) (int, uint8) {
	i := math.Floor(v)
	q := int(math.Round((v - i) * quarters))
	if q == quarters {
		return int(i) + 1, 0
	}
	return int(i), uint8(q)
}

// rasterFont draws glyphs of the embedded serif font and caches their coverage masks.
type rasterFont struct {
	mu    sync.Mutex
	f     *sfnt.Font
	buf   sfnt.Buffer
	z     vector.Rasterizer
	cache map[glyphKey]*glyphMask
	bytes int // the size of the masks in cache
}

// glyphKey is a glyph at a pixel size, sub-pixel phase and emboldening radius (px).
type glyphKey struct {
	r      rune
	ppem   float64
	fx, fy uint8
	bold   float64
}

// glyphMask is a glyph's coverage; off is its top-left corner relative to the whole-pixel pen.
type glyphMask struct {
	mask *image.Alpha
	off  image.Point
}

// maxGlyphBytes bounds the cache by the size of its masks (a glyph at 200 % is ~2 KB, at the
// largest zoom ~5 KB): a few zoom levels of a long document.
const maxGlyphBytes = 48 << 20

var (
	rasterOnce sync.Once
	rasterF    *rasterFont
	rasterErr  error
)

// previewFont returns the glyph source of the preview, parsed once per process.
func previewFont() (*rasterFont, error) {
	rasterOnce.Do(func() {
		f, err := sfnt.Parse(assets.SerifRegular)
		if err != nil {
			rasterErr = fmt.Errorf("无法读取内置字体：%w", err)
			return
		}
		rasterF = &rasterFont{f: f, cache: map[glyphKey]*glyphMask{}}
	})
	return rasterF, rasterErr
}

// glyph returns the mask of k, or nil for a glyph with no outline (a space).
func (rf *rasterFont) glyph(k glyphKey) *glyphMask {
	rf.mu.Lock()
	defer rf.mu.Unlock()
	if g, ok := rf.cache[k]; ok {
		return g
	}
	g := rf.draw(k)
	size := 64 // the entry itself
	if g != nil {
		size += len(g.mask.Pix)
	}
	if rf.bytes+size > maxGlyphBytes {
		clear(rf.cache)
		rf.bytes = 0
	}
	rf.cache[k] = g
	rf.bytes += size
	return g
}

// draw fills the outline of k; a rune the font lacks draws its .notdef box, as a PDF reader does.
func (rf *rasterFont) draw(k glyphKey) *glyphMask {
	idx, err := rf.f.GlyphIndex(&rf.buf, k.r)
	if err != nil {
		idx = 0
	}
	segs, err := rf.f.LoadGlyph(&rf.buf, idx, fixed.Int26_6(math.Round(k.ppem*64)), nil)
	if err != nil || len(segs) == 0 {
		return nil
	}
	ox, oy := float64(k.fx)/quarters, float64(k.fy)/quarters
	x0, y0, x1, y1 := bounds(segs)
	pad := k.bold + 1
	r := image.Rect(int(math.Floor(x0+ox-pad)), int(math.Floor(y0+oy-pad)),
		int(math.Ceil(x1+ox+pad)), int(math.Ceil(y1+oy+pad)))
	rf.z.Reset(r.Dx(), r.Dy())
	for _, d := range boldOffsets(k.bold) {
		addPath(&rf.z, segs, float32(ox+d[0]-float64(r.Min.X)), float32(oy+d[1]-float64(r.Min.Y)))
	}
	mask := image.NewAlpha(image.Rect(0, 0, r.Dx(), r.Dy()))
	rf.z.Draw(mask, mask.Bounds(), image.Opaque, image.Point{})
	return &glyphMask{mask: mask, off: r.Min}
}

// boldOffsets are the positions a glyph is filled at: once, or also on a circle of radius rad
// around it, which thickens it like the PDF's stroke of the outline.
func boldOffsets(rad float64) [][2]float64 {
	out := [][2]float64{{0, 0}}
	if rad < 0.05 {
		return out
	}
	for i := range 8 {
		a := float64(i) * math.Pi / 4
		out = append(out, [2]float64{rad * math.Cos(a), rad * math.Sin(a)})
	}
	return out
}

// bounds is the box of the outline's points (control points included), in pixels.
func bounds(segs sfnt.Segments) (x0, y0, x1, y1 float64) {
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, s := range segs {
		for _, a := range s.Args[:argCount(s.Op)] {
			x, y := float64(a.X)/64, float64(a.Y)/64
			x0, y0, x1, y1 = math.Min(x0, x), math.Min(y0, y), math.Max(x1, x), math.Max(y1, y)
		}
	}
	return x0, y0, x1, y1
}

func argCount(op sfnt.SegmentOp) int {
	switch op {
	case sfnt.SegmentOpQuadTo:
		return 2
	case sfnt.SegmentOpCubeTo:
		return 3
	}
	return 1
}

// addPath adds the outline, moved by (dx, dy) pixels, to z.
func addPath(z *vector.Rasterizer, segs sfnt.Segments, dx, dy float32) {
	pt := func(p fixed.Point26_6) (float32, float32) {
		return float32(p.X)/64 + dx, float32(p.Y)/64 + dy
	}
	for _, s := range segs {
		ax, ay := pt(s.Args[0])
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			z.ClosePath() // the contour before; MoveTo leaves it open
			z.MoveTo(ax, ay)
		case sfnt.SegmentOpLineTo:
			z.LineTo(ax, ay)
		case sfnt.SegmentOpQuadTo:
			bx, by := pt(s.Args[1])
			z.QuadTo(ax, ay, bx, by)
		case sfnt.SegmentOpCubeTo:
			bx, by := pt(s.Args[1])
			cx, cy := pt(s.Args[2])
			z.CubeTo(ax, ay, bx, by, cx, cy)
		}
	}
	z.ClosePath()
}
