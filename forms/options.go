package forms

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// The rule options are scoring and checking rules seen in provincial performance-evaluation
// systems, offered as choices of the document (Settings), not national rules: the Ministry of
// Finance's rules (财预〔2020〕10号) leave them to the provinces. Each is off unless chosen, and a
// document without options scores as the seed sample does. RuleOptions describes them for the
// editor and the documentation, so both come from here.

// OverTarget is the 超额完成 option: how far past its target a quantitative indicator's 完成值
// must go to be flagged, its 原因说明 then required.
type OverTarget string

const (
	// OverTargetOff flags nothing (the default).
	OverTargetOff OverTarget = ""
	// OverTarget120 flags a 完成值 at or above 120 % of a ≥ target (at or below 80 % of a ≤ one).
	OverTarget120 OverTarget = "120"
	// OverTarget130 flags a 完成值 at or above 130 % of a ≥ target (at or below 70 % of a ≤ one).
	OverTarget130 OverTarget = "130"
)

// deviation is how far past the target a 完成值 must go to be flagged, as a ratio of the
// target (0.2 for OverTarget120), and false when the option is off or unknown.
func (o OverTarget) deviation() (decimal.Decimal, bool) {
	switch o {
	case OverTarget120:
		return decimal.RequireFromString("0.2"), true
	case OverTarget130:
		return decimal.RequireFromString("0.3"), true
	}
	return decimal.Zero, false
}

func (o OverTarget) valid() bool {
	return o == OverTargetOff || o == OverTarget120 || o == OverTarget130
}

// RateCap is a band of 执行率封顶: a project whose 预算执行率 (a ratio) is below Below has its
// C+D capped at Cap, unless a lower band applies.
type RateCap struct{ Below, Cap decimal.Decimal }

// rateCaps are the bands of 执行率封顶, lowest first: below 50 % → 59, 60 % → 69, 70 % → 79,
// 80 % → 89.
var rateCaps = []RateCap{
	{decimal.RequireFromString("0.5"), decimal.NewFromInt(59)},
	{decimal.RequireFromString("0.6"), decimal.NewFromInt(69)},
	{decimal.RequireFromString("0.7"), decimal.NewFromInt(79)},
	{decimal.RequireFromString("0.8"), decimal.NewFromInt(89)},
}

// RateCaps returns the bands of 执行率封顶, lowest first (for the spreadsheet's formula).
func RateCaps() []RateCap { return slices.Clone(rateCaps) }

// RateCapOf is the ceiling 执行率封顶 puts on a project's C+D for 预算执行率 rate (a ratio), and
// false when there is none (80 % or more). The rate is compared as printed (FormatPercent, two
// decimals of a percentage): 79.996 % is shown as 80 % and is not capped.
func RateCapOf(rate decimal.Decimal) (decimal.Decimal, bool) {
	rate = rate.Round(4)
	for _, c := range rateCaps {
		if rate.LessThan(c.Below) {
			return c.Cap, true
		}
	}
	return decimal.Zero, false
}

// ruleContext is what scoring a row needs from the rule options.
type ruleContext struct {
	over    decimal.Decimal // the deviation 超额完成 flags (0.2, 0.3)
	hasOver bool
	round   bool // RoundScores
	strict  bool // Strict
}

func ruleContextOf(s Settings) ruleContext {
	over, ok := s.OverTarget.deviation()
	return ruleContext{over: over, hasOver: ok, round: s.RoundScores, strict: s.Strict}
}

// exceeded reports whether r, a quantitative row, passes its target by the 超额完成 deviation:
// a ≥, ＞ or ＝ row whose 完成值 is at least (1 + deviation) × 指标值, a ≤ or ＜ row whose 完成值
// is at most (1 − deviation) × 指标值. Targets of 0 or below are never flagged (no ratio).
func (cx ruleContext) exceeded(r *IndicatorResult) bool {
	if !cx.hasOver || !r.Quantitative || !r.CmpTarget.IsPositive() {
		return false
	}
	one := decimal.NewFromInt(1)
	switch r.Op {
	case OpGE, OpGT, OpEQ:
		return r.CmpActual.GreaterThanOrEqual(r.CmpTarget.Mul(one.Add(cx.over)))
	case OpLE, OpLT:
		return r.CmpActual.LessThanOrEqual(r.CmpTarget.Mul(one.Sub(cx.over)))
	}
	return false
}

