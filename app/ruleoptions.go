package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"ziping/forms"
)

// ruleOptions edits the scoring rule options of 文档设置, one editor per forms.RuleOptions entry,
// generated from their description: a drop-down for an option with several values, a tick box
// for one that is on or off, and a help button with the option's explanation. Each change is one
// 撤销 step and re-evaluates every form, since an option can change any total. Its exported
// fields are handles for tests, by the option's key.
type ruleOptions struct {
	w       *Window
	Selects map[string]*widget.Select
	Checks  map[string]*widget.Check
	Help    map[string]*widget.Button
}

// ruleItem is the 计分规则 item of the settings form: the rule options' editors, one per line.
func (u *unitTab) ruleItem() *widget.FormItem {
	u.Rules = newRuleOptions(u.w)
	return widget.NewFormItem("计分规则", u.Rules.box())
}

func newRuleOptions(w *Window) *ruleOptions {
	return &ruleOptions{w: w, Selects: map[string]*widget.Select{}, Checks: map[string]*widget.Check{}, Help: map[string]*widget.Button{}}
}

// box builds the editors, each set to the document's value, under their names in a form of
// their own (so that the names line up).
func (r *ruleOptions) box() *widget.Form {
	box := widget.NewForm()
	for _, o := range forms.RuleOptions() {
		help := widget.NewButtonWithIcon("", theme.QuestionIcon(), func() { dialog.ShowInformation(o.Label, o.Help, r.w.Win) })
		r.Help[o.Key] = help
		var editor fyne.CanvasObject
		if o.Toggle {
			editor = r.check(o)
		} else {
			editor = r.choice(o)
		}
		box.Append(o.Label, container.NewBorder(nil, nil, nil, help, editor))
	}
	return box
}

// check is the tick box of a toggle option.
func (r *ruleOptions) check(o forms.RuleOption) *widget.Check {
	c := widget.NewCheck(o.Choices[1].Label, nil)
	c.SetChecked(o.On(r.w.Doc.Settings))
	c.OnChanged = func(on bool) {
		v := o.Choices[0].Value
		if on {
			v = o.Choices[1].Value
		}
		r.set(o, v)
	}
	r.Checks[o.Key] = c
	return c
}

// choice is the drop-down of an option with several values. A value the program does not know
// (a hand-edited file) selects nothing; the check list reports it.
func (r *ruleOptions) choice(o forms.RuleOption) *widget.Select {
	labels := make([]string, len(o.Choices))
	for i, c := range o.Choices {
		labels[i] = c.Label
	}
	s := widget.NewSelect(labels, nil)
	for i, c := range o.Choices {
		if c.Value == o.Value(r.w.Doc.Settings) {
			s.SetSelectedIndex(i)
		}
	}
	s.OnChanged = func(string) {
		if i := s.SelectedIndex(); i >= 0 {
			r.set(o, o.Choices[i].Value)
		}
	}
	r.Selects[o.Key] = s
	return s
}

// set gives option o the value v as one 撤销 step, then recomputes every form.
func (r *ruleOptions) set(o forms.RuleOption, v string) {
	s := &r.w.Doc.Settings
	next := *s
	if err := o.Set(&next, v); err != nil { // v is one of o's choices: not reached
		dialog.ShowError(err, r.w.Win)
		return
	}
	if next == *s {
		return
	}
	r.w.record()
	*s = next
	r.w.changedIn(forms.AllForms)
}
