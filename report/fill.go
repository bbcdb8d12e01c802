package report

import (
	"encoding/xml"
	"regexp"
	"slices"
	"strings"
)

// scope is what the placeholders of one level of the template stand for: values ({{名称}}) and
// lists, each repeating a block ({{#名称}} … {{/名称}}) once per item. A name not found in a
// scope is looked up in the scope around it, so a project's block can say {{单位名称}}.
type scope struct {
	vals  map[string]string
	lists map[string][]*scope
	up    *scope
}

func newScope() *scope { return &scope{vals: map[string]string{}, lists: map[string][]*scope{}} }

func (s *scope) value(name string) (string, bool) {
	for c := s; c != nil; c = c.up {
		if v, ok := c.vals[name]; ok {
			return v, true
		}
	}
	return "", false
}

func (s *scope) list(name string) ([]*scope, bool) {
	for c := s; c != nil; c = c.up {
		if l, ok := c.lists[name]; ok {
			return l, true
		}
	}
	return nil, false
}

// placeholderRe finds {{名称}}, {{#名称}} and {{/名称}}, spaces inside the braces allowed.
var placeholderRe = regexp.MustCompile(`\{\{\s*([#/]?)\s*([^{}]*?)\s*\}\}`)

// sectPrRe finds the section properties a paragraph may carry.
var sectPrRe = regexp.MustCompile(`(?s)<w:sectPr[ >].*?</w:sectPr>`)

// marker is a 【请补充：…】 place, highlighted in the filled report.
var markerRe = regexp.MustCompile(`【请补充[^】]*】`)

// filler fills one part of the template. Unknown collects the names no scope knows, in order,
// each once; a fill with unknown names is refused by Write, which names them all.
type filler struct {
	unknown []string
	misused []string // known names used outside their block
	blocks  []string // what is wrong with the block markers
}

func (f *filler) addUnknown(name string, known bool) {
	list := &f.unknown
	if known {
		list = &f.misused
	}
	for _, n := range *list {
		if n == name {
			return
		}
	}
	*list = append(*list, name)
}

// unfilled records placeholder sm (its submatches) that sc could not fill: a block marker
// that shares its paragraph or sits in a table, a name used outside its block, or an unknown one.
func (f *filler) unfilled(sm []string) {
	if sm[1] != "" {
		msg := "块标记 {{" + sm[1] + sm[2] + "}} 必须单独成一段（不能与其他文字同段，也不能写在表格里）"
		if !slices.Contains(f.blocks, msg) {
			f.blocks = append(f.blocks, msg)
		}
		return
	}
	_, known := schemaNames()[sm[2]]
	f.addUnknown(sm[2], known)
}

// blockMarker reports whether paragraph p is a block marker alone: its text is {{#名称}} or
// {{/名称}} and nothing else.
func blockMarker(p string) (kind, name string, ok bool) {
	t := strings.TrimSpace(paragraphText(p))
	m := placeholderRe.FindStringSubmatch(t)
	if m == nil || m[0] != t || m[1] == "" {
		return "", "", false
	}
	return m[1], m[2], true
}

// body fills a sequence of body elements (paragraphs, tables) in sc, repeating blocks.
func (f *filler) body(elems []string, sc *scope) string {
	var b strings.Builder
	for i := 0; i < len(elems); i++ {
		e := elems[i]
		if nameOf(e) == "w:p" {
			if kind, name, ok := blockMarker(e); ok {
				if kind == "/" {
					f.blocks = append(f.blocks, "{{/"+name+"}} 前面没有对应的 {{#"+name+"}}")
					continue
				}
				end := matchingEnd(elems, i, name)
				if end < 0 {
					f.blocks = append(f.blocks, "{{#"+name+"}} 后面没有对应的 {{/"+name+"}}")
					continue
				}
				f.block(&b, name, elems[i+1:end], sc)
				i = end
				continue
			}
		}
		b.WriteString(f.element(e, sc))
	}
	return b.String()
}

// block writes the block name's elements once per item of its list.
func (f *filler) block(b *strings.Builder, name string, inner []string, sc *scope) {
	items, ok := sc.list(name)
	if !ok {
		_, known := schemaNames()[name]
		f.addUnknown("#"+name, known)
		return
	}
	for _, it := range items {
		it.up = sc
		b.WriteString(f.body(inner, it))
	}
}

// matchingEnd is the index of the {{/name}} that closes the block opened at elems[i], or -1.
func matchingEnd(elems []string, i int, name string) int {
	depth := 0
	for j := i; j < len(elems); j++ {
		if nameOf(elems[j]) != "w:p" {
			continue
		}
		kind, n, ok := blockMarker(elems[j])
		if !ok || n != name {
			continue
		}
		if kind == "#" {
			depth++
		} else if depth--; depth == 0 {
			return j
		}
	}
	return -1
}

// element fills the paragraphs in one body element.
func (f *filler) element(e string, sc *scope) string {
	out, _ := eachParagraph(e, func(p string) (string, error) { return f.paragraph(p, sc), nil })
	return out
}

// textRun is a run of a paragraph that holds only text.
type textRun struct {
	child int // index among the paragraph's children
	rPr   string
	text  string
}