// capTotal applies 执行率封顶 to a complete project's C+D (Uncapped): Total becomes the cap when
// it is lower. It is the one place the cap is applied; every output reads Total.
func (p *ProjectResult) capTotal(on bool) {
	p.Uncapped = p.Total
	t := p.Funds["T"]
	if !on || !t.HasRate {
		return
	}
	p.Cap, p.HasCap = RateCapOf(t.Rate)
	if p.HasCap && p.Total.GreaterThan(p.Cap) {
		p.Total, p.Capped = p.Cap, true
	}
}

// TotalNote says why a capped total is not C+D, as the printed tables write it beside the total:
// "执行率 75%，按执行率封顶规则由 93.5 调整为 89". It is "" unless 执行率封顶 capped the complete
// form's total (Capped), so a form the option does not touch prints no note.
func (p *ProjectResult) TotalNote() string {
	if !p.Complete || !p.Capped {
		return ""
	}
	return "执行率 " + p.Funds["T"].RateText() + "，按执行率封顶规则由 " + FormatScore(p.Uncapped) +
		" 调整为 " + FormatScore(p.Total)
}

// TotalShown is the total as the editor and the check list show it: TotalText, and after a
// capped total what it was capped from, "89（封顶，原为 93.5）", so that C, D and the total shown
// beside each other visibly add up. It is "" while the form is incomplete.
func (p *ProjectResult) TotalShown() string {
	t := p.TotalText()
	if t == "" || !p.Capped {
		return t
	}
	return t + "（封顶，原为 " + FormatScore(p.Uncapped) + "）"
}

// RuleChoice is one value a rule option takes.
type RuleChoice struct {
	Value string // as stored in Settings ("" for off)
	Label string // shown in the editor
}

// RuleOption describes one rule option of the document settings for the editor and the
// documentation: its settings key, Chinese name, help text and values (the default first).
type RuleOption struct {
	Key     string // the key in the file's settings ("over_target"), also its Location.Field
	Label   string // the Chinese name
	Help    string // what it does and where it comes from, in Chinese
	Choices []RuleChoice
	// Toggle is true for an option that is on or off: its choices are "" (off) and "on".
	Toggle bool
	get    func(Settings) string
	set    func(*Settings, string)
}

// Value is the option's value in s: one of its choices' values, or what s holds when unknown.
func (o RuleOption) Value(s Settings) string { return o.get(s) }

// On reports whether the option is set to anything but its default.
func (o RuleOption) On(s Settings) bool { return o.get(s) != o.Choices[0].Value }

// Set sets the option in s to v, one of its choices' values; another value is an error and s is
// left as it was.
func (o RuleOption) Set(s *Settings, v string) error {
	for _, c := range o.Choices {
		if c.Value == v {
			o.set(s, v)
			return nil
		}
	}
	return fmt.Errorf("“%s”不是“%s”的可选值", v, o.Label)
}

// toggleOn is the value of a toggle option that is on.
const toggleOn = "on"

func toggle(key, label, help, on string, p func(*Settings) *bool) RuleOption {
	return RuleOption{
		Key: key, Label: label, Help: help, Toggle: true,
		Choices: []RuleChoice{{"", "不启用"}, {toggleOn, on}},
		get: func(s Settings) string {
			if *p(&s) {
				return toggleOn
			}
			return ""
		},
		set: func(s *Settings, v string) { *p(s) = v == toggleOn },
	}
}

// ruleOptionsNote ends every help text: where the rules come from.
const ruleOptionsNote = "此规则见于部分省份的预算绩效管理系统，作为选项提供，并非全国统一规定；默认不启用。"

