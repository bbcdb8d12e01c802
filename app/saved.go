package app

import (
	"crypto/sha256"
	"encoding/json"
	"slices"

	"ziping/forms"
)

// savedState is what the document held when it was last opened, created or saved, form by
// form, so that 未保存 says whether the document differs from that, not whether anything was
// typed: typing a digit and deleting it, or undoing back, leaves nothing unsaved. A keystroke
// compares only the form it changed (a form encodes in about 0.1 ms; the whole largest
// document in 170 ms), a structural change every form once.
type savedState struct {
	doc *forms.Document // the document the sums are of
	// sums are the SHA-256 of the settings, the unit form and each project form as saved; nil
	// when there is nothing to compare with (从上年复制, an import as a new document, a
	// restored recovery copy: the file does not hold them).
	sums    [][sha256.Size]byte
	differs []bool // for each form of the document now (same order): differs from its sum
	// stale: the document may have changed anywhere (a structural step): the next comparison
	// looks at every form.
	stale bool
	dirty bool // Window.Dirty as these comparisons last left it
}

// formSums returns the sum of each part of doc: the settings, the unit form, each project form.
func formSums(doc *forms.Document) [][sha256.Size]byte {
	out := make([][sha256.Size]byte, 0, 2+len(doc.Projects))
	out = append(out, sumOf(doc.Settings), sumOf(&doc.Unit))
	for _, p := range doc.Projects {
		out = append(out, sumOf(p))
	}
	return out
}

// sumOf is the SHA-256 of v's JSON; a value that cannot be encoded sums to zero, which differs
// from any saved form.
func sumOf(v any) [sha256.Size]byte {
	data, err := json.Marshal(v)
	if err != nil {
		return [sha256.Size]byte{}
	}
	return sha256.Sum256(data)
}

// markSaved records the document as it is as what its file holds (or, for a new document, what
// there is to lose): the window has just opened, created or saved it, and is not dirty.
func (w *Window) markSaved() {
	sums := formSums(w.Doc)
	w.saved = savedState{doc: w.Doc, sums: sums, differs: make([]bool, len(sums))}
}

// structural is called before a change that may touch any form (an undo step is recorded, or
// taken): the next comparison looks at every form.
func (w *Window) structural() {
	w.saved.sync(w.Dirty)
	w.saved.stale = true
}

// sync takes note of Window.Dirty set outside these comparisons. Set without a structural
// change, it marks a document the file does not hold (setDocument, then Dirty): nothing to
// compare with until it is saved.
func (s *savedState) sync(dirty bool) {
	if dirty == s.dirty {
		return
	}
	if dirty && !s.stale {
		s.sums = nil
	}
	s.stale, s.dirty = true, dirty
}

// noteChange sets Window.Dirty after a change of form (-1 the unit form, i project i,
// forms.AllForms anything): whether the document now differs from the saved one. Back to the
// saved document, the recovery copies are of no use any more, as after a save.
func (w *Window) noteChange(form int) {
	was := w.Dirty
	w.Dirty = w.differsFromSaved(form)
	if was && !w.Dirty {
		w.clearRecovery()
	}
}

func (w *Window) differsFromSaved(form int) bool {
	s := &w.saved
	if s.doc != w.Doc {
		return true // never marked saved: a window built by hand
	}
	s.sync(w.Dirty)
	if s.sums == nil {
		s.dirty = true
		return true
	}
	n := 2 + len(w.Doc.Projects)
	if s.stale || form == forms.AllForms || form < -1 || form >= len(w.Doc.Projects) || len(s.differs) != n {
		now := formSums(w.Doc)
		s.differs = make([]bool, n)
		for i := range now {
			s.differs[i] = i >= len(s.sums) || now[i] != s.sums[i]
		}
		s.stale = false
	} else {
		var part any = &w.Doc.Unit
		if form >= 0 {
			part = w.Doc.Projects[form]
		}
		i := form + 2
		s.differs[i] = i >= len(s.sums) || sumOf(part) != s.sums[i]
	}
	s.dirty = len(s.sums) != n || slices.Contains(s.differs, true)
	return s.dirty
}
