// Package formstest is for tests only: it turns a fuzzer's bytes into a *forms.Document by
// applying, through the model's own API, the edits the bytes encode (the calls the editor makes).
// It is the one builder of the fuzz targets of forms (FuzzEvaluate) and pdfout (FuzzRender).
//
// The saved corpora of those targets decode through it, so how given bytes decode must not
// change: a change makes every saved input (crashers included) test something else. The two
// targets encode differently (see Options); each keeps its own Options. SummaryInputs are the
// documents of the department-summary tests of pdfout and xlsxout.
package formstest

import (
	"slices"
	"strconv"
	"strings"

	"ziping/forms"
)

// Edit is one operation of the builder. The first byte of each operation chooses it (see
// Options.Compact); the bytes after it are its arguments.
type Edit int

// The edits. An index argument is mostly a valid position, sometimes one just outside the range
// (which the API must ignore); a text argument is a dictionary entry, two texts joined, a text
// repeated or raw bytes.
const (
	AddProject    Edit = iota // adds a 项目 form (up to MaxProjects)
	RemoveProject             // index
	MoveProject               // index, index
	AddRow                    // tree, 一级, 二级 (up to MaxList rows)
	RemoveRow                 // tree, row path
	MoveRow                   // tree, row path, target
	AddLevel2                 // tree, 一级, name (up to MaxLevel2 二级)
	RemoveLevel2              // tree, 一级, 二级
	MoveLevel2                // tree, 一级, 二级, target
	SetIndicator              // tree, row path, field (0–12), value
	SetAmount                 // row of amounts, column, text
	SetSettings               // setting, value
	UnitHeader                // field, text (not Compact)
	ProjectHeader             // project, field, text; no argument without projects (not Compact)
	Header                    // form (0 the unit form), field, text (Compact only)
	Tasks                     // action (append, delete, name, project) and task, see Options.Compact
	Goals                     // form, action (append, delete, set) and goal, see Options.Compact
	Rename                    // tree, 一级, 二级, which name, text
)

// The edit an operation byte b chooses is edits[b % len(edits)], for the encoding as it is
// Compact or not.
var (
	fullEdits = []Edit{AddProject, RemoveProject, MoveProject, AddRow, RemoveRow, MoveRow,
		AddLevel2, RemoveLevel2, MoveLevel2, SetIndicator, SetAmount, SetSettings,
		UnitHeader, ProjectHeader, Tasks, Goals, Rename}
	compactEdits = []Edit{AddProject, RemoveProject, MoveProject, AddRow, RemoveRow, MoveRow,
		AddLevel2, RemoveLevel2, MoveLevel2, SetIndicator, SetAmount, SetSettings,
		Header, Tasks, Goals, Rename}
)

// Options fix how bytes decode.
type Options struct {
	// Limits that keep one execution fast: operations applied, 项目 forms, tasks, goals and
	// rows per 二级 (MaxList), 二级 per 一级, bytes per text.
	MaxOps, MaxProjects, MaxList, MaxLevel2, MaxStr int
	// Dict: the texts a text byte below 0x60 chooses from.
	Dict []string
	// ValidUTF8 stores texts as a document file can hold them: invalid UTF-8 becomes U+FFFD, as
	// encoding/json writes it. Without it texts keep any bytes.
	ValidUTF8 bool
	// Compact is the encoding of FuzzRender's corpus, which differs in four places:
	//   - the operation byte chooses among 16 edits, with one Header for the unit's and the
	//     projects' header fields (otherwise among 17, with UnitHeader and ProjectHeader);
	//   - MoveRow and MoveLevel2 read their target among 4 positions, not among those present;
	//   - SetSettings has no year-as-number case, and reads an amount style or scoring rule as
	//     one of the offered three, replaced by any text when the next byte is 0 modulo 8
	//     (otherwise: one byte chooses among the three and any text);
	//   - Tasks and Goals read the item's index before the action, even for an append
	//     (otherwise: after it, and not for an append).
	Compact bool
}

// DocFromBytes applies the edits data encodes, as o decodes them, to forms.NewDocument(year).
func DocFromBytes(year int, data []byte, o Options) *forms.Document {
	d := forms.NewDocument(year)
	b := &builder{o: &o, data: data}
	for n := 0; b.more() && n < o.MaxOps; n++ {
		b.step(d)
	}
	return d
}