// RuleOptions lists the scoring, checking and printing options of the document settings, in the
// order the editor shows them: 反向指标计分, 超额完成, 执行率封顶, 得分取整, 严格检查, 指标编号,
// 满分指标须有佐证材料.
func RuleOptions() []RuleOption {
	return []RuleOption{
		{
			Key: "negative_rule", Label: "反向指标计分",
			Help:    "反向指标（运算符号 ≤、＜）的完成值超过指标值时的得分：比值法为 分值×指标值/完成值；线性法为 分值×(1−(完成值−指标值)/指标值)，完成值达到指标值的两倍时得 0 分。比值法为默认；线性法见于部分省份的评分办法。",
			Choices: []RuleChoice{{string(NegativeRatio), "比值法：分值×指标值/完成值"}, {string(NegativeLinear), "线性法：超出一倍得 0 分"}},
			get: func(s Settings) string {
				if s.Negative == "" {
					return string(NegativeRatio)
				}
				return string(s.Negative)
			},
			set: func(s *Settings, v string) { s.Negative = NegativeRule(v) },
		},
		{
			Key: "over_target", Label: "超额完成须说明原因",
			Help:    "定量指标的完成值达到指标值的 120%（或 130%）及以上（反向指标：降到指标值的 80%（或 70%）及以下）时，视为超额完成，须在原因说明中写明偏差原因（如年初指标值定得偏低）；未填写时提示警告，启用“严格检查”时为错误。得分不受影响。" + ruleOptionsNote,
			Choices: []RuleChoice{{string(OverTargetOff), "不启用"}, {string(OverTarget120), "达到指标值的 120% 及以上"}, {string(OverTarget130), "达到指标值的 130% 及以上"}},
			get:     func(s Settings) string { return string(s.OverTarget) },
			set:     func(s *Settings, v string) { s.OverTarget = OverTarget(v) },
		},
		toggle("rate_cap", "执行率封顶",
			"项目的预算执行率（全年执行数/全年预算数）低于 80% 时，项目总得分（C+D）设上限：70%（含）至 80% 最高 89 分，60%（含）至 70% 最高 79 分，50%（含）至 60% 最高 69 分，低于 50% 最高 59 分。封顶后的总得分用于显示、检查、打印、导出和部门汇总，检查结果中说明封顶原因。"+ruleOptionsNote,
			"按预算执行率封顶项目总得分", func(s *Settings) *bool { return &s.RateCap }),
		toggle("round_scores", "得分取整",
			"每个指标的得分先四舍五入到 2 位小数再求和，预算执行率得分（D）四舍五入到整数分。不启用时按精确值求和，只在显示时保留 2 位小数。"+ruleOptionsNote,
			"指标得分保留 2 位小数，D 取整数", func(s *Settings) *bool { return &s.RoundScores }),
		toggle("strict_reasons", "严格检查",
			"未说明原因（扣分指标未填原因说明或改进措施、执行率低于 90% 未说明原因、超额完成未说明原因）按错误提示，而不是警告。"+ruleOptionsNote,
			"未说明原因按错误提示", func(s *Settings) *bool { return &s.Strict }),
		toggle("hide_indicator_numbers", "指标编号",
			"全国通用表式在每个三级指标名称前印“指标 1：”“指标 2：”……（默认，与以前相同）；有的省份印，有的省份不印，并非全国统一规定。启用后只印指标名称。只影响全国通用表式的打印和导出（PDF、Excel）；辽宁省表式的“指标 N”是单独的一列，照印。",
			"全国通用表式不印“指标 N：”", func(s *Settings) *bool { return &s.HideIndicatorNumbers }),
		toggle("evidence_hint", "满分指标须有佐证材料",
			"得分等于分值（满分）的指标没有列出佐证材料时，在检查结果中提示（警告，不是错误；“严格检查”也不把它改为错误），提醒补列合同、验收报告、付款凭证等材料。得分不受影响。"+ruleOptionsNote,
			"满分指标未列佐证材料时提示", func(s *Settings) *bool { return &s.EvidenceHint }),
	}
}

// checkRuleSettings reports an option value this program does not know (a hand-edited file).
func checkRuleSettings(doc *Document) []Problem {
	r := &reporter{form: "文档设置", formIndex: -1}
	r.at(SecSettings, "")
	if o := doc.Settings.OverTarget; !o.valid() {
		r.add(LevelError, Location{Index: -1, Field: "over_target"}, "", "超额完成须说明原因", "超额完成的取值“%s”无法识别，此项检查未进行：请在文档设置中重新选择。", o)
	}
	return r.out
}

