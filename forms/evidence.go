package forms

import "strings"

// Evidence is one item of a 佐证材料 list: a contract, an acceptance report, a payment voucher,
// a survey's results. An indicator row and a form's funds block (the unit's 收支情况, a
// project's 项目预算资金) each keep their own list; the list travels with the document and
// prints as the 佐证材料清单.
//
// Every field is kept as typed: Pages is text so that "12页", "１２" or a blank survive a
// round trip and are judged by the checks, not by the loader.
type Evidence struct {
	Name  string `json:"name"`            // 材料名称
	Kind  string `json:"kind,omitempty"`  // 材料类型 (合同、验收报告、付款凭证、满意度调查…)
	Pages string `json:"pages,omitempty"` // 页数
	Path  string `json:"path,omitempty"`  // 电子文件 (optional): a file to send with the package
}

// IsBlank reports whether nothing was typed in the item.
func (e Evidence) IsBlank() bool {
	return strings.TrimSpace(e.Name) == "" && strings.TrimSpace(e.Kind) == "" &&
		strings.TrimSpace(e.Pages) == "" && strings.TrimSpace(e.Path) == ""
}

// EvidenceKinds are the kinds offered in the editor's drop-down; any other text may be typed.
func EvidenceKinds() []string {
	return []string{"合同协议", "验收报告", "付款凭证", "会议纪要", "统计报表", "满意度调查", "照片影像", "制度文件", "其他"}
}