// Prog encodes a hand-written sequence of edits for a seed corpus: an Edit becomes the byte that
// chooses it in o's encoding, an int the byte of its value, a string raw text (0x80+len, the
// bytes).
func (o Options) Prog(items ...any) []byte {
	edits := o.edits()
	var out []byte
	for _, it := range items {
		switch v := it.(type) {
		case Edit:
			i := slices.Index(edits, v)
			if i < 0 {
				panic("seed edit not in this encoding")
			}
			out = append(out, byte(i))
		case int:
			out = append(out, byte(v))
		case string:
			if len(v) > 0x7F {
				panic("seed text too long")
			}
			out = append(out, byte(0x80+len(v)))
			out = append(out, v...)
		default:
			panic("seed item neither Edit, int nor string")
		}
	}
	return out
}

func (o *Options) edits() []Edit {
	if o.Compact {
		return compactEdits
	}
	return fullEdits
}

// builder decodes the bytes; past their end it reads zeros.
type builder struct {
	o    *Options
	data []byte
	pos  int
}

func (b *builder) more() bool { return b.pos < len(b.data) }

func (b *builder) byte() byte {
	if b.pos >= len(b.data) {
		b.pos++ // so that more() stays false
		return 0
	}
	c := b.data[b.pos]
	b.pos++
	return c
}

// pick returns a number in [0, n).
func (b *builder) pick(n int) int {
	if n <= 0 {
		return 0
	}
	return int(b.byte()) % n
}

// index chooses a position among n items: mostly a valid one, sometimes one just outside the
// range on either side (n-16 … n+15, negative included).
func (b *builder) index(n int) int {
	c := int(b.byte())
	if c >= 0xE0 {
		return n + c - 0xF0
	}
	if n <= 0 {
		return 0
	}
	return c % n
}

