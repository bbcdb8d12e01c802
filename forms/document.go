// Package forms is the domain of 绩效自评: the 部门（单位）整体绩效自评表 and the
// 预算项目（政策）绩效目标自评表 as data, their official scoring, the checks that tell an
// accountant what is wrong, and the versioned document file.
//
// Every field holds the text the user typed; numbers are parsed from it when scores are
// computed (Evaluate), so nothing the user typed is ever changed or lost. The package uses
// only the standard library and an exact decimal type: it knows nothing of Fyne or PDF, nor of
// the operating system (package storage reads and writes the files).
package forms

import "strconv"

// Document is one year's self-evaluation of one unit: the unit form and its project forms.
type Document struct {
	Settings Settings       `json:"settings"`
	Unit     UnitForm       `json:"unit"`
	Projects []*ProjectForm `json:"projects"`
}

// AmountStyle says how typed amounts are printed.
type AmountStyle string

const (
	// AmountsAsTyped prints amounts exactly as the user typed them (2679, 3014.2, 600.00).
	AmountsAsTyped AmountStyle = "as-typed"
	// AmountsFixed2 prints every amount with two decimals.
	AmountsFixed2 AmountStyle = "fixed2"
)

// NegativeRule picks how a negative (≤, ＜) indicator that misses its target is scored.
type NegativeRule string

const (
	// NegativeRatio scores 分值 × 指标值 / 完成值 (the default).
	NegativeRatio NegativeRule = "ratio"
	// NegativeLinear scores 分值 × (1 − (完成值 − 指标值) / 指标值), 0 at twice the target.
	NegativeLinear NegativeRule = "linear"
)

// Settings are the document-wide choices.
type Settings struct {
	// Year is the evaluated year as typed ("2021"); it appears in every title.
	Year string `json:"year"`
	// UnitShortName is the 单位简称 used in titles ("抚顺市社保中心").
	UnitShortName string `json:"unit_short_name"`
	// Amounts says how amounts are printed.
	Amounts AmountStyle `json:"amounts"`
	// Negative picks the scoring rule for ≤ and ＜ indicators.
	Negative NegativeRule `json:"negative_rule"`
	// Signature turns on the signature footer under each printed form.
	Signature bool `json:"signature_footer"`
	// Footer holds the values printed in the signature footer.
	Footer Footer `json:"footer"`
	// Template is the 表式 of the project forms (template.go); "" is the default. The unit form
	// has one layout whatever the template. Set it with SetTemplate, which leaves the default
	// out of the file: a file that holds the key cannot be opened by a program older than the
	// key (the file format refuses unknown keys), one without it can.
	Template TemplateID `json:"template,omitempty"`

	// The rule options of forms/options.go (RuleOptions describes them), each off when zero. Like
	// Template they are left out of the file while off, so a file without options is what it was
	// before they existed and opens in older programs; a file that holds one cannot be opened by
	// a program older than the key (the file format refuses unknown keys).

	// OverTarget is 超额完成: OverTarget120 or OverTarget130 flags a quantitative indicator whose
	// 完成值 passes its target by that much and asks for its 原因说明; "" is off.
	OverTarget OverTarget `json:"over_target,omitempty"`
	// RateCap is 执行率封顶: a project's C+D is capped by its 预算执行率 (rateCaps).
	RateCap bool `json:"rate_cap,omitempty"`
	// RoundScores rounds each indicator's 得分 to 2 decimals before summing, and D to whole points.
	RoundScores bool `json:"round_scores,omitempty"`
	// Strict makes a missing 原因说明 (of a deduction, a low 执行率 or an 超额完成) an error.
	Strict bool `json:"strict_reasons,omitempty"`
	// HideIndicatorNumbers leaves out the "指标 N：" the national template prints before each
	// 三级 name (tables/national.go): some provinces print it, some do not. Off (printed) is the
	// default, as before the option existed.
	HideIndicatorNumbers bool `json:"hide_indicator_numbers,omitempty"`
	// EvidenceHint turns on the hint for an indicator at full marks with no 佐证材料 listed
	// (forms/evidence.go); off by default, since many units keep their evidence elsewhere.
	EvidenceHint bool `json:"evidence_hint,omitempty"`
	// ReportTemplate is the path of the .docx the 自评报告 is filled from; blank means the
	// built-in template.
	ReportTemplate string `json:"report_template,omitempty"`
}

// Footer is the optional signature block under a printed form.
type Footer struct {
	Preparer string `json:"preparer"` // 填表人
	Phone    string `json:"phone"`    // 联系电话
	Leader   string `json:"leader"`   // 单位负责人（签字）
	Date     string `json:"date"`     // 填报日期
}

// Fixed2 reports whether amounts are printed with two decimals.
func (s Settings) Fixed2() bool { return s.Amounts == AmountsFixed2 }

// NewDocument returns an empty document for year with the default unit form and no projects.
func NewDocument(year int) *Document {
	return &Document{
		Settings: Settings{Year: strconv.Itoa(year), Amounts: AmountsAsTyped, Negative: NegativeRatio},
		Unit:     *NewUnitForm(),
		Projects: []*ProjectForm{},
	}
}

// UnitTitle is the printed title of the unit form: "2021 年抚顺市社保中心整体绩效自评表".
func (d *Document) UnitTitle() string {
	return d.Settings.Year + " 年" + d.Settings.UnitShortName + "整体绩效自评表"
}

// ProjectTitle is the printed title of every project form, in the document's template (its
// lines split by "\n").
func (d *Document) ProjectTitle() string {
	return d.Settings.TemplateOf().ProjectTitle(d.Settings)
}

// AddProject appends a new project form with the default skeleton and returns it, or nil when
// the document is full (AddProjectError says why).
func (d *Document) AddProject() *ProjectForm {
	if d.AddProjectError() != nil {
		return nil
	}
	p := NewProjectForm()
	p.Department = d.Unit.Name
	p.Implementer = d.Unit.Name
	d.Projects = append(d.Projects, p)
	return p
}

// RemoveProject removes project i; it does nothing when i is out of range.
func (d *Document) RemoveProject(i int) {
	if i < 0 || i >= len(d.Projects) {
		return
	}
	d.Projects = append(d.Projects[:i], d.Projects[i+1:]...)
}

// MoveProject moves project i to position j.
func (d *Document) MoveProject(i, j int) {
	moveItem(d.Projects, i, j)
}

// moveItem moves s[i] to position j, shifting the items between; out-of-range moves do nothing.
func moveItem[T any](s []T, i, j int) {
	if i < 0 || j < 0 || i >= len(s) || j >= len(s) || i == j {
		return
	}
	v := s[i]
	if i < j {
		copy(s[i:j], s[i+1:j+1])
	} else {
		copy(s[j+1:i+1], s[j:i])
	}
	s[j] = v
}
