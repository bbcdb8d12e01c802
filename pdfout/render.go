package pdfout

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	fpdf "codeberg.org/go-pdf/fpdf"

	"ziping/assets"
	"ziping/forms"
	"ziping/layout"
	"ziping/tables"
)

// Options control an export.
type Options struct {
	// Created is the creation date written into the PDF; the zero value means now.
	// CreatedFromEnv fills it from SOURCE_DATE_EPOCH for reproducible output.
	Created time.Time
}

// CreatedFromEnv returns the time given by SOURCE_DATE_EPOCH (the reproducible-builds
// convention: seconds since 1970), or the zero time when it is unset or invalid.
func CreatedFromEnv() time.Time {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}
	}
	return time.Unix(n, 0).UTC()
}

// Result describes a finished export.
type Result struct {
	Pages int // pages written
	// Warnings name each text that held characters the PDF cannot show (drawn as □).
	Warnings []forms.Problem
}

// The PDF embeds one font, Noto Serif SC Regular (宋体 style), for the table and, emboldened by
// stroking the outlines (text rendering mode 2, see paint.go), for the titles: the look of the
// 小标宋 titles of official documents at no extra font in the file (a second, bold CJK font
// costs 7 KB per export and 10 MB in the binary).
//
// fpdf names an embedded font "utf8"+family and leaves out the subset tag that PDF readers
// expect ("ABCDEF+Name", ISO 32000 §9.6.4), so pdffonts reports "sub no" although the font is
// subset. The family name is chosen as long as the proper name, and subsetTags swaps it in
// place, keeping every byte offset valid.
const famRegular = "zpnotoserifscregular00"

var subsetTags = strings.NewReplacer("/utf8"+famRegular, "/ZPSRFR+NotoSerifSC-Regular")

var (
	measurerOnce sync.Once
	measurer     *layout.FontMeasurer
	measurerErr  error
)

// fontMeasurer returns the measurer of the embedded PDF fonts, parsed once per process.
func fontMeasurer() (*layout.FontMeasurer, error) {
	measurerOnce.Do(func() {
		measurer, measurerErr = layout.NewFontMeasurer(assets.SerifRegular, nil)
	})
	return measurer, measurerErr
}

// Render draws every form of doc (the unit form, then each project form, each starting on a
// new page) as the official tables, and writes the PDF to w. It never panics: an internal
// failure comes back as an error, and text the fonts cannot show becomes a warning.
func Render(w io.Writer, doc *forms.Document, opts Options) (*Result, error) {
	return renderWith(w, doc, opts, nil)
}

// renderWith is Render drawing through tap(the PDF painter) when tap is not nil: the tests
// record what the PDF draws to compare it with the print preview.
func renderWith(w io.Writer, doc *forms.Document, opts Options, tap func(painter) painter) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("导出 PDF 时发生内部错误（%v），请把文档发给开发者", p)
		}
	}()
	m, err := fontMeasurer()
	if err != nil {
		return nil, fmt.Errorf("无法读取内置字体：%w", err)
	}
	built := buildForms(doc, m)
	pdf, err := newPDF(doc, opts)
	if err != nil {
		return nil, err
	}
	res = &Result{Warnings: built.san.warnings}
	laid, err := layoutTables(built.tables, m)
	if err != nil {
		return nil, err
	}
	var p painter = &pdfPainter{pdf: pdf}
	if tap != nil {
		p = tap(p)
	}
	for _, pages := range laid {
		paintWith(p, pages, m)
		res.Pages += len(pages)
	}
	out, err := finishPDF(pdf)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(out); err != nil {
		return nil, fmt.Errorf("写入 PDF 失败：%w", err)
	}
	return res, nil
}

// finishPDF is fpdf's output with the font's subset tag renamed and every stream recompressed
// (the forms and the department summary alike).
func finishPDF(pdf *fpdf.Fpdf) ([]byte, error) {
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("生成 PDF 失败：%w", err)
	}
	out := []byte(subsetTags.Replace(buf.String()))
	if small, err := recompress(out); err == nil {
		out = small
	} // else fpdf's own output: valid, only larger (tests guard the recompression)
	return out, nil
}

// layoutTables lays out each form on its own pages (each numbers its pages from 1).
func layoutTables(tables []layout.Table, m layout.Measurer) ([][]layout.Page, error) {
	out := make([][]layout.Page, 0, len(tables))
	for _, t := range tables {
		pages, err := layout.Layout([]layout.Table{t}, pageOptions(m))
		if err != nil {
			return nil, fmt.Errorf("排版失败：%w", err)
		}
		out = append(out, pages)
	}
	return out, nil
}

// builtForms are the layout tables of every form of a document.
type builtForms struct {
	tables []layout.Table
	san    *sanitizer
}

// printed are the tables the PDF prints: every form, then the 佐证材料清单 when doc lists evidence
// (tables.Evidence).
func printed(doc *forms.Document) []*tables.Table {
	out := tables.Forms(doc, forms.Evaluate(doc))
	if t := tables.Evidence(doc); t != nil {
		out = append(out, t)
	}
	return out
}