// str decodes a text: a dictionary entry, two texts joined, a text repeated, or raw bytes.
func (b *builder) str() string {
	s := b.rawStr(0)
	if b.o.ValidUTF8 {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

func (b *builder) rawStr(depth int) string {
	c := b.byte()
	var s string
	switch {
	case c < 0x60 || depth > 3 && c < 0x80:
		s = b.o.Dict[int(c)%len(b.o.Dict)]
	case c < 0x70:
		s = b.rawStr(depth+1) + b.rawStr(depth+1)
	case c < 0x80:
		n := b.pick(60) + 1
		s = strings.Repeat(b.rawStr(depth+1), n)
	default:
		n := int(c - 0x80)
		end := min(b.pos+n, len(b.data))
		if b.pos < end {
			s = string(b.data[b.pos:end])
		}
		b.pos += n
	}
	if len(s) > b.o.MaxStr {
		s = s[:b.o.MaxStr] // may cut a rune
	}
	return s
}

// known reads one of values (a byte below 0xC0) or any text (an operator or grade that is not
// one of them: the checks must name it).
func known[T ~string](b *builder, values []T) T {
	if c := b.byte(); c < 0xC0 {
		return values[int(c)%len(values)]
	}
	return T(b.str())
}

// offered reads one of the values the editor offers, or sometimes any text (see Options.Compact).
func offered[T ~string](b *builder, values ...T) T {
	if b.o.Compact {
		v := values[b.pick(len(values))]
		if b.pick(8) == 0 {
			v = T(b.str())
		}
		return v
	}
	if k := b.pick(len(values) + 1); k < len(values) {
		return values[k]
	}
	return T(b.str())
}

// tree chooses the unit form's indicator table or a project's.
func (b *builder) tree(d *forms.Document) forms.Tree {
	if k := b.pick(1 + len(d.Projects)); k > 0 {
		return d.Projects[k-1].Indicators
	}
	return d.Unit.Indicators
}

// level2 chooses a 二级 (or a position next to one) of t.
func (b *builder) level2(t forms.Tree) (l1, l2 int) {
	l1 = b.index(len(t))
	return l1, b.index(level2Count(t, l1))
}

func level2Count(t forms.Tree, l1 int) int {
	if l1 >= 0 && l1 < len(t) {
		return len(t[l1].Children)
	}
	return 0
}

func rowCount(t forms.Tree, l1, l2 int) int {
	if l := t.Level2At(l1, l2); l != nil {
		return len(l.Rows)
	}
	return 0
}

func (b *builder) path(t forms.Tree) forms.RowPath {
	l1, l2 := b.level2(t)
	return forms.RowPath{L1: l1, L2: l2, Row: b.index(rowCount(t, l1, l2))}
}

// target reads where MoveRow or MoveLevel2 moves to, among n present (see Options.Compact).
func (b *builder) target(n int) int {
	if b.o.Compact {
		n = 4
	}
	return b.index(n)
}

func (b *builder) project(d *forms.Document) *forms.ProjectForm {
	if len(d.Projects) == 0 {
		return nil
	}
	return d.Projects[b.pick(len(d.Projects))]
}

// editList reads an action among actions on list and applies it: 0 appends add() (up to
// MaxList items), 1 deletes an item, from 2 on set changes one (its way = action-2). The item's
// index is read after the action, and not for an append, unless Compact.
func editList[T any](b *builder, list *[]*T, actions int, add func() *T, set func(item *T, way int)) {
	var action, i int
	if b.o.Compact {
		i = b.index(len(*list))
		action = b.pick(actions)
	} else if action = b.pick(actions); action != 0 {
		i = b.index(len(*list))
	}
	switch {
	case action == 0:
		if len(*list) < b.o.MaxList {
			*list = append(*list, add())
		}
	case i < 0 || i >= len(*list):
	case action == 1:
		*list = slices.Delete(*list, i, i+1)
	default:
		set((*list)[i], action-2)
	}
}

// amounts chooses a row of amounts: a unit budget row, a task, the tasks' 合计, or a fund row.
func (b *builder) amounts(d *forms.Document) *forms.Amounts {
	switch b.pick(4) {
	case 0:
		return &d.Unit.BudgetRow(forms.UnitBudgetRows[b.pick(len(forms.UnitBudgetRows))].ID).Amounts
	case 1:
		if i := b.index(len(d.Unit.Tasks)); i >= 0 && i < len(d.Unit.Tasks) {
			return &d.Unit.Tasks[i].Amounts
		}
		return nil
	case 2:
		return &d.Unit.TasksTotal
	}
	if p := b.project(d); p != nil {
		return &p.FundRow(forms.ProjectFundRows[b.pick(len(forms.ProjectFundRows))].ID).Amounts
	}
	return nil
}

func (b *builder) unitHeader(u *forms.UnitForm) {
	*[]*string{&u.Name, &u.Staff, &u.Subunits}[b.pick(3)] = b.str()
}

func (b *builder) projectHeader(p *forms.ProjectForm) {
	*[]*string{&p.Name, &p.Department, &p.Implementer, &p.Period, &p.FundsWeight}[b.pick(5)] = b.str()
}

func (b *builder) setIndicatorField(in *forms.Indicator) {
	switch k := b.pick(13); k {
	case 0:
		in.Op = known(b, forms.Ops())
	case 8:
		in.Manual = !in.Manual
	case 9:
		i := b.pick(6) // 5 is past the last box: SetTick must ignore it
		in.Reasons.SetTick(i, b.pick(2) == 1)
	case 12:
		in.Grade = known(b, forms.Grades())
	default:
		texts := []*string{1: &in.Content, &in.Unit, &in.Target, &in.Actual, &in.Completion,
			&in.Weight, &in.Score, 10: &in.Reason, &in.Measures}
		*texts[k] = b.str()
	}
}

// setSettings changes a document setting. The amount style and the scoring rule are mostly the
// ones the editor offers, sometimes blank or any text (which the checks must report).
func (b *builder) setSettings(s *forms.Settings) {
	var k int
	if b.o.Compact {
		if k = b.pick(6); k >= 1 {
			k++ // no year as a number
		}
	} else {
		k = b.pick(7)
	}
	switch k {
	case 0:
		s.Year = b.str()
	case 1:
		s.Year = strconv.Itoa(int(int16(uint16(b.byte())<<8 | uint16(b.byte()))))
	case 2:
		s.UnitShortName = b.str()
	case 3:
		s.Amounts = offered(b, forms.AmountsAsTyped, forms.AmountsFixed2, "")
	case 4:
		s.Negative = offered(b, forms.NegativeRatio, forms.NegativeLinear, "")
	case 5:
		s.Signature = !s.Signature
	default:
		f := &s.Footer
		*[]*string{&f.Preparer, &f.Phone, &f.Leader, &f.Date}[b.pick(4)] = b.str()
	}
}
