package formstest

import "ziping/forms"

// step applies one edit, chosen by the input, to d: an edit of an indicator table (treeEdits) to
// a table the input picks, any other to the document (docEdits).
func (b *builder) step(d *forms.Document) {
	edits := b.o.edits()
	e := edits[b.pick(len(edits))]
	if f := treeEdits[e]; f != nil {
		f(b, b.tree(d))
	} else if f := docEdits[e]; f != nil {
		f(b, d)
	}
}

// docEdits are the edits of the document as a whole, each drawing what it needs from the input.
var docEdits = map[Edit]func(b *builder, d *forms.Document){
	AddProject: func(b *builder, d *forms.Document) {
		if len(d.Projects) < b.o.MaxProjects {
			d.AddProject()
		}
	},
	RemoveProject: func(b *builder, d *forms.Document) { d.RemoveProject(b.index(len(d.Projects))) },
	MoveProject: func(b *builder, d *forms.Document) {
		d.MoveProject(b.index(len(d.Projects)), b.index(len(d.Projects)))
	},
	SetAmount: func(b *builder, d *forms.Document) {
		a := b.amounts(d)
		if c := forms.AmountColumn(b.pick(3)); a != nil {
			a.Set(c, b.str())
		}
	},
	SetSettings: func(b *builder, d *forms.Document) { b.setSettings(&d.Settings) },
	UnitHeader:  func(b *builder, d *forms.Document) { b.unitHeader(&d.Unit) },
	ProjectHeader: func(b *builder, d *forms.Document) {
		if p := b.project(d); p != nil {
			b.projectHeader(p)
		}
	},
	Header: func(b *builder, d *forms.Document) {
		if k := b.pick(1 + len(d.Projects)); k > 0 {
			b.projectHeader(d.Projects[k-1])
		} else {
			b.unitHeader(&d.Unit)
		}
	},
	Tasks: func(b *builder, d *forms.Document) {
		editList(b, &d.Unit.Tasks, 4, func() *forms.Task { return &forms.Task{Name: b.str()} },
			func(t *forms.Task, way int) { *[]*string{&t.Name, &t.Project}[way] = b.str() })
	},
	Goals: func(b *builder, d *forms.Document) {
		goals := &d.Unit.Goals
		if k := b.pick(1 + len(d.Projects)); k > 0 {
			goals = &d.Projects[k-1].Goals
		}
		editList(b, goals, 3, func() *forms.Goal { return &forms.Goal{} },
			func(g *forms.Goal, _ int) { *[]*string{&g.Target, &g.Result}[b.pick(2)] = b.str() })
	},
}

// treeEdits are the edits of an indicator table, each drawing what it needs from the input.
var treeEdits = map[Edit]func(b *builder, t forms.Tree){
	AddRow: func(b *builder, t forms.Tree) {
		l1, l2 := b.level2(t)
		if t.Level2At(l1, l2) == nil || rowCount(t, l1, l2) < b.o.MaxList {
			t.AddRow(l1, l2)
		}
	},
	RemoveRow: func(b *builder, t forms.Tree) { t.RemoveRow(b.path(t)) },
	MoveRow: func(b *builder, t forms.Tree) {
		p := b.path(t)
		t.MoveRow(p, b.target(rowCount(t, p.L1, p.L2)))
	},
	AddLevel2: func(b *builder, t forms.Tree) {
		l1 := b.index(len(t))
		name := b.str()
		if l1 < 0 || l1 >= len(t) || len(t[l1].Children) < b.o.MaxLevel2 {
			t.AddLevel2(l1, name)
		}
	},
	RemoveLevel2: func(b *builder, t forms.Tree) { t.RemoveLevel2(b.level2(t)) },
	MoveLevel2: func(b *builder, t forms.Tree) {
		l1, l2 := b.level2(t)
		t.MoveLevel2(l1, l2, b.target(level2Count(t, l1)))
	},
	SetIndicator: func(b *builder, t forms.Tree) {
		if in := t.Row(b.path(t)); in != nil {
			b.setIndicatorField(in)
		}
	},
	Rename: func(b *builder, t forms.Tree) {
		l1, l2 := b.level2(t)
		if l := t.Level2At(l1, l2); l != nil {
			if b.pick(2) == 0 {
				l.Name = b.str()
			} else {
				t[l1].Name = b.str()
			}
		}
	},
}