// withRules adds to the problems ps of form (-1 the unit form, i project i) those the rule
// options raise, and under 严格检查 turns each missing explanation into an error.
func withRules(doc *Document, form int, ps []Problem, tree Tree, res TreeResult, project *ProjectResult) []Problem {
	cx := ruleContextOf(doc.Settings)
	name := UnitFormName
	if form >= 0 {
		name = ProjectFormName(form, doc.Projects[form])
	}
	r := &reporter{form: name, formIndex: form}
	if form >= 0 {
		r.names = doc.Settings.TemplateOf().Layout().Names // as checkProject: the names the form prints
	}
	r.at(SecIndicators, "分解目标评价")
	if form >= 0 {
		r.at(SecIndicators, "绩效指标")
	}
	level := LevelWarning
	if cx.strict {
		level = LevelError
	}
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		checkExceeded(r, level, IndicatorRowName(l1, l2, p.Row), in, res.At(p), cx)
	})
	rows := r.out
	r.out = nil
	if project != nil && project.Complete && project.Capped {
		r.at(SecTotals, "绩效自评得分")
		rate := project.Funds["T"].RateText()
		r.add(LevelWarning, Location{RowID: "total", Index: -1, Field: "score"}, "", "总得分",
			"预算执行率 %s（全年执行数/全年预算数）低于 %s，按文档设置“执行率封顶”，总得分由 %s 封顶为 %s。",
			rate, capBand(project.Cap), FormatScore(project.Uncapped), FormatScore(project.Cap))
	}
	out := make([]Problem, 0, len(ps)+len(rows)+len(r.out))
	placed := false
	for _, p := range ps {
		if cx.strict && p.Level == LevelWarning && missingReason(p) {
			p.Level = LevelError
		}
		if !placed && p.Loc.Section == SecTotals {
			out, placed = append(out, rows...), true
		}
		out = append(out, p)
	}
	if !placed {
		out = append(out, rows...)
	}
	return append(out, r.out...)
}

// capBand is the 执行率 under which cap applies, as printed ("70%").
func capBand(c decimal.Decimal) string {
	for _, b := range rateCaps {
		if b.Cap.Equal(c) {
			return FormatPercent(b.Below)
		}
	}
	return ""
}

// missingReason reports whether p is a check's warning that an explanation is missing: of a
// deduction (checkDeduction: the reasons, 原因说明 or 改进措施 of an indicator row) or of a
// 执行率 below 90 % (checkAmountRow). 严格检查 makes them errors. They are recognised by where
// they point, which the editor relies on too, not by their wording.
func missingReason(p Problem) bool {
	switch {
	case p.Loc.Section == SecIndicators:
		switch p.Loc.Field {
		case "reasons", "reason", "measures":
			return true
		}
	case p.Loc.Section == SecBudget || p.Loc.Section == SecTasks:
		return p.Loc.Field == "actual" && p.Field == "执行率"
	}
	return false
}

// checkExceeded asks for the 原因说明 of a row that 超额完成 flags.
func checkExceeded(r *reporter, level Level, row string, in *Indicator, res *IndicatorResult, cx ruleContext) {
	if res == nil || !res.Exceeded || !isBlank(in.Reason) {
		return
	}
	ratio := FormatPercent(res.CmpActual.DivRound(res.CmpTarget, divPrecision))
	loc := Location{Index: -1, Path: res.Path, Field: "reason"}
	bound := FormatPercent(decimal.NewFromInt(1).Add(cx.over))
	if res.Op == OpLE || res.Op == OpLT {
		bound = FormatPercent(decimal.NewFromInt(1).Sub(cx.over))
		r.add(level, loc, row, "原因说明", "全年完成值“%s”为指标值“%s”的 %s，降到 %s 及以下，属超额完成（文档设置“超额完成须说明原因”），但未填写原因说明：请写明偏差原因（如年初指标值定得偏宽）。",
			strings.TrimSpace(in.Actual), strings.TrimSpace(in.Target), ratio, bound)
		return
	}
	r.add(level, loc, row, "原因说明", "全年完成值“%s”达到指标值“%s”的 %s（%s 及以上），属超额完成（文档设置“超额完成须说明原因”），但未填写原因说明：请写明偏差原因（如年初指标值定得偏低）。",
		strings.TrimSpace(in.Actual), strings.TrimSpace(in.Target), ratio, bound)
}