// paragraph fills the placeholders of paragraph p. Word often splits "{{单位名称}}" over
// several runs (a spelling mark, an edit, a change of font inside the braces): the placeholder
// is first gathered into the run it begins in, so it takes that run's look. A value with line
// breaks becomes several paragraphs of p's look; a paragraph that holds nothing but
// placeholders whose values are empty is left out.
func (f *filler) paragraph(p string, sc *scope) string {
	if !strings.Contains(paragraphText(p), "{{") {
		return p
	}
	open, _, closing := split(p)
	children := paragraphChildren(p)
	runs := gatherRuns(children)
	var full strings.Builder
	for _, r := range runs {
		full.WriteString(r.text)
	}
	if t := full.String(); f.allKnown(t, sc) && strings.TrimSpace(placeholderRe.ReplaceAllStringFunc(t, func(m string) string {
		v, _ := f.lookup(m, sc)
		return v
	})) == "" {
		return "" // only empty values: no empty paragraph left behind
	}
	pPr := ""
	for _, c := range children {
		if nameOf(c) == "w:pPr" {
			pPr = sectPrRe.ReplaceAllString(strings.TrimSpace(c), "") // a copy never repeats a section break
		}
	}
	texts := map[int]*textRun{}
	for i := range runs {
		texts[runs[i].child] = &runs[i]
	}
	var b strings.Builder
	b.WriteString(open)
	for i, c := range children {
		r, ok := texts[i]
		if !ok {
			b.WriteString(c)
			continue
		}
		f.writeRun(&b, r, sc, "</w:p><w:p>"+pPr)
	}
	b.WriteString(closing)
	return b.String()
}

// allKnown reports whether every placeholder of t is known in sc (an unknown one keeps its
// paragraph, so that it is reported).
func (f *filler) allKnown(t string, sc *scope) bool {
	for _, m := range placeholderRe.FindAllString(t, -1) {
		if _, ok := f.lookup(m, sc); !ok {
			return false
		}
	}
	return true
}

// lookup is the value of placeholder m ("{{名称}}") in sc; ok is false for an unknown name or
// a block marker inside a paragraph.
func (f *filler) lookup(m string, sc *scope) (string, bool) {
	sm := placeholderRe.FindStringSubmatch(m)
	if sm[1] != "" {
		return "", false
	}
	return sc.value(sm[2])
}

// gatherRuns finds the text runs among a paragraph's children and moves each placeholder that
// spans several of them into the first, so that every placeholder lies within one run.
func gatherRuns(children []string) []textRun {
	var runs []textRun
	for i, c := range children {
		if nameOf(c) != "w:r" {
			continue
		}
		_, ri, _ := split(c)
		if rPr, t, ok := runText(ri); ok {
			runs = append(runs, textRun{child: i, rPr: rPr, text: t})
		}
	}
	// owner[k] is the run each byte of the joined text belongs to.
	var full strings.Builder
	var owner []int
	for i, r := range runs {
		full.WriteString(r.text)
		for range len(r.text) {
			owner = append(owner, i)
		}
	}
	joined := full.String()
	for _, loc := range placeholderRe.FindAllStringIndex(joined, -1) {
		for k := loc[0]; k < loc[1]; k++ {
			owner[k] = owner[loc[0]]
		}
	}
	parts := make([]strings.Builder, len(runs))
	for k := 0; k < len(joined); k++ {
		parts[owner[k]].WriteByte(joined[k])
	}
	for i := range runs {
		runs[i].text = parts[i].String()
	}
	return runs
}

// writeRun writes run r with its placeholders filled; a line break in a value ends the
// paragraph with paraBreak, and each 【请补充：…】 is a highlighted run of its own.
func (f *filler) writeRun(b *strings.Builder, r *textRun, sc *scope, paraBreak string) {
	if r.text == "" {
		return
	}
	text := placeholderRe.ReplaceAllStringFunc(r.text, func(m string) string {
		v, ok := f.lookup(m, sc)
		if !ok {
			f.unfilled(placeholderRe.FindStringSubmatch(m))
			return m
		}
		return v
	})
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString(paraBreak)
		}
		last := 0
		for _, loc := range markerRe.FindAllStringIndex(line, -1) {
			writeText(b, r.rPr, line[last:loc[0]])
			writeText(b, highlighted(r.rPr), line[loc[0]:loc[1]])
			last = loc[1]
		}
		writeText(b, r.rPr, line[last:])
	}
}

func writeText(b *strings.Builder, rPr, text string) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>" + rPr + `<w:t xml:space="preserve">`)
	_ = xml.EscapeText(b, []byte(text))
	b.WriteString("</w:t></w:r>")
}

// rPrAfterHighlight are the run properties that follow w:highlight in the schema's order (Word
// refuses a file whose properties are out of order).
var rPrAfterHighlight = []string{"<w:u ", "<w:u>", "<w:effect", "<w:bdr", "<w:shd", "<w:fitText", "<w:vertAlign", "<w:rtl", "<w:cs", "<w:em", "<w:lang", "<w:eastAsianLayout", "<w:specVanish", "<w:oMath"}

// highlighted is rPr with a yellow highlight, put in its place among the properties.
func highlighted(rPr string) string {
	const hl = `<w:highlight w:val="yellow"/>`
	if rPr == "" || strings.HasSuffix(rPr, "/>") {
		return "<w:rPr>" + hl + "</w:rPr>"
	}
	rPr = regexp.MustCompile(`<w:highlight [^>]*/>`).ReplaceAllString(rPr, "")
	at := strings.LastIndex(rPr, "</w:rPr>")
	for _, tag := range rPrAfterHighlight {
		if i := strings.Index(rPr, tag); i >= 0 && i < at {
			at = i
		}
	}
	return rPr[:at] + hl + rPr[at:]
}
