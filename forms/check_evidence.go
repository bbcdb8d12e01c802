package forms

import (
	"errors"
	"strconv"
)

// The checks of the 佐证材料 lists (forms/evidence.go): a 页数 that is not a whole number, an
// item with a file but no name, and, with the evidence_hint rule on, an indicator at full marks
// with nothing listed. None changes a score. Whether a listed file exists cannot be checked
// here (forms touches no file): the package step that copies the files says which are missing.

// Location fields of the items' problems: Location.Index is the item's index in its list.
const (
	evidenceField      = "evidence"       // the list as a whole (the evidence_hint rule)
	evidenceNameField  = "evidence_name"  // 材料名称 of item Index
	evidencePagesField = "evidence_pages" // 页数 of item Index
)

// evidenceProblems are the problems of the 佐证材料 lists of one form (-1 the unit form, i
// project i), res being the form's indicator results.
func evidenceProblems(doc *Document, form int, res TreeResult) []Problem {
	r := &reporter{form: UnitFormName, formIndex: form}
	tree, funds := doc.Unit.Indicators, doc.Unit.BudgetEvidence
	fundsSection, indicatorSection := "年度部门（单位）整体收支情况（万元）", "分解目标评价"
	if form >= 0 {
		p := doc.Projects[form]
		r.form, r.names = ProjectFormName(form, p), doc.Settings.TemplateOf().Layout().Names
		tree, funds = p.Indicators, p.FundsEvidence
		fundsSection, indicatorSection = "项目预算资金（万元）", "绩效指标"
	}
	r.at(SecBudget, fundsSection)
	checkEvidenceItems(r, Location{RowID: "evidence"}, "佐证材料", funds)
	r.at(SecIndicators, indicatorSection)
	tree.Each(func(p RowPath, l1 *Level1, l2 *Level2, in *Indicator) {
		row := IndicatorRowName(l1, l2, p.Row)
		checkEvidenceItems(r, Location{Path: p}, row, in.Evidence)
		if doc.Settings.EvidenceHint {
			checkFullMarksEvidence(r, p, row, in, res.At(p))
		}
	})
	return r.out
}

// checkEvidenceItems checks each item of a list; at is where the list is (its Index and Field
// are set per problem), row how problems name its row.
func checkEvidenceItems(r *reporter, at Location, row string, items []Evidence) {
	for i, e := range items {
		if e.IsBlank() {
			continue
		}
		at.Index = i
		if _, err := ParsePages(e.Pages); err != nil && !errors.Is(err, ErrEmpty) {
			at.Field = evidencePagesField
			r.add(LevelWarning, at, row, evidenceItemField(i, "页数"), "%v；页数印在佐证材料清单上，请改正或留空。", err)
		}
		if isBlank(e.Name) && !isBlank(e.Path) {
			at.Field = evidenceNameField
			r.add(LevelWarning, at, row, evidenceItemField(i, "材料名称"), "佐证材料有电子文件“%s”但没有名称：请填写材料名称，清单上按名称列出。", e.Path)
		}
	}
}

// evidenceItemField names a field of item i of a list: "佐证材料第 2 项 › 页数".
func evidenceItemField(i int, field string) string {
	return "佐证材料第 " + strconv.Itoa(i+1) + " 项 › " + field
}

// checkFullMarksEvidence is the evidence_hint rule: an indicator whose 得分 equals its 分值 (a
// positive one) lists no item that is not blank. It is a warning, the lowest level the checks
// have, and 严格检查 leaves it one (missingReason does not count it).
func checkFullMarksEvidence(r *reporter, p RowPath, row string, in *Indicator, res *IndicatorResult) {
	if res == nil || !res.HasScore || !res.HasWeight || !res.Weight.IsPositive() || !res.Score.Equal(res.Weight) {
		return
	}
	for _, e := range in.Evidence {
		if !e.IsBlank() {
			return
		}
	}
	r.add(LevelWarning, Location{Path: p, Index: -1, Field: evidenceField}, row, "佐证材料",
		"提示：该指标得满分（%s 分），但未列佐证材料：请列出能证明完成情况的材料（合同、验收报告、付款凭证等）。此提示由文档设置“满分指标须有佐证材料”开启。", FormatScore(res.Score))
}
