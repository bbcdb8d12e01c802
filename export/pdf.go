package export

import (
	"ziping/forms"
	"ziping/pdfout"
)

// The front ends (the window, the command line) reach pdfout and xlsxout only through this
// package (`make layering` checks it), so what the PDF can print and how its pages look are
// asked here too: the warnings of characters the PDF cannot show and the print preview are
// pdfout's, named again below.

// Unprintable is a warning for each text of doc holding characters the PDF cannot show, as an
// export would give it (pdfout.Unprintable); `ziping check` lists them with the other problems.
func Unprintable(doc *forms.Document) ([]forms.Problem, error) { return pdfout.Unprintable(doc) }

// UnprintableIn is Unprintable for one form of doc (-1 the unit form, i project i), ev being
// doc's evaluation: the editor checks only the form that changed (pdfout.UnprintableIn).
func UnprintableIn(doc *forms.Document, ev *forms.Evaluation, form int) ([]forms.Problem, error) {
	return pdfout.UnprintableIn(doc, ev, form)
}

// MergeUnprintable joins UnprintableIn's warnings of each form into what Unprintable gives for
// the whole document (pdfout.MergeUnprintable).
func MergeUnprintable(perForm [][]forms.Problem) []forms.Problem {
	return pdfout.MergeUnprintable(perForm)
}

// Preview is the print preview: a document laid out exactly as the PDF export lays it out,
// drawn page by page as images (pdfout.Preview).
type Preview = pdfout.Preview

// NewPreview lays doc out for the print preview (pdfout.NewPreview).
func NewPreview(doc *forms.Document) (*Preview, error) { return pdfout.NewPreview(doc) }

// The print preview's zoom limits, in pixels per millimetre (pdfout.MinPxPerMM, MaxPxPerMM).
const (
	MinPxPerMM = pdfout.MinPxPerMM
	MaxPxPerMM = pdfout.MaxPxPerMM
)