func buildForms(doc *forms.Document, m layout.Measurer) builtForms {
	out := builtForms{san: &sanitizer{m: m}}
	for _, t := range printed(doc) {
		out.tables = append(out.tables, out.san.layoutTable(t))
	}
	return out
}

// Unprintable returns a warning for each text of doc that holds characters the PDF cannot
// show, as an export would; `ziping check` and the editor list them with the other problems.
func Unprintable(doc *forms.Document) ([]forms.Problem, error) {
	m, err := fontMeasurer()
	if err != nil {
		return nil, err
	}
	san := &sanitizer{m: m}
	ev, evidence := forms.Evaluate(doc), tables.Evidence(doc)
	for f := -1; f < len(doc.Projects); f++ { // as tables.Forms, each form with its 佐证材料 (UnprintableIn)
		if t := tables.Form(doc, ev, f); t != nil {
			san.check(t)
		}
		san.checkEvidence(evidence, f)
	}
	return san.warnings, nil
}

// UnprintableIn is Unprintable for one form of doc (-1 the unit form, i project i) and its
// 佐证材料 items, ev being doc's evaluation: the editor checks only the form that changed. A settings text printed on
// every form (the title, the signature footer) is warned by each form; MergeUnprintable keeps
// one of each, as Unprintable does.
func UnprintableIn(doc *forms.Document, ev *forms.Evaluation, form int) ([]forms.Problem, error) {
	m, err := fontMeasurer()
	if err != nil {
		return nil, err
	}
	san := &sanitizer{m: m}
	if t := tables.Form(doc, ev, form); t != nil {
		san.check(t)
	}
	san.checkEvidence(tables.Evidence(doc), form)
	return san.warnings, nil
}

// MergeUnprintable joins the warnings of UnprintableIn for each form, in printed order, into
// what Unprintable reports for the whole document.
func MergeUnprintable(perForm [][]forms.Problem) []forms.Problem {
	var out []forms.Problem
	type key struct {
		loc forms.Location
		msg string
	}
	seen := map[key]bool{}
	for _, ps := range perForm {
		for _, p := range ps {
			if p.Loc.Section == forms.SecSettings {
				k := key{p.Loc, p.Message}
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			out = append(out, p)
		}
	}
	return out
}

// cellPad is the inner margin (mm) of every table cell.
const cellPad = 0.8

// pageOptions: A4 portrait, 15 mm side margins, a footer band for the page numbers.
func pageOptions(m layout.Measurer) layout.Options {
	o := layout.A4(m)
	o.Margin = layout.Margins{Top: 15, Right: 15, Bottom: 12, Left: 15}
	o.FooterH = 8
	o.Size = bodySize
	o.Pad = cellPad
	o.Leading = 1.25
	return o
}

// newPDF creates the document of the forms, A4 portrait, with the font loaded and checked, and
// its metadata.
func newPDF(doc *forms.Document, opts Options) (*fpdf.Fpdf, error) {
	return newPDFWith(pdfMeta{orientation: "P", title: doc.UnitTitle(),
		subject: "部门（单位）整体绩效自评表及预算项目（政策）绩效目标自评表", author: doc.Unit.Name}, opts)
}

// pdfMeta is the page orientation ("P" or "L") and the document properties of a PDF; an empty
// author is left out.
type pdfMeta struct{ orientation, title, subject, author string }

// newPDFWith creates an A4 document with the font loaded and checked, and its metadata.
func newPDFWith(meta pdfMeta, opts Options) (*fpdf.Fpdf, error) {
	pdf := fpdf.New(meta.orientation, "mm", "A4", "")
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	// fpdf only prints a TTC/OTF failure and fails later; check the TrueType magic first.
	font := assets.SerifRegular
	if len(font) < 4 || !bytes.Equal(font[:4], []byte{0, 1, 0, 0}) {
		return nil, errors.New("内置字体不是 TrueType 格式")
	}
	pdf.AddUTF8FontFromBytes(famRegular, "", font)
	pdf.SetFont(famRegular, "", bodySize)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("加载内置字体失败：%w", err)
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Now()
	}
	pdf.SetCreationDate(created)
	pdf.SetModificationDate(created)
	pdf.SetTitle(metaText(meta.title), true)
	pdf.SetSubject(meta.subject, true)
	if meta.author != "" {
		pdf.SetAuthor(metaText(meta.author), true)
	}
	pdf.SetCreator("绩效自评 Ziping", true)
	pdf.SetProducer("绩效自评 Ziping", true)
	return pdf, nil
}

// metaText makes a text safe for the PDF's metadata, which fpdf converts to UTF-16 itself:
// invalid UTF-8, controls and characters above U+FFFF become the placeholder (the same text in
// the tables is reported by the sanitizer already), and so do bidirectional controls
// (forms.Deceptive): a reader's document properties would show the title or author reordered.
func metaText(s string) string {
	return strings.Map(func(r rune) rune {
		if r > 0xFFFF || r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Cs, r) || forms.Deceptive(r) {
			return Placeholder
		}
		return r
	}, strings.ToValidUTF8(s, string(Placeholder)))
}
